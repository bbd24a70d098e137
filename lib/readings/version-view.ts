// A version as the API and the pages show it, and the reading of "now" in the same shape, so a
// version compares with the current text exactly as with another version.
import type { ClauseStatus } from "@/lib/db/generated/enums";
import type { OpenProposalThen, Reading, ReadingParagraph } from "./reading";
import type { VersionTrigger } from "./record-clause-version";

export type VersionSummary = {
  id: string;
  name: string;
  note: string;
  trigger: VersionTrigger;
  status: ClauseStatus;
  madeBy: string | null;
  createdAt: string;
  /** Part of a version of the instrument or a chapter. */
  instrumentVersionId: string | null;
};

export type VersionView = VersionSummary & Reading;

type VersionRow = {
  id: string;
  name: string;
  note: string;
  trigger: VersionTrigger;
  status: ClauseStatus;
  createdAt: Date;
  instrumentVersionId: string | null;
  madeBy: { name: string } | null;
};

export function versionSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    trigger: row.trigger,
    status: row.status,
    madeBy: row.madeBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    instrumentVersionId: row.instrumentVersionId,
  };
}

export function versionView(
  row: VersionRow & { agreed: unknown; openProposals: unknown; brackets: string[] },
): VersionView {
  return {
    ...versionSummary(row),
    paragraphs: row.agreed as ReadingParagraph[],
    openProposals: row.openProposals as OpenProposalThen[],
    brackets: row.brackets,
  };
}

/** What a version row must select to make a view. */
export const VERSION_SELECT = {
  id: true,
  name: true,
  note: true,
  trigger: true,
  status: true,
  createdAt: true,
  instrumentVersionId: true,
  madeBy: { select: { name: true } },
} as const;

export const VERSION_VIEW_SELECT = { ...VERSION_SELECT, agreed: true, openProposals: true, brackets: true } as const;
