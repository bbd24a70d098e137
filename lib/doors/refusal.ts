import "server-only";
// The one mapping from what a command threw to what a door answers: an application error's
// code to its status and message; anything unexpected to 503, logged, with a message that says
// nothing was changed (the command's transaction rolled back).
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import type { DoorResult } from "./door-result";
import { STATUS_FOR } from "./error-status";

export function refusalOf(door: string, error: unknown): DoorResult<never> {
  if (isAppError(error)) {
    const status = STATUS_FOR[error.code];
    log.warn({ event: "door.refused", action: door, status, reason: error.message }, "request refused");
    return { ok: false, status, error: error.message };
  }
  log.error({ event: "door.failed", action: door, err: error }, "request failed");
  return {
    ok: false,
    status: 503,
    error: "The server could not complete this just now. Nothing was changed; try again.",
  };
}
