// Row ids are UUIDs. Anything that arrives as an id (a route's params, a JSON body, a socket's
// document name) is checked here before it reaches a query, so a malformed one reads as
// "not found" or "not valid" and never as a database error. No imports: the browser loads it too.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
