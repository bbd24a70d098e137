// Threads as the viewer sees them, with the proposals they discuss described (one query for
// all of them). Every command that answers with a thread goes through here.

import type { ClauseContext } from "@/lib/clauses/clause-context";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { proposalSummaries } from "./proposal-summary";
import { type ThreadRow, type ThreadView, toThreadView } from "./thread-view";

export async function viewThreads(
  rows: ThreadRow[],
  ctx: Pick<ClauseContext, "actor">,
  db: Prisma.TransactionClient = prisma,
): Promise<ThreadView[]> {
  const proposals = await proposalSummaries(
    db,
    rows.flatMap((row) => (row.proposalId ? [row.proposalId] : [])),
  );
  return rows.map((row) => toThreadView(row, ctx, row.proposalId ? (proposals.get(row.proposalId) ?? null) : null));
}

export async function viewThread(
  row: ThreadRow,
  ctx: Pick<ClauseContext, "actor">,
  db: Prisma.TransactionClient = prisma,
): Promise<ThreadView> {
  const [view] = await viewThreads([row], ctx, db);
  return view;
}
