// Reads a route handler's input, the same way for every route: a write from another site is
// refused before anything is read; then the JSON body (an object, or a clear 400) — the query
// string for a GET — with the route's params over it, so a body cannot rename what the URL names.
import { isSameOriginRequest } from "./same-origin";

export type RouteInput = { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 403; error: string };

export async function readRouteInput(request: Request, params: Record<string, string>): Promise<RouteInput> {
  if (request.method !== "GET" && !isSameOriginRequest(request)) {
    return { ok: false, status: 403, error: "Requests from other sites are refused." };
  }
  if (request.method === "GET") {
    return { ok: true, value: { ...Object.fromEntries(new URL(request.url).searchParams), ...params } };
  }
  if (request.method === "DELETE") return { ok: true, value: { ...params } };
  const body: unknown = await request.json().catch(() => null);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, status: 400, error: "The request must be a JSON object." };
  }
  return { ok: true, value: { ...(body as Record<string, unknown>), ...params } };
}
