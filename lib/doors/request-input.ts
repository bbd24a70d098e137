// Reads a route handler's input: the route's params merged with its JSON body. A write from
// another site's page is refused before anything is read (the session cookie alone must not
// be enough to act).
import { DoorRefusal, type DoorResult, doorResultToResponse } from "./door-result";

function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // not a browser form or fetch from another page
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

/** Runs a door with params + JSON body and answers with its result as JSON. */
export async function answer<R>(
  request: Request,
  params: Record<string, string>,
  door: (raw: unknown) => Promise<DoorResult<R>>,
): Promise<Response> {
  if (request.method !== "GET" && !isSameOrigin(request)) {
    const refusal = new DoorRefusal(403, "Requests from other sites are refused.");
    return doorResultToResponse({ ok: false, status: refusal.status, error: refusal.message });
  }
  let body: unknown = {};
  if (request.method !== "GET" && request.method !== "DELETE") {
    body = await request.json().catch(() => null);
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      return doorResultToResponse({ ok: false, status: 400, error: "The request must be a JSON object." });
    }
  }
  return doorResultToResponse(await door({ ...(body as object), ...params }));
}
