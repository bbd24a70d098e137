// Marks some of one's own notifications read (opening one), or all of them.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { raiseLive } from "@/lib/live/raise-live";

export const ZMarkNotificationsRead = z.union(
  [z.object({ ids: z.array(z.uuid()).max(100) }), z.object({ all: z.literal(true) })],
  { error: "Say which notifications to mark read." },
);
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

export async function markNotificationsRead(by: SessionUser, which: TMarkNotificationsRead) {
  const { count } = await prisma.notification.updateMany({
    where: { userId: by.id, readAt: null, ...("ids" in which ? { id: { in: which.ids } } : {}) },
    data: { readAt: new Date() },
  });
  // The person's other tabs and devices update their bell too.
  if (count > 0) raiseLive({ kind: "notifications", userIds: [by.id] });
  return { marked: count };
}
