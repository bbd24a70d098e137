// An instrument's glossary as the editor and the pages read it, in alphabetical order. Who may
// read it is the caller's door (everyone who sees the instrument does).
import { prisma } from "@/lib/db/prisma";

export type GlossaryEntry = { id: string; term: string; preferred: string; rationale: string; source: string };

export async function listGlossary(instrumentId: string): Promise<GlossaryEntry[]> {
  return prisma.glossaryTerm.findMany({
    where: { instrumentId },
    orderBy: { term: "asc" },
    select: { id: true, term: true, preferred: true, rationale: true, source: true },
  });
}
