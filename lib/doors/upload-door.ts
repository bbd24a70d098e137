import "server-only";
// The door of a route handler that takes a file (a Word draft to import): `uploadDoor(name,
// ZInput, command)` gives the POST handler. A write from another site is refused before
// anything is read; server.ts has already bounded the body (lib/server/body-limits.ts) before
// the session or this door look at it. The multipart form is read: each file field becomes its
// bytes (`file`) and its name (`fileName`), each other field its text; the route's params go
// over them. Then the same steps as every door (run-door.ts), answered as JSON.
import type { z } from "zod";
import { doorResultToResponse } from "./door-result";
import { type DoorCommand, runDoor } from "./run-door";
import { isSameOriginRequest } from "./same-origin";

type RouteContext = { params: Promise<Record<string, string>> };

async function readForm(request: Request): Promise<Record<string, unknown> | null> {
  const form = await request.formData().catch(() => null);
  if (!form) return null;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else {
      fields[key] = new Uint8Array(await value.arrayBuffer());
      fields[`${key}Name`] = value.name;
    }
  }
  return fields;
}

export function uploadDoor<S extends z.ZodType, R>(name: string, schema: S, command: DoorCommand<S, R>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    if (!isSameOriginRequest(request)) {
      return doorResultToResponse({ ok: false, status: 403, error: "Requests from other sites are refused." });
    }
    const fields = await readForm(request);
    if (!fields) {
      return doorResultToResponse({
        ok: false,
        status: 400,
        error: "Send the file as a form upload (multipart/form-data).",
      });
    }
    return doorResultToResponse(
      await runDoor(name, schema, { ...fields, ...((await context?.params) ?? {}) }, command),
    );
  };
}
