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

/** A file a door hands out (an export): sent as an attachment, never rendered in the app's pages. */
export type Download = { fileName: string; contentType: string; body: string };

/**
 * Runs a door that produces a file, with the route's params merged over the query string (a
 * GET has no body), and answers with the file as a download, or with the refusal as JSON.
 */
export async function answerDownload(
  request: Request,
  params: Record<string, string>,
  door: (raw: unknown) => Promise<DoorResult<Download>>,
): Promise<Response> {
  // A download is audited: another site must not be able to make someone's browser fetch one.
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return doorResultToResponse({ ok: false, status: 403, error: "Open the export from the app itself." });
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await door({ ...query, ...params });
  if (!result.ok) return doorResultToResponse(result);
  const { fileName, contentType, body } = result.value;
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      // Opened from the app's own address, the file still runs nothing and loads nothing.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
