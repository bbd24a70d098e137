// The sets of alternatives of clauses as people read them: each option with its sponsor and the
// delegations supporting it, in order (Alt 1 first). The clause room, the exports, the clause
// list's counts and the history read sets through this.
import { prisma } from "@/lib/db/prisma";
import type { AlternativeWordings } from "./alternative-edges";

export type AlternativeOptionView = {
  id: string;
  /** 1 for the words in the text ("Alt 1"), then 2, 3, … */
  position: number;
  text: string;
  /** The sponsoring delegation's code; null for Alt 1, the words in the text. */
  sponsor: string | null;
  supporters: string[];
};

export type AlternativeSetView = {
  id: string;
  clauseId: string;
  createdBy: string;
  createdAt: string;
  options: AlternativeOptionView[];
  chosen: { at: string; by: string; position: number } | null;
};

const INCLUDE = {
  options: { orderBy: { position: "asc" as const } },
  supports: { orderBy: { organizationCode: "asc" as const } },
};

type Row = Awaited<ReturnType<typeof prisma.alternativeSet.findMany<{ include: typeof INCLUDE }>>>[number];

function view(row: Row): AlternativeSetView {
  const chosen = row.options.find((option) => option.id === row.chosenOptionId);
  return {
    id: row.id,
    clauseId: row.clauseId,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    options: row.options.map((option) => ({
      id: option.id,
      position: option.position,
      text: option.text,
      sponsor: option.sponsorCode,
      supporters: row.supports.filter((s) => s.optionId === option.id).map((s) => s.organizationCode),
    })),
    chosen:
      row.chosenAt && chosen
        ? { at: row.chosenAt.toISOString(), by: row.chosenByName ?? "the chair", position: chosen.position }
        : null,
  };
}

/** The open sets of these clauses. */
export async function openAlternativeSets(clauseIds: readonly string[]): Promise<AlternativeSetView[]> {
  if (clauseIds.length === 0) return [];
  const rows = await prisma.alternativeSet.findMany({
    where: { clauseId: { in: [...clauseIds] }, chosenAt: null },
    include: INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(view);
}

/** The sets the chair chose between, for the clause's history. */
export async function chosenAlternativeSets(clauseId: string): Promise<AlternativeSetView[]> {
  const rows = await prisma.alternativeSet.findMany({
    where: { clauseId, chosenAt: { not: null } },
    include: INCLUDE,
    orderBy: { chosenAt: "asc" },
  });
  return rows.map(view);
}

/** How many open sets each clause holds. */
export async function countOpenAlternatives(clauseIds: readonly string[]): Promise<Map<string, number>> {
  if (clauseIds.length === 0) return new Map();
  const rows = await prisma.alternativeSet.groupBy({
    by: ["clauseId"],
    where: { clauseId: { in: [...clauseIds] }, chosenAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.clauseId, row._count._all]));
}

/** The wordings of Alt 2, Alt 3, … of these sets, by set id, as the exports print them. */
export function alternativeWordingsOf(sets: readonly AlternativeSetView[]): AlternativeWordings {
  return new Map(sets.map((set) => [set.id, set.options.filter((o) => o.position > 1).map((o) => o.text)]));
}
