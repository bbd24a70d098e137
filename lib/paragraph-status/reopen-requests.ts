// A delegation asks the chair to reopen agreed text — a numbered paragraph, or the clause as a
// whole — with a reason. The chair and secretariat are told (bell, and the clause room reloads its
// list of requests); the chair reopens it (set-paragraph-status.ts, or the clause's status in
// lib/admin, both of which answer the open requests on it) or declines with a reason. The
// requesting delegation is told either way. Every step is in the audit trail.
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clausePlainText } from "@/lib/clause-model/plain-text";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { loadClauseState } from "@/lib/collab/clause-store";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";
import { effectiveStatus, numberedParagraphs } from "./numbered-paragraphs";

const QUOTE_LENGTH = 120;

export const ZRequestReopen = z.object({
  clauseId: z.string(),
  /** The numbered paragraph; null for the clause as a whole. */
  paragraph: z.number().int().min(0).max(10_000).nullable(),
  reason: z
    .string({ message: "Say why it should be reopened." })
    .trim()
    .min(1, "Say why it should be reopened.")
    .max(2000, "Keep the reason under 2,000 characters."),
});
export type TRequestReopen = z.infer<typeof ZRequestReopen>;

/** What the agreed text says, for the request: the paragraph's opening words, or "" for the clause. */
async function agreedTarget(
  clauseId: string,
  clause: { number: string; status: "OPEN" | "AGREED_AD_REF" | "AGREED" },
  paragraph: number | null,
  tx: Tx,
): Promise<string> {
  if (paragraph === null) {
    if (clause.status === "OPEN")
      throw new AppError("conflict", `Article ${clause.number} is open: there is nothing to reopen.`);
    return "";
  }
  const doc = new Y.Doc();
  try {
    const state = await loadClauseState(clauseId, tx);
    if (state) Y.applyUpdate(doc, state);
    const found = numberedParagraphs(readClause(doc).blocks).find((p) => p.number === paragraph);
    if (!found) throw new AppError("not_found", `There is no paragraph ${paragraph} in this clause.`);
    if (effectiveStatus(found.item.status, clause.status) === "OPEN")
      throw new AppError("conflict", `Paragraph ${paragraph} is open: propose your change in the text.`);
    const words = clausePlainText({ blocks: found.item.blocks }, { between: " " });
    return words.length > QUOTE_LENGTH ? `${words.slice(0, QUOTE_LENGTH - 1)}…` : words;
  } finally {
    doc.destroy();
  }
}

async function chairsOf(tx: Tx, instrumentId: string): Promise<string[]> {
  const people = await tx.membership.findMany({
    where: { user: { active: true }, organization: { participants: { some: { instrumentId, role: "CHAIR" } } } },
    select: { userId: true },
  });
  return [...new Set(people.map((p) => p.userId))];
}

export async function requestReopen(by: SessionUser, raw: TRequestReopen, tx?: Tx) {
  const { clauseId, paragraph, reason } = parseInput(ZRequestReopen, raw);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "paragraph.requestReopen", ctx.target);
  return inTransaction(tx, async (tx) => {
    // In turn with the chair's status changes (set-paragraph-status.ts holds this lock): a request
    // is read against the status as it then stands — not one just reopened, left open for ever —
    // and two delegates of one delegation asking at once make one request.
    await lockUntilCommit(tx, { kind: "proposals", clauseId: ctx.clause.id });
    const clause = await tx.clause.findUniqueOrThrow({
      where: { id: clauseId },
      select: { number: true, status: true },
    });
    const quote = await agreedTarget(clauseId, clause, paragraph, tx);
    const asked = await tx.reopenRequest.findFirst({
      where: { clauseId, paragraph, organizationId: by.organizationId, status: "OPEN" },
    });
    if (asked) throw new AppError("conflict", "Your delegation has already asked for this; the chair will answer.");
    const request = await tx.reopenRequest.create({
      data: { clauseId, paragraph, quote, reason, organizationId: by.organizationId, requestedById: by.id },
      select: { id: true },
    });
    const chairs = (await chairsOf(tx, ctx.clause.instrumentId)).filter((id) => id !== by.id);
    await tx.notification.createMany({
      data: chairs.map((userId) => ({
        userId,
        kind: "REOPEN_REQUESTED" as const,
        actorId: by.id,
        clauseId,
        reopenRequestId: request.id,
      })),
    });
    raiseNotificationsChanged(tx, chairs);
    await recordAuditEvent(tx, {
      action: "paragraph.reopen-requested",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: clauseId },
      details: { paragraph, reason, request: request.id },
    });
    afterCommit(tx, () => announceClauseMessage(clauseId, { type: "reopen-requests.changed" }));
    return { requestId: request.id };
  });
}

