import "server-only";
// The first half of every door: resolves the session and parses the input with zod before the
// handler runs, and turns refusals and failures into clear DoorResults. Used alone for what
// belongs to the signed-in person (their notifications); clause-door.ts and instrument-door.ts
// add the access check on top.
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { DoorRefusal, type DoorResult } from "./door-result";
import { STATUS_FOR } from "./error-status";

export function userDoor<S extends z.ZodType, R>(
  name: string,
  input: S,
  handler: (user: SessionUser, data: z.infer<S>) => Promise<R>,
): (raw: unknown) => Promise<DoorResult<R>> {
  return async (raw) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new DoorRefusal(401, "Your session has ended. Sign in again.");
      const parsed = input.safeParse(raw);
      if (!parsed.success) throw new DoorRefusal(400, parsed.error.issues.map((issue) => issue.message).join("; "));
      return { ok: true, value: await handler(user, parsed.data) };
    } catch (error) {
      if (error instanceof DoorRefusal) {
        log.warn(
          { event: "door.refused", action: name, status: error.status, reason: error.message },
          "request refused",
        );
        return { ok: false, status: error.status, error: error.message };
      }
      if (isAppError(error)) {
        const status = STATUS_FOR[error.code];
        log.warn({ event: "door.refused", action: name, status, reason: error.message }, "request refused");
        return { ok: false, status, error: error.message };
      }
      log.error({ event: "door.failed", action: name, err: error }, "request failed");
      return {
        ok: false,
        status: 503,
        error: "The server could not complete this just now. Nothing was changed; try again.",
      };
    }
  };
}
