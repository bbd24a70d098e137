import "server-only";
// What every door does, in order: the session → the input, parsed with zod → the command, with
// the signed-in person as its actor (the command asks the permissions module itself) → one
// mapping of refusals to statuses and messages (refusal.ts). Route handlers (route-door.ts) and
// server actions (action-door.ts) are both built on it.
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import type { DoorResult } from "./door-result";
import { refusalOf } from "./refusal";

export type DoorCommand<S extends z.ZodType, R> = (by: SessionUser, input: z.infer<S>) => Promise<R>;

export async function runDoor<S extends z.ZodType, R>(
  name: string,
  schema: S,
  raw: unknown,
  command: DoorCommand<S, R>,
): Promise<DoorResult<R>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("invalid_input", parsed.error.issues.map((issue) => issue.message).join("; "));
    }
    return { ok: true, value: await command(user, parsed.data) };
  } catch (error) {
    return refusalOf(name, error);
  }
}
