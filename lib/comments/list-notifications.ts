// A person's notifications, newest first, with what the bell shows: who, what, where. Only
// those about clauses the person may still see: once a clause is restricted away from their
// delegation (or their delegation leaves the instrument), its notifications are not shown or
// counted — the clause does not exist for them — and come back if access does. A notification
// is about a comment (a mention, a reply) or about a proposal its delegation took a position on
// (revised since: confirm or change it), or about a chair's decision on a proposal one made,
// took a position on or discussed (with the outcome and the reason), or its undoing.
import { type ClauseAccessRows, clauseActor } from "@/lib/clauses/clause-actor";
import { prisma } from "@/lib/db/prisma";
import { actingPerson } from "@/lib/instruments/acting-person";
import { reopenPreview, reopenPreviewFields } from "@/lib/paragraph-status/reopen-preview";
import { can, type Person } from "@/lib/permissions/can";
import { mentionReason, mentionWording } from "./mention-reason";
import { commentPreview } from "./mentions";

export type NotificationView = {
  id: string;
  kind:
    | "MENTION"
    | "REPLY"
    | "PROPOSAL_REVISED"
    | "PROPOSAL_DECIDED"
    | "DECISION_UNDONE"
    // Co-sponsors (lib/sponsors): invited, answered, revised since accepted.
    | "SPONSOR_INVITED"
    | "SPONSOR_ANSWERED"
    | "SPONSORED_REVISED"
    // Reopening agreed text (lib/paragraph-status): asked of the chair, answered.
    | "REOPEN_REQUESTED"
    | "REOPEN_ANSWERED";
  actor: { name: string; organizationCode: string };
  clause: { id: string; number: string; title: string };
  /** The thread it is about (mentions and replies). */
  threadId: string | null;
  /** The thread discusses a proposal, or the notification is about one. */
  onProposal: boolean;
  /** The proposal it is about, when it is about one (its card, with its history, is the link). */
  proposalId: string | null;
  /** For a decision: what the chair decided, and whether it has been undone since. */
  decision: { outcome: "ACCEPTED" | "REJECTED"; reason: string | null; undone: boolean } | null;
  preview: string;
  /** For a mention, how the bell says it: "mentioned you", "mentioned your delegation (Canada)". */
  mentioned: string | null;
  createdAt: string;
  read: boolean;
};

const SHOWN = 30;

const organizationIds = { select: { organizationId: true } } as const;

/** What deciding "may this person still see the clause?" needs to know about it. */
function clauseAccess(organizationId: string) {
  return {
    select: {
      id: true,
      number: true,
      title: true,
      restrictions: organizationIds,
      chapter: { select: { restrictions: organizationIds } },
      instrument: {
        select: { observersMayComment: true, participants: { where: { organizationId }, select: { role: true } } },
      },
    },
  } as const;
}

function maySee(person: Person, clause: ClauseAccessRows): boolean {
  const { actor, target } = clauseActor(person, clause);
  return can(actor, "thread.view", target);
}

export async function listNotifications(user: {
  id: string;
  organizationId: string;
}): Promise<{ unread: number; items: NotificationView[] }> {
  const clause = clauseAccess(user.organizationId);
  const [person, delegation, unreadRows, rows] = await Promise.all([
    actingPerson(user),
    prisma.organization.findUnique({ where: { id: user.organizationId }, select: { name: true } }),
    prisma.notification.findMany({
      where: { userId: user.id, readAt: null },
      select: { clause },
    }),
    prisma.notification.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SHOWN,
      include: {
        actor: {
          select: { name: true, memberships: { select: { organization: { select: { code: true } } }, take: 1 } },
        },
        comment: { select: { body: true, authorOrganization: { select: { code: true } } } },
        thread: { select: { proposalId: true } },
        proposal: { select: { insertedText: true, deletedText: true, organization: { select: { code: true } } } },
        chairDecision: { select: { outcome: true, reason: true, undoneAt: true } },
        reopenRequest: { select: reopenPreviewFields },
        clause,
      },
    }),
  ]);
  return {
    unread: unreadRows.filter((row) => maySee(person, row.clause)).length,
    items: rows
      .filter((row) => maySee(person, row.clause))
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        actor: {
          name: row.actor.name,
          // The chair, or the delegation that answered an invitation, speaks for itself.
          organizationCode:
            row.chairDecision || row.kind === "SPONSOR_ANSWERED" || row.reopenRequest
              ? (row.actor.memberships[0]?.organization.code ?? "")
              : (row.comment?.authorOrganization.code ?? row.proposal?.organization.code ?? ""),
        },
        clause: { id: row.clause.id, number: row.clause.number, title: row.clause.title },
        threadId: row.threadId,
        onProposal: row.proposal !== null || (row.thread?.proposalId ?? null) !== null,
        proposalId: row.proposalId,
        decision: decisionOf(row.chairDecision),
        preview: row.comment
          ? commentPreview(row.comment.body)
          : row.chairDecision
            ? decisionPreview(row.kind, row.chairDecision)
            : row.proposal
              ? proposalPreview(row.proposal, row.kind === "PROPOSAL_REVISED" || row.kind === "SPONSORED_REVISED")
              : row.reopenRequest
                ? reopenPreview(row.reopenRequest)
                : "",
        mentioned:
          row.kind === "MENTION" && row.comment
            ? mentionWording(mentionReason(row.comment.body, user), delegation?.name ?? "")
            : null,
        createdAt: row.createdAt.toISOString(),
        read: row.readAt !== null,
      })),
  };
}

/** What a revised proposal now reads: its new words, and the words it would delete. */
function proposalPreview(proposal: { insertedText: string; deletedText: string }, revised = true): string {
  const proposes = revised ? "Now proposes" : "Proposes";
  const parts = [
    proposal.insertedText && `${proposes} “${proposal.insertedText}”`,
    proposal.deletedText &&
      `${proposal.insertedText ? "instead of" : `${proposes} deleting`} “${proposal.deletedText}”`,
  ].filter(Boolean);
  return `${parts.join(" ")}.`;
}

type DecisionRow = { outcome: string; reason: string | null; undoneAt: Date | null };

function decisionOf(row: DecisionRow | null): NotificationView["decision"] {
  if (!row || (row.outcome !== "ACCEPTED" && row.outcome !== "REJECTED")) return null;
  return { outcome: row.outcome, reason: row.reason, undone: row.undoneAt !== null };
}

/** "Accepted by the chair: <reason>" — what the decision says, and whether it still stands. */
function decisionPreview(kind: string, row: DecisionRow): string {
  if (kind === "DECISION_UNDONE") return "The decision was undone: the proposal is open again.";
  const outcome = row.outcome === "ACCEPTED" ? "Accepted" : "Rejected";
  const said = `${outcome} by the chair${row.reason ? `: ${row.reason}` : "."}`;
  return row.undoneAt ? `${said} (since undone)` : said;
}
