import "server-only";
// The chapters and clauses of an instrument that a person may see, with each clause's stored
// text (snapshot plus the update rows since), read in one repeatable-read transaction so a
// compaction committing meanwhile can neither hide nor double an edit. Clauses restricted away
// from the person are filtered out before any text is read.
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { visibleChapters } from "@/lib/instruments/visible-chapters";
import type { Actor } from "@/lib/permissions/can";

export async function loadExportClauses(actor: Actor, instrumentId: string) {
  const restrictions = { select: { organizationId: true } } as const;
  const chapters = await prisma.chapter.findMany({
    where: { instrumentId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      restrictions,
      clauses: {
        orderBy: { position: "asc" },
        select: { id: true, number: true, title: true, status: true, restrictions },
      },
    },
  });
  const visible = visibleChapters(actor, chapters);
  const clauseIds = visible.flatMap((chapter) => chapter.clauses.map((clause) => clause.id));
  const [snapshots, updates] = await prisma.$transaction(
    [
      prisma.clauseDocument.findMany({
        where: { clauseId: { in: clauseIds } },
        select: { clauseId: true, snapshot: true },
      }),
      prisma.clauseUpdate.findMany({
        where: { clauseId: { in: clauseIds } },
        orderBy: { id: "asc" },
        select: { clauseId: true, update: true },
      }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  const parts = new Map<string, Uint8Array[]>();
  for (const row of [...snapshots.map((s) => ({ clauseId: s.clauseId, update: s.snapshot })), ...updates]) {
    parts.set(row.clauseId, [...(parts.get(row.clauseId) ?? []), row.update]);
  }
  return visible.map((chapter) => ({
    id: chapter.id,
    number: chapter.number,
    title: chapter.title,
    clauses: chapter.clauses.map((clause) => {
      const stored = parts.get(clause.id);
      return { ...clause, state: stored ? Y.mergeUpdates(stored) : null };
    }),
  }));
}
