import "server-only";
// The door of a route handler that hands out a file (an export): `downloadDoor(name, ZInput,
// command)` gives the GET handler. The input is the query string with the route's params over
// it; the same steps as every door (run-door.ts); the file is sent as an attachment, a refusal
// as JSON.
import type { z } from "zod";
import { doorResultToResponse } from "./door-result";
import { type DoorCommand, runDoor } from "./run-door";

/** A file a door hands out: sent as an attachment, never rendered in the app's pages. Text or bytes (a .docx). */
export type Download = { fileName: string; contentType: string; body: string | Uint8Array };

type RouteContext = { params: Promise<Record<string, string>> };

export function downloadDoor<S extends z.ZodType>(name: string, schema: S, command: DoorCommand<S, Download>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    // A download is audited: another site must not be able to make someone's browser fetch one.
    if (request.headers.get("sec-fetch-site") === "cross-site") {
      return doorResultToResponse({ ok: false, status: 403, error: "Open the export from the app itself." });
    }
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const result = await runDoor(name, schema, { ...query, ...((await context?.params) ?? {}) }, command);
    if (!result.ok) return doorResultToResponse(result);
    const { fileName, contentType, body } = result.value;
    // A fresh ArrayBuffer-backed copy: what the Response body types accept for bytes.
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
        // Opened from the app's own address, the file still runs nothing and loads nothing.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  };
}
