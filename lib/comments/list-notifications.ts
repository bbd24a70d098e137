// A person's notifications, newest first, with what the bell shows: who, what, where. Only
// those about clauses the person may still see: once a clause is restricted away from their
// delegation (or their delegation leaves the instrument), its notifications are not shown or
// counted — the clause does not exist for them — and come back if access does. A notification
// is about a comment (a mention, a reply) or about a proposal its delegation took a position on
// (revised since: confirm or change it).
import { type ClauseAccessRows, clauseActor } from "@/lib/clauses/clause-actor";
import { prisma } from "@/lib/db/prisma";
import { actingPerson } from "@/lib/instruments/acting-person";
import { can, type Person } from "@/lib/permissions/can";
import { mentionReason, mentionWording } from "./mention-reason";
import { commentPreview } from "./mentions";

export type NotificationView = {
  id: string;
  kind: "MENTION" | "REPLY" | "PROPOSAL_REVISED";
  actor: { name: string; organizationCode: string };
  clause: { id: string; number: string; title: string };
  /** The thread it is about (mentions and replies). */
  threadId: string | null;
  /** The thread discusses a proposal, or the notification is about one. */
  onProposal: boolean;
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
          organizationCode: row.comment?.authorOrganization.code ?? row.proposal?.organization.code ?? "",
        },
        clause: { id: row.clause.id, number: row.clause.number, title: row.clause.title },
        threadId: row.threadId,
        onProposal: row.proposal !== null || (row.thread?.proposalId ?? null) !== null,
        preview: row.comment ? commentPreview(row.comment.body) : row.proposal ? proposalPreview(row.proposal) : "",
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
function proposalPreview(proposal: { insertedText: string; deletedText: string }): string {
  const parts = [
    proposal.insertedText && `Now proposes “${proposal.insertedText}”`,
    proposal.deletedText &&
      `${proposal.insertedText ? "instead of" : "Now proposes deleting"} “${proposal.deletedText}”`,
  ].filter(Boolean);
  return `${parts.join(" ")}.`;
}
