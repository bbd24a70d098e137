import "server-only";
// The clause behind a readings page, for the signed-in person: "not found" when they may not see it.
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";

export const loadReadingsClause = cache(async (clauseId: string) => {
  const user = await requireUser();
  const access = await findClauseAccess(user, clauseId);
  if (!access) notFound();
  return { user, ...access };
});
