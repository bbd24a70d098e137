// In-app notifications for a comment: everyone it mentions (a mentioned delegation means each
// of its members), and the people who took part in the thread before. Only people whose
// organisation takes part in the instrument are told; nobody is told about their own words.
import type { Prisma } from "@/lib/db/generated/client";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";
import { mentionedIn } from "./mentions";

type Comment = { id: string; body: string; authorId: string; threadId: string };

export async function notifyComment(
  tx: Prisma.TransactionClient,
  clause: { id: string; instrumentId: string },
  comment: Comment,
  {
    notifyThreadParticipants,
    alsoNotify = [],
  }: {
    notifyThreadParticipants: boolean;
    /** People told as if they had taken part (the author of a proposal under discussion). */
    alsoNotify?: string[];
  },
): Promise<string[]> {
  const { userIds, organizationIds } = mentionedIn(comment.body);
  const inInstrument = { organization: { participants: { some: { instrumentId: clause.instrumentId } } } };
  const mentioned =
    userIds.length + organizationIds.length === 0
      ? []
      : await tx.user.findMany({
          where: {
            active: true,
            memberships: { some: inInstrument },
            OR: [{ id: { in: userIds } }, { memberships: { some: { organizationId: { in: organizationIds } } } }],
          },
          select: { id: true },
        });
  const participants = notifyThreadParticipants
    ? await tx.user.findMany({
        where: {
          active: true,
          memberships: { some: inInstrument },
          OR: [
            { comments: { some: { threadId: comment.threadId, kind: "COMMENT", deletedAt: null } } },
            { id: { in: alsoNotify } },
          ],
        },
        select: { id: true },
      })
    : [];

  const kinds = new Map<string, "MENTION" | "REPLY">();
  for (const { id } of participants) kinds.set(id, "REPLY");
  for (const { id } of mentioned) kinds.set(id, "MENTION");
  kinds.delete(comment.authorId);
  if (kinds.size === 0) return [];
  await tx.notification.createMany({
    data: [...kinds].map(([userId, kind]) => ({
      userId,
      kind,
      actorId: comment.authorId,
      clauseId: clause.id,
      threadId: comment.threadId,
      commentId: comment.id,
    })),
    // An edit that mentions someone already told about this comment does not tell them twice.
    skipDuplicates: true,
  });
  raiseNotificationsChanged(tx, [...kinds.keys()]);
  return [...kinds.keys()];
}
