// What a door (server action or route handler) answers: a value, or a clear refusal that
// changes nothing. Plain data, so it crosses the server-action boundary as is.
export type DoorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;
export type DoorResult<T> = { ok: true; value: T } | { ok: false; status: DoorStatus; error: string };

export function doorResultToResponse<T>(result: DoorResult<T>): Response {
  return result.ok ? Response.json(result.value) : Response.json({ error: result.error }, { status: result.status });
}
