// The one process: Next's pages and route handlers plus the collaboration websocket at /collab,
// on one port. Starts the embedded PostgreSQL when DATABASE_URL is unset, applies migrations,
// seeds an empty database with the demo data, and shuts all of it down cleanly on SIGTERM/SIGINT.
// Every request first gets its security headers and its body limit, before Next sees it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { attachCollabSocket } from "@/lib/collab/attach-collab-socket";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { createCollabServer } from "@/lib/collab/collab-server";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { startLiveHub } from "@/lib/live/live-hub";
import { log } from "@/lib/log";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { ensureAuthSecret } from "@/lib/server/auth-secret";
import { BODY_LIMITS, bodyKindOf } from "@/lib/server/body-limits";
import { limitRequestBody } from "@/lib/server/limit-request-body";
import { redisExtensions } from "@/lib/server/redis-extension";
import { applySecurityHeaders } from "@/lib/server/security-headers";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const dev = process.env.NODE_ENV !== "production";
// Next must not call home: delegations' networks are often closed.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

async function main() {
  const startedAt = Date.now();
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
  if (embedded) process.env.DATABASE_URL = embedded.url;
  const databaseUrl = process.env.DATABASE_URL as string;

  const applied = await applyMigrations(databaseUrl);
  if (applied.length > 0) log.info({ migrations: applied }, "migrations applied");
  if (await seedIfEmpty(prisma)) log.info("empty database: demo data seeded");

  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const app = next({ dev, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const start = Date.now();
    // Rate limits and the audit trail use the client's address: take it from the socket, unless
    // a trusted load balancer in front of us reports it (TRUST_PROXY=1).
    if (!process.env.TRUST_PROXY) request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "unknown";
    response.on("finish", () => {
      if (request.url?.startsWith("/_next/")) return;
      log.info(
        { method: request.method, url: request.url, status: response.statusCode, ms: Date.now() - start },
        "request",
      );
    });
    applySecurityHeaders(request, response, dev);
    // Before anything reads the body or looks up a session (lib/server/limit-request-body.ts).
    const kind = bodyKindOf(request.method, request.url);
    if (!limitRequestBody(request, response, BODY_LIMITS[kind], kind)) return;
    handle(request, response).catch((error) => {
      if (request.destroyed) return; // cut short (body too large, or the client went away)
      log.error({ err: error, url: request.url }, "request failed");
      if (!response.headersSent) response.writeHead(500).end("Internal error");
    });
  };
  const server = createServer(onRequest);
  // A client that asks first (Expect: 100-continue) is told to send only a body it may send.
  server.on("checkContinue", (request, response) => {
    const kind = bodyKindOf(request.method, request.url);
    if (Number(request.headers["content-length"] ?? 0) <= BODY_LIMITS[kind]) response.writeContinue();
    onRequest(request, response);
  });
  // Before Next serves anything: route handlers and commands find it through lib/live/live-registry.ts.
  const live = await startLiveHub();
  const collab = createCollabServer(redisExtensions());
  registerCollabInstance(collab);
  const sockets = attachCollabSocket(server, collab);

  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  log.info(
    {
      url: `http://localhost:${port}`,
      database: embedded ? "embedded" : "DATABASE_URL",
      dev,
      ms: Date.now() - startedAt,
    },
    "Clausework is ready",
  );

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    server.close();
    // Every acknowledged edit is already in PostgreSQL; closing sockets lets clients reconnect elsewhere.
    collab.closeConnections();
    await live.stop(); // ends every live stream: tabs reconnect to another instance
    for (const client of sockets.clients) client.terminate();
    await collab.hooks("onDestroy", { instance: collab }).catch(() => {});
    await disconnectPrisma();
    if (embedded) await embedded.stop();
    log.info("stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(async (error) => {
  log.fatal({ err: error }, "Clausework could not start");
  process.exit(1);
});
