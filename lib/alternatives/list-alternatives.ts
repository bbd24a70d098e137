// The open sets of alternatives of a clause, for the clause room (anyone who sees the clause).
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { parseInput } from "@/lib/commands/parse-input";
import { openAlternativeSets } from "./alternative-sets";

export const ZListAlternatives = z.object({ clauseId: z.string() });

export async function listAlternatives(by: SessionUser, input: z.input<typeof ZListAlternatives>) {
  const { clauseId } = parseInput(ZListAlternatives, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.view", ctx.target);
  return { sets: await openAlternativeSets([ctx.clause.id]) };
}
