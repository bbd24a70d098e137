import "server-only";
// The history of a clause for its History page: every version (saved by the chair, made by a
// status change or after decisions) and every decision, newest first, with the brackets each
// version no longer had compared with the one before. The caller has checked the person sees the clause.
import { type AlternativesChosen, alternativesChosen } from "@/lib/alternatives/alternatives-chosen";
import { type BracketRemoval, bracketRemovals } from "@/lib/brackets/bracket-removals";
import { prisma } from "@/lib/db/prisma";
import { VERSION_SELECT, type VersionSummary, versionSummary } from "./version-view";

export type HistoryEntry =
  | { kind: "version"; at: string; version: VersionSummary; bracketsRemoved: string[] }
  | {
      kind: "decision";
      at: string;
      outcome: string;
      delegation: string;
      decidedBy: string;
      insertedText: string;
      deletedText: string;
      reason: string | null;
      /** Who undid the decision, if it was undone (lib/proposals/undo-decision.ts). */
      undoneBy: string | null;
    }
  /** The chair removed a bracket: its words are agreed (lib/brackets/remove-bracket.ts). */
  | BracketRemoval
  /** The chair chose one of a set of alternatives (lib/alternatives/choose-alternative.ts). */
  | AlternativesChosen;

export async function clauseHistory(clauseId: string): Promise<HistoryEntry[]> {
  const [versions, decisions, removedBrackets, chosenSets] = await Promise.all([
    prisma.clauseVersion.findMany({
      where: { clauseId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...VERSION_SELECT, brackets: true },
    }),
    prisma.proposalDecision.findMany({
      where: { proposal: { clauseId } },
      orderBy: { createdAt: "asc" },
      include: {
        decidedBy: { select: { name: true } },
        proposal: { select: { organization: { select: { code: true } } } },
        chairDecision: { select: { undoneAt: true, undoneBy: { select: { name: true } } } },
      },
    }),
    bracketRemovals(clauseId),
    alternativesChosen(clauseId),
  ]);
  const entries: HistoryEntry[] = versions.map((row, index) => {
    const before = index > 0 ? versions[index - 1].brackets : [];
    return {
      kind: "version",
      at: row.createdAt.toISOString(),
      version: versionSummary(row),
      bracketsRemoved: before.filter((passage) => !row.brackets.includes(passage)),
    };
  });
  for (const row of decisions) {
    entries.push({
      kind: "decision",
      at: row.createdAt.toISOString(),
      outcome: row.outcome,
      delegation: row.proposal.organization.code,
      decidedBy: row.decidedBy.name,
      insertedText: row.insertedText,
      deletedText: row.deletedText,
      reason: row.reason,
      undoneBy: row.chairDecision?.undoneAt ? (row.chairDecision.undoneBy?.name ?? "the chair") : null,
    });
  }
  entries.push(...removedBrackets, ...chosenSets);
  // Newest first; a decision sorts before the version it made (made in the same transaction).
  return entries.sort((a, b) => b.at.localeCompare(a.at) || (a.kind === "version" ? -1 : 1));
}
