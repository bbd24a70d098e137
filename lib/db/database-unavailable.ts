// Tells an outage (PostgreSQL down, restarting, unreachable, out of connections) from a real
// error (a constraint, a bug): the first is worth retrying, the second is not.

/** Prisma's codes for "could not reach / lost / timed out waiting for the database". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** @prisma/adapter-pg's kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
/** PostgreSQL: connection exceptions (08…), shutting down or starting (57P01–57P03), too many connections. */
const POSTGRES_CODE = /^(08...|57P0[123]|53300)$/;
/** pg's own messages when a connection dies or cannot be had in time. */
const DRIVER_MESSAGE =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|server closed the connection/i;

type Inspectable = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, kind, originalCode, message, cause, meta } = error as Inspectable;
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || POSTGRES_CODE.test(code)))
    return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof originalCode === "string" && POSTGRES_CODE.test(originalCode)) return true;
  if (typeof message === "string" && DRIVER_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
}
