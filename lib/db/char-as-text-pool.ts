// A pg Pool for Prisma's schema engine whose results label PostgreSQL's internal "char" type
// (OID 18, e.g. pg_constraint.contype) as text. @prisma/adapter-pg 7.10 has no mapping for it and
// fails with "Column type 'char' could not be deserialized" as soon as the engine describes a
// non-empty database. pg already returns those values as one-character strings, so only the
// label is wrong.
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

export function createCharAsTextPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  // Every query, pooled or in a transaction, goes through a client's query().
  pool.on("connect", relabelCharColumns);
  return pool;
}

type Query = (...args: unknown[]) => unknown;

function relabelCharColumns(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (...args) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, relabel(result));
      return query(...args);
    }
    const returned = query(...args);
    return isPromise(returned) ? returned.then(relabel) : returned;
  };
}

function relabel(result: unknown): unknown {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | undefined)?.then === "function";
}
