// Marks some of a person's notifications read (opening one), or all of them.
import { prisma } from "@/lib/db/prisma";

export async function markNotificationsRead(userId: string, which: { ids: string[] } | { all: true }): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...("ids" in which ? { id: { in: which.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}
