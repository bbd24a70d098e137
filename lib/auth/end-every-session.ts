// Ends every session of a person — on every device, wherever a cookie was copied to — by raising
// their session version: every session lookup (pages, route handlers, the collaboration socket)
// refuses a token issued at an older one (lib/auth/find-session-user.ts). Runs inside the
// caller's transaction; after it commits, the caller announces it (announceAccessChange({ userId }))
// so the person's open clause sockets close at once, on every instance.
import type { Prisma } from "@/lib/db/generated/client";

export async function endEverySession(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
