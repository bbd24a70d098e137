import "server-only";
// The door of a route handler: `routeDoor(name, ZInput, command)` gives the handler to export as
// GET, POST, PUT, PATCH or DELETE. Before anything is read, a write from another site is refused;
// the input is the JSON body (which must be an object) — the query string for a GET — with the
// route's params over it; then the same steps as every door (run-door.ts), answered as JSON.
import type { z } from "zod";
import { doorResultToResponse } from "./door-result";
import { type RouteInput, readRouteInput } from "./route-input";
import { type DoorCommand, runDoor } from "./run-door";

type RouteContext = { params: Promise<Record<string, string>> };

export function routeDoor<S extends z.ZodType, R>(name: string, schema: S, command: DoorCommand<S, R>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const input: RouteInput = await readRouteInput(request, (await context?.params) ?? {});
    if (!input.ok) return doorResultToResponse(input);
    return doorResultToResponse(await runDoor(name, schema, input.value, command));
  };
}
