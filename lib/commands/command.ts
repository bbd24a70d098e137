// The one shape of a write: `command(actor, input, tx?)`. The actor is the signed-in person; the
// command asks the permissions module itself, writes in one transaction (joining `tx` when given,
// see in-transaction.ts), records its audit entry, and refuses with an AppError — never an HTTP
// status. Its zod schema travels with it, so every door parses the same input the same way.
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Tx } from "./in-transaction";

export type Command<I, R> = (by: SessionUser, input: I, tx?: Tx) => Promise<R>;

export type CommandSpec<S extends z.ZodType, R> = { input: S; run: Command<z.infer<S>, R> };

export function command<S extends z.ZodType, R>(input: S, run: Command<z.infer<S>, R>): CommandSpec<S, R> {
  return { input, run };
}
