// Looks up a chapter, clause, organisation or person *within* the instrument a door admitted,
// so an id from another instrument is answered as not found. Takes the caller's transaction;
// used by the administration commands.
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";

type Tx = Prisma.TransactionClient;

export async function chapterIn(tx: Tx, instrumentId: string, chapterId: string) {
  const chapter = await tx.chapter.findFirst({ where: { id: chapterId, instrumentId } });
  if (!chapter) throw new AppError("not_found", NOT_FOUND);
  return chapter;
}

export async function clauseIn(tx: Tx, instrumentId: string, clauseId: string) {
  const clause = await tx.clause.findFirst({ where: { id: clauseId, instrumentId } });
  if (!clause) throw new AppError("not_found", NOT_FOUND);
  return clause;
}

export async function participantIn(tx: Tx, instrumentId: string, organizationId: string) {
  const participant = await tx.participant.findUnique({
    where: { instrumentId_organizationId: { instrumentId, organizationId } },
    include: { organization: true },
  });
  if (!participant) throw new AppError("not_found", NOT_FOUND);
  return participant;
}

/** A person belongs to an instrument when their organisation takes part in it. */
export async function personIn(tx: Tx, instrumentId: string, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, memberships: { some: { organization: { participants: { some: { instrumentId } } } } } },
    select: { id: true, name: true, email: true, active: true },
  });
  if (!user) throw new AppError("not_found", NOT_FOUND);
  return user;
}

/** Organisations named in a restriction must all take part in the instrument. */
export async function participantsIn(tx: Tx, instrumentId: string, organizationIds: string[]) {
  const participants = await tx.participant.findMany({
    where: { instrumentId, organizationId: { in: organizationIds } },
    include: { organization: { select: { code: true } } },
  });
  if (participants.length !== organizationIds.length) {
    throw new AppError("invalid_input", "Every organisation in a restriction must take part in this instrument.");
  }
  return participants;
}
