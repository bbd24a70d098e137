import "server-only";
// The doors of the compilation pages: an article's for whoever sees the article (a restricted one
// reads as not existing to those outside it), a topic's for whoever takes part in the instrument.
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { requireInstrumentPage } from "@/lib/doors/page-door";
import { can } from "@/lib/permissions/can";

export const loadCompilationClause = cache(async (clauseId: string) => {
  const user = await requireUser();
  const access = await findClauseAccess(user, clauseId);
  if (!access || !can(access.actor, "compilation.view", access.target)) notFound();
  return { user, ...access };
});

export const loadCompilationInstrument = cache((instrumentId: string) =>
  requireInstrumentPage(instrumentId, "compilation.view"),
);
