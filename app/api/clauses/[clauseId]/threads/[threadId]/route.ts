// Resolve or reopen a thread: `{ "resolved": true | false }`.
import { z } from "zod";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { clauseDoor } from "@/lib/doors/clause-door";
import { answer } from "@/lib/doors/request-input";

type Params = { params: Promise<{ clauseId: string; threadId: string }> };

// The door checks the clause; who may resolve this thread is checked against its author inside.
const resolve = clauseDoor(
  "thread.view",
  z.object({ clauseId: z.string(), threadId: z.string(), resolved: z.boolean("Say whether the thread is resolved.") }),
  (ctx, data) => setThreadResolved(ctx, data.threadId, data.resolved),
);

export async function PATCH(request: Request, { params }: Params) {
  return answer(request, await params, resolve);
}
