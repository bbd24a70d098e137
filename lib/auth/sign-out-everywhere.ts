// Signing out ends every session of the person, not only this browser's cookie: next-auth's
// sign-out (POST /api/auth/signout) hands us the token it is clearing, and raising the session
// version makes that token — and any copy of it, on any device — worthless at its next use.
// Only a token that is still the person's current one can do it, so an old copied cookie
// cannot keep signing someone out.
import type { JWT } from "next-auth/jwt";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { recordAuditEventAlone } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { sessionVersionOf } from "./session-version";

export async function signOutEverywhere(token: JWT | null | undefined): Promise<boolean> {
  const userId = token?.uid;
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return false;
  const ended = await prisma.user.updateMany({
    where: { id: userId, sessionVersion: sessionVersionOf(token) },
    data: { sessionVersion: { increment: 1 } },
  });
  if (ended.count !== 1) return false;
  announceAccessChange({ userId });
  log.info({ event: "signout", userId }, "signed out everywhere");
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  await recordAuditEventAlone({ action: "signout", actor: user, target: { type: "user", id: userId } });
  return true;
}
