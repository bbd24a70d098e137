import "server-only";
// The door of a server action: `actionDoor(name, ZInput, command)` gives the function a
// "use server" file calls with what the form sent. It answers plain data (a DoorResult), which
// crosses the server-action boundary as is. Next checks a server action's origin itself.
import type { z } from "zod";
import type { DoorResult } from "./door-result";
import { type DoorCommand, runDoor } from "./run-door";

export function actionDoor<S extends z.ZodType, R>(
  name: string,
  schema: S,
  command: DoorCommand<S, R>,
): (raw: unknown) => Promise<DoorResult<R>> {
  return (raw) => runDoor(name, schema, raw, command);
}
