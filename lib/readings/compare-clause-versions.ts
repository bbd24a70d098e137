// Compares two versions of a clause, or a version with now: word by word, paragraphs aligned,
// each change attributed where it is known. Anyone who sees the clause may compare.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { parseInput } from "@/lib/commands/parse-input";
import { attributorBetween, chairName } from "./attribute-changes";
import { type Comparison, compareReadings } from "./compare-readings";
import { currentReading } from "./current-reading";
import { zVersionRef } from "./fields";
import { findClauseVersion } from "./list-clause-versions";
import type { VersionSummary, VersionView } from "./version-view";

export const ZCompareClauseVersions = z.object({
  clauseId: z.string(),
  from: zVersionRef,
  to: zVersionRef.default("current"),
});

export type ClauseComparison = Comparison & { from: VersionSummary; to: VersionSummary };

function summary({ paragraphs: _p, openProposals: _o, brackets: _b, ...rest }: VersionView): VersionSummary {
  return rest;
}

/** The comparison of two readings of a clause the caller has already been allowed to see. */
export async function compareClause(
  clause: { id: string; instrumentId: string },
  fromRef: string,
  toRef: string,
): Promise<ClauseComparison> {
  const read = (ref: string) => (ref === "current" ? currentReading(clause.id) : findClauseVersion(clause.id, ref));
  const [from, to] = await Promise.all([read(fromRef), read(toRef)]);
  const attribute = await attributorBetween(
    clause.id,
    new Date(from.createdAt),
    new Date(to.createdAt),
    await chairName(clause.instrumentId),
  );
  return { from: summary(from), to: summary(to), ...compareReadings(from, to, attribute) };
}

export async function compareClauseVersions(
  by: SessionUser,
  raw: z.infer<typeof ZCompareClauseVersions>,
): Promise<ClauseComparison> {
  const { clauseId, from, to } = parseInput(ZCompareClauseVersions, raw);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.view", ctx.target);
  return compareClause(ctx.clause, from, to);
}
