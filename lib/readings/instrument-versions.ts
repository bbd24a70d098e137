// Versions of a whole instrument or one chapter: the chair saves one, and it is a set of clause
// versions (one per clause, each whole). Anyone in the instrument lists them and compares two —
// or one with now — clause by clause, over the clauses they may see: a restricted clause is
// missing from the answer for everyone it is restricted away from.
import { z } from "zod";
import { zId } from "@/lib/admin/fields";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { parseInput } from "@/lib/commands/parse-input";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { isUuid } from "@/lib/ids/uuid";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { visibleChapters } from "@/lib/instruments/visible-chapters";
import { type Actor, can } from "@/lib/permissions/can";
import { type ClauseComparison, compareClause } from "./compare-clause-versions";
import { zVersionName, zVersionNote, zVersionRef } from "./fields";
import { recordClauseVersion } from "./record-clause-version";

async function instrumentActor(by: SessionUser, instrumentId: string) {
  const access = await findInstrumentAccess(by, instrumentId);
  if (!access || !can(access.actor, "instrument.view")) throw new AppError("not_found", NOT_FOUND);
  return access;
}

export const ZSaveInstrumentVersion = z.object({
  instrumentId: zId("The instrument"),
  chapterId: z.uuid("Not a chapter.").optional(),
  name: zVersionName,
  note: zVersionNote,
});

export async function saveInstrumentVersion(by: SessionUser, raw: z.infer<typeof ZSaveInstrumentVersion>) {
  const { instrumentId, chapterId, name, note } = parseInput(ZSaveInstrumentVersion, raw);
  const { actor } = await instrumentActor(by, instrumentId);
  if (!can(actor, "reading.save")) throw new AppError("forbidden", NOT_ALLOWED);
  return prisma.$transaction(
    async (tx) => {
      if (chapterId && !(await tx.chapter.findFirst({ where: { id: chapterId, instrumentId } })))
        throw new AppError("not_found", "This instrument has no such chapter.");
      const version = await tx.instrumentVersion.create({
        data: { instrumentId, chapterId: chapterId ?? null, name, note: note ?? "", madeById: by.id },
      });
      const clauses = await tx.clause.findMany({
        where: { instrumentId, ...(chapterId ? { chapterId } : {}) },
        select: { id: true },
      });
      for (const clause of clauses) {
        await recordClauseVersion(tx, {
          clauseId: clause.id,
          name,
          note,
          trigger: "SAVED",
          madeById: by.id,
          instrumentVersionId: version.id,
        });
      }
      await recordAuditEvent(tx, {
        action: "instrument.version-saved",
        actor: by,
        instrumentId,
        target: { type: chapterId ? "chapter" : "instrument", id: chapterId ?? instrumentId },
        details: { version: version.id, name, clauses: clauses.length },
      });
      return { versionId: version.id, name, clauses: clauses.length, createdAt: version.createdAt.toISOString() };
    },
    { timeout: 60_000 },
  );
}

export const ZListInstrumentVersions = z.object({ instrumentId: zId("The instrument") });

export type InstrumentVersionSummary = {
  id: string;
  name: string;
  note: string;
  chapter: { id: string; number: string; title: string } | null;
  madeBy: string;
  createdAt: string;
};

