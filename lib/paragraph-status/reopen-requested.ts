// The chair answers a request to reopen by reopening: the paragraph's status becomes open
// (set-paragraph-status.ts), or the clause's as a whole (lib/admin/set-clause-status.ts); both
// answer the open requests on that text and tell the delegations that asked.
import { z } from "zod";
import { setClauseStatus } from "@/lib/admin/set-clause-status";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { parseInput } from "@/lib/commands/parse-input";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { setParagraphStatus } from "./set-paragraph-status";

export const ZReopenRequested = z.object({ clauseId: z.string(), requestId: z.uuid("Not a request.") });
export type TReopenRequested = z.infer<typeof ZReopenRequested>;

export async function reopenRequested(by: SessionUser, raw: TReopenRequested) {
  const { clauseId, requestId } = parseInput(ZReopenRequested, raw);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "paragraph.answerReopen", ctx.target);
  const request = await prisma.reopenRequest.findFirst({ where: { id: requestId, clauseId } });
  if (!request) throw new AppError("not_found", "This request does not exist in this clause.");
  if (request.status !== "OPEN") throw new AppError("conflict", "This request has already been answered.");
  if (request.paragraph === null)
    await setClauseStatus(by, { instrumentId: ctx.clause.instrumentId, clauseId, status: "OPEN" });
  else await setParagraphStatus(by, { clauseId, paragraph: request.paragraph, status: "OPEN" });
  return { requestId, status: "REOPENED" as const };
}
