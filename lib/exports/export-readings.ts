import "server-only";
// The saved versions an export is of, or counts changes from (lib/readings): a version of the
// instrument (or of a chapter) for the instrument's export, a version of the clause for a
// clause's. A version the person cannot see — another instrument's or clause's, or of a chapter
// restricted away from them — is "no such version", as unknown ids are.
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { NO_SUCH_VERSION } from "@/lib/readings/list-clause-versions";
import type { Reading } from "@/lib/readings/reading";
import { VERSION_VIEW_SELECT, versionView } from "@/lib/readings/version-view";
import type { ClauseStatusName } from "./export-variant";

export const NO_SUCH_INSTRUMENT_VERSION = "This instrument has no such version.";

export type SavedClause = { state: Uint8Array; status: ClauseStatusName; reading: Reading };
export type SavedVersion = {
  id: string;
  name: string;
  savedAt: Date;
  /** A version of one chapter: its id (null for the whole instrument, or a clause's version). */
  chapterId: string | null;
  clauses: Map<string, SavedClause>;
};

const CLAUSE_VERSION_SELECT = { ...VERSION_VIEW_SELECT, clauseId: true, state: true } as const;

function saved(row: { clauseId: string; state: Uint8Array } & Parameters<typeof versionView>[0]): SavedClause {
  const { paragraphs, openProposals, brackets } = versionView(row);
  return { state: new Uint8Array(row.state), status: row.status, reading: { paragraphs, openProposals, brackets } };
}

/** A version of the instrument or of one of the chapters the person sees (`visibleChapterIds`). */
export async function instrumentVersion(
  instrumentId: string,
  versionId: string,
  visibleChapterIds: ReadonlySet<string>,
): Promise<SavedVersion> {
  const version = await prisma.instrumentVersion.findFirst({
    where: { id: versionId, instrumentId },
    select: { name: true, createdAt: true, chapterId: true, clauses: { select: CLAUSE_VERSION_SELECT } },
  });
  if (!version || (version.chapterId && !visibleChapterIds.has(version.chapterId)))
    throw new AppError("not_found", NO_SUCH_INSTRUMENT_VERSION);
  return {
    id: versionId,
    name: version.name,
    savedAt: version.createdAt,
    chapterId: version.chapterId,
    clauses: new Map(version.clauses.map((row) => [row.clauseId, saved(row)])),
  };
}

/** A version of one clause. */
export async function clauseVersion(clauseId: string, versionId: string): Promise<SavedVersion> {
  const row = await prisma.clauseVersion.findFirst({
    where: { id: versionId, clauseId },
    select: CLAUSE_VERSION_SELECT,
  });
  if (!row) throw new AppError("not_found", NO_SUCH_VERSION);
  return {
    id: versionId,
    name: row.name,
    savedAt: row.createdAt,
    chapterId: null,
    clauses: new Map([[clauseId, saved(row)]]),
  };
}
