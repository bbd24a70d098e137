// The chair's answer to a request to reopen agreed text: reopen it, or decline with a reason.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { parseInput } from "@/lib/commands/parse-input";
import { reopenRequested } from "./reopen-requested";
import { declineReopen } from "./reopen-requests";

export const ZAnswerReopenRequest = z.object({
  clauseId: z.string(),
  requestId: z.uuid("Not a request."),
  decision: z.enum(["REOPEN", "DECLINE"], { message: "Choose reopen or decline." }),
  answer: z.string().optional(),
});
export type TAnswerReopenRequest = z.infer<typeof ZAnswerReopenRequest>;

export async function answerReopenRequest(by: SessionUser, raw: TAnswerReopenRequest) {
  const { clauseId, requestId, decision, answer } = parseInput(ZAnswerReopenRequest, raw);
  if (decision === "REOPEN") return reopenRequested(by, { clauseId, requestId });
  return declineReopen(by, { clauseId, requestId, answer: answer ?? "" });
}