export async function listInstrumentVersions(
  by: SessionUser,
  raw: z.infer<typeof ZListInstrumentVersions>,
): Promise<InstrumentVersionSummary[]> {
  const { instrumentId } = parseInput(ZListInstrumentVersions, raw);
  const { actor } = await instrumentActor(by, instrumentId);
  // A version of a chapter restricted away from the person does not exist for them.
  const seen = await visibleChapterIds(actor, instrumentId);
  const rows = await prisma.instrumentVersion.findMany({
    where: { instrumentId, OR: [{ chapterId: null }, { chapterId: { in: [...seen] } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { madeBy: { select: { name: true } } },
  });
  const chapters = await prisma.chapter.findMany({
    where: { id: { in: rows.flatMap((row) => (row.chapterId ? [row.chapterId] : [])) } },
    select: { id: true, number: true, title: true },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    note: row.note,
    chapter: chapters.find((chapter) => chapter.id === row.chapterId) ?? null,
    madeBy: row.madeBy.name,
    createdAt: row.createdAt.toISOString(),
  }));
}

export const ZCompareInstrumentVersions = z.object({
  instrumentId: zId("The instrument"),
  from: z.uuid("Not a version."),
  to: zVersionRef.default("current"),
});

export type ClauseInComparison = {
  clause: { id: string; number: string; title: string };
  /** The clause's own versions compared (null when it was not in one of them). */
  fromVersionId: string | null;
  toVersionId: string | null;
  changed: boolean;
  comparison: ClauseComparison | null;
};

async function visibleClauses(actor: Actor, instrumentId: string) {
  const restrictions = { select: { organizationId: true } } as const;
  const chapters = await prisma.chapter.findMany({
    where: { instrumentId },
    orderBy: { position: "asc" },
    select: {
      restrictions,
      clauses: { orderBy: { position: "asc" }, select: { id: true, number: true, title: true, restrictions } },
    },
  });
  return visibleChapters(actor, chapters).flatMap((chapter) => chapter.clauses);
}

/** The chapters of the instrument the person may see (restricted ones are left out). */
/** The chapters whose versions a person may see: those the clause list shows them. */
async function visibleChapterIds(actor: Actor, instrumentId: string): Promise<Set<string>> {
  const restrictions = { select: { organizationId: true } } as const;
  const chapters = await prisma.chapter.findMany({
    where: { instrumentId },
    select: { id: true, restrictions, clauses: { select: { restrictions } } },
  });
  return new Set(visibleChapters(actor, chapters).map((chapter) => chapter.id));
}

export async function compareInstrumentVersions(by: SessionUser, raw: z.infer<typeof ZCompareInstrumentVersions>) {
  const { instrumentId, from, to } = parseInput(ZCompareInstrumentVersions, raw);
  const { actor } = await instrumentActor(by, instrumentId);
  const versions = await prisma.instrumentVersion.findMany({
    where: { instrumentId, id: { in: [from, ...(to === "current" || !isUuid(to) ? [] : [to])] } },
    include: { clauses: { select: { id: true, clauseId: true } } },
  });
  const seen = await visibleChapterIds(actor, instrumentId);
  const shown = versions.filter((v) => v.chapterId === null || seen.has(v.chapterId));
  const fromVersion = shown.find((v) => v.id === from);
  const toVersion = to === "current" ? null : shown.find((v) => v.id === to);
  if (!fromVersion || (to !== "current" && !toVersion))
    throw new AppError("not_found", "This instrument has no such version.");
  const clauseVersion = (version: typeof fromVersion, clauseId: string) =>
    version.clauses.find((c) => c.clauseId === clauseId)?.id ?? null;
  const clauses: ClauseInComparison[] = [];
  for (const clause of await visibleClauses(actor, instrumentId)) {
    const fromVersionId = clauseVersion(fromVersion, clause.id);
    const toVersionId = toVersion ? clauseVersion(toVersion, clause.id) : "current";
    // A clause made after the earlier version, or outside the chapter it covered, is listed unmatched.
    const comparison =
      fromVersionId && toVersionId
        ? await compareClause({ id: clause.id, instrumentId }, fromVersionId, toVersionId)
        : null;
    clauses.push({
      clause: { id: clause.id, number: clause.number, title: clause.title },
      fromVersionId,
      toVersionId,
      changed: comparison ? comparison.changes.length > 0 : true,
      comparison,
    });
  }
  return {
    from: { id: fromVersion.id, name: fromVersion.name, createdAt: fromVersion.createdAt.toISOString() },
    to: toVersion
      ? { id: toVersion.id, name: toVersion.name, createdAt: toVersion.createdAt.toISOString() }
      : { id: "current", name: "Now", createdAt: new Date().toISOString() },
    clauses,
  };
}
