// Keeps each thread's "detached" flag true to the text: a thread whose words were deleted is
// detached (it stays, quoting them); one whose words come back (undo) is attached again.
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { prisma } from "@/lib/db/prisma";

export async function syncThreadAnchors(clauseId: string, anchored: Set<string>): Promise<number> {
  const threads = await prisma.commentThread.findMany({
    where: { clauseId, quote: { not: null } },
    select: { id: true, detachedAt: true },
  });
  const detach = threads.filter((t) => t.detachedAt === null && !anchored.has(t.id)).map((t) => t.id);
  const attach = threads.filter((t) => t.detachedAt !== null && anchored.has(t.id)).map((t) => t.id);
  if (detach.length > 0) {
    await prisma.commentThread.updateMany({
      where: { id: { in: detach }, detachedAt: null },
      data: { detachedAt: new Date() },
    });
  }
  if (attach.length > 0) {
    await prisma.commentThread.updateMany({ where: { id: { in: attach } }, data: { detachedAt: null } });
  }
  const changed = detach.length + attach.length;
  if (changed > 0) announceClauseMessage(clauseId, { type: "threads.anchors-changed" });
  return changed;
}