/** Tells the requesting delegations' people that the chair answered. */
async function tellRequesters(
  tx: Tx,
  requests: { id: string; organizationId: string; clauseId: string }[],
  by: SessionUser,
) {
  const told: string[] = [];
  for (const request of requests) {
    const people = await tx.membership.findMany({
      where: { organizationId: request.organizationId, user: { active: true } },
      select: { userId: true },
    });
    const userIds = people.map((p) => p.userId).filter((id) => id !== by.id);
    await tx.notification.createMany({
      data: userIds.map((userId) => ({
        userId,
        kind: "REOPEN_ANSWERED" as const,
        actorId: by.id,
        clauseId: request.clauseId,
        reopenRequestId: request.id,
      })),
    });
    told.push(...userIds);
  }
  raiseNotificationsChanged(tx, told);
}

/**
 * Called where the chair reopens text (a paragraph, or the clause as a whole: paragraph null):
 * the open requests on it are answered "reopened", and their delegations told. The chair's own
 * notifications of them are read.
 */
export async function answerRequestsOnReopen(
  tx: Tx,
  { clauseId, paragraph, by }: { clauseId: string; paragraph: number | null; by: SessionUser },
): Promise<void> {
  const requests = await tx.reopenRequest.findMany({ where: { clauseId, paragraph, status: "OPEN" } });
  if (requests.length === 0) return;
  const ids = requests.map((r) => r.id);
  await tx.reopenRequest.updateMany({
    where: { id: { in: ids } },
    data: { status: "REOPENED", answeredById: by.id, answeredAt: new Date() },
  });
  await tx.notification.updateMany({
    where: { reopenRequestId: { in: ids }, kind: "REOPEN_REQUESTED", readAt: null },
    data: { readAt: new Date() },
  });
  await tellRequesters(tx, requests, by);
  afterCommit(tx, () => announceClauseMessage(clauseId, { type: "reopen-requests.changed" }));
}

export const ZDeclineReopen = z.object({
  clauseId: z.string(),
  requestId: z.uuid("Not a request."),
  answer: z
    .string({ message: "Say why it stays agreed." })
    .trim()
    .min(1, "Say why it stays agreed.")
    .max(2000, "Keep the reason under 2,000 characters."),
});
export type TDeclineReopen = z.infer<typeof ZDeclineReopen>;

export async function declineReopen(by: SessionUser, raw: TDeclineReopen, tx?: Tx) {
  const { clauseId, requestId, answer } = parseInput(ZDeclineReopen, raw);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "paragraph.answerReopen", ctx.target);
  return inTransaction(tx, async (tx) => {
    const request = await tx.reopenRequest.findFirst({ where: { id: requestId, clauseId } });
    if (!request) throw new AppError("not_found", "This request does not exist in this clause.");
    if (request.status !== "OPEN") throw new AppError("conflict", "This request has already been answered.");
    await tx.reopenRequest.update({
      where: { id: requestId },
      data: { status: "DECLINED", answer, answeredById: by.id, answeredAt: new Date() },
    });
    await tx.notification.updateMany({
      where: { reopenRequestId: requestId, kind: "REOPEN_REQUESTED", readAt: null },
      data: { readAt: new Date() },
    });
    await tellRequesters(tx, [request], by);
    await recordAuditEvent(tx, {
      action: "paragraph.reopen-declined",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: clauseId },
      details: { paragraph: request.paragraph, answer, request: requestId },
    });
    afterCommit(tx, () => announceClauseMessage(clauseId, { type: "reopen-requests.changed" }));
    return { requestId, status: "DECLINED" as const };
  });
}

export const ZListReopenRequests = z.object({ clauseId: z.string() });

export type ReopenRequestView = {
  id: string;
  paragraph: number | null;
  quote: string;
  reason: string;
  status: "OPEN" | "REOPENED" | "DECLINED";
  answer: string | null;
  delegation: { code: string; name: string };
  requestedBy: string;
  createdAt: string;
};

/** The chair sees every open request in the clause; a delegation sees its own, answered or not. */
export async function listReopenRequests(
  by: SessionUser,
  raw: z.infer<typeof ZListReopenRequests>,
  tx?: Tx,
): Promise<{ requests: ReopenRequestView[] }> {
  const { clauseId } = parseInput(ZListReopenRequests, raw);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.view", ctx.target);
  const chair = ctx.actor.role === "CHAIR";
  return inTransaction(tx, async (tx) => {
    const rows = await tx.reopenRequest.findMany({
      where: { clauseId, ...(chair ? { status: "OPEN" } : { organizationId: by.organizationId }) },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { organization: { select: { code: true, name: true } }, requestedBy: { select: { name: true } } },
    });
    return {
      requests: rows.map((row) => ({
        id: row.id,
        paragraph: row.paragraph,
        quote: row.quote,
        reason: row.reason,
        status: row.status,
        answer: row.answer,
        delegation: row.organization,
        requestedBy: row.requestedBy.name,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  });
}
