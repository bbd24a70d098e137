import "server-only";
// What the administration page shows of an instrument: every chapter and clause (restricted
// ones included — the chair sees them all), who each is restricted to, and the participants.
import { prisma } from "@/lib/db/prisma";

export async function loadInstrumentOutline(instrumentId: string) {
  const restrictions = { select: { organizationId: true } } as const;
  const [chapters, participants] = await Promise.all([
    prisma.chapter.findMany({
      where: { instrumentId },
      orderBy: { position: "asc" },
      include: { restrictions, clauses: { orderBy: { position: "asc" }, include: { restrictions } } },
    }),
    prisma.participant.findMany({
      where: { instrumentId },
      include: { organization: { select: { id: true, name: true, code: true, kind: true, colour: true } } },
      orderBy: { organization: { name: "asc" } },
    }),
  ]);
  return { chapters, participants };
}
