// A person's notifications, newest first, with what the bell shows: who, what, where. Only
// those about clauses the person may still see: once a clause is restricted away from their
// delegation (or their delegation leaves the instrument), its notifications are not shown or
// counted — the clause does not exist for them — and come back if access does.
import { type ClauseAccessRows, clauseActor } from "@/lib/clauses/clause-actor";
import { prisma } from "@/lib/db/prisma";
import { actingPerson } from "@/lib/instruments/acting-person";
import { can, type Person } from "@/lib/permissions/can";
import { commentPreview } from "./mentions";

export type NotificationView = {
  id: string;
  kind: "MENTION" | "REPLY";
  actor: { name: string; organizationCode: string };
  clause: { id: string; number: string; title: string };
  threadId: string;
  /** The thread discusses a proposal. */
  onProposal: boolean;
  preview: string;
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
  const [person, unreadRows, rows] = await Promise.all([
    actingPerson(user),
    prisma.notification.findMany({
      where: { userId: user.id, readAt: null },
      select: { thread: { select: { clause } } },
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
        thread: { select: { proposalId: true, clause } },
      },
    }),
  ]);
  return {
    unread: unreadRows.filter((row) => maySee(person, row.thread.clause)).length,
    items: rows
      .filter((row) => maySee(person, row.thread.clause))
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        actor: { name: row.actor.name, organizationCode: row.comment.authorOrganization.code },
        clause: { id: row.thread.clause.id, number: row.thread.clause.number, title: row.thread.clause.title },
        threadId: row.threadId,
        onProposal: row.thread.proposalId !== null,
        preview: commentPreview(row.comment.body),
        createdAt: row.createdAt.toISOString(),
        read: row.readAt !== null,
      })),
  };
}
