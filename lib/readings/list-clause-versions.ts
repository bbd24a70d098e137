// A clause's versions, newest first, and one version whole: anyone who sees the clause reads them
// (a restricted clause's versions are as restricted as the clause: clauseContext says "not found").
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids/uuid";
import {
  VERSION_SELECT,
  VERSION_VIEW_SELECT,
  type VersionSummary,
  type VersionView,
  versionSummary,
  versionView,
} from "./version-view";

export const ZListClauseVersions = z.object({ clauseId: z.string() });

export async function listClauseVersions(
  by: SessionUser,
  { clauseId }: z.infer<typeof ZListClauseVersions>,
): Promise<VersionSummary[]> {
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.view", ctx.target);
  const rows = await prisma.clauseVersion.findMany({
    where: { clauseId: ctx.clause.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: VERSION_SELECT,
  });
  return rows.map(versionSummary);
}

export const ZShowClauseVersion = z.object({ clauseId: z.string(), versionId: z.string() });

export const NO_SUCH_VERSION = "This clause has no such version.";

/** One version of a clause the person sees, read from PostgreSQL alone. */
export async function findClauseVersion(clauseId: string, versionId: string): Promise<VersionView> {
  const row = isUuid(versionId)
    ? await prisma.clauseVersion.findFirst({ where: { id: versionId, clauseId }, select: VERSION_VIEW_SELECT })
    : null;
  if (!row) throw new AppError("not_found", NO_SUCH_VERSION);
  return versionView(row);
}

export async function showClauseVersion(
  by: SessionUser,
  { clauseId, versionId }: z.infer<typeof ZShowClauseVersion>,
): Promise<VersionView> {
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.view", ctx.target);
  return findClauseVersion(ctx.clause.id, versionId);
}
