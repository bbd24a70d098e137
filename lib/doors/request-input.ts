// Route handlers built on the older doors answer through here; new ones use route-door.ts. Both
// read their input the same way (route-input.ts).
import { type DoorResult, doorResultToResponse } from "./door-result";
import { readRouteInput } from "./route-input";

/** Runs a door with params + JSON body (the query string for a GET) and answers with its result as JSON. */
export async function answer<R>(
  request: Request,
  params: Record<string, string>,
  door: (raw: unknown) => Promise<DoorResult<R>>,
): Promise<Response> {
  const input = await readRouteInput(request, params);
  if (!input.ok) return doorResultToResponse(input);
  return doorResultToResponse(await door(input.value));
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
