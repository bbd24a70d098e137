// A person's notifications, newest first, with what the bell shows: who, what, where.
import { prisma } from "@/lib/db/prisma";
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

export async function listNotifications(userId: string): Promise<{ unread: number; items: NotificationView[] }> {
  const [unread, rows] = await Promise.all([
    prisma.notification.count({ where: { userId, readAt: null } }),
    prisma.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SHOWN,
      include: {
        actor: {
          select: { name: true, memberships: { select: { organization: { select: { code: true } } }, take: 1 } },
        },
        comment: { select: { body: true, authorOrganization: { select: { code: true } } } },
        thread: { select: { proposalId: true, clause: { select: { id: true, number: true, title: true } } } },
      },
    }),
  ]);
  return {
    unread,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      actor: { name: row.actor.name, organizationCode: row.comment.authorOrganization.code },
      clause: row.thread.clause,
      threadId: row.threadId,
      onProposal: row.thread.proposalId !== null,
      preview: commentPreview(row.comment.body),
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
  };
}
