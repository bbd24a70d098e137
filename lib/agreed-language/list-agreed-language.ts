// An instrument's library of agreed language, ordered by where it comes from. Who may read it
// is the caller's door (everyone who sees the instrument does).
import { prisma } from "@/lib/db/prisma";

export type AgreedLanguage = {
  id: string;
  source: string;
  article: string;
  text: string;
  topic: string;
  paraphrase: boolean;
};

export async function listAgreedLanguage(instrumentId: string): Promise<AgreedLanguage[]> {
  return prisma.agreedLanguageEntry.findMany({
    where: { instrumentId },
    orderBy: [{ source: "asc" }, { article: "asc" }],
    select: { id: true, source: true, article: true, text: true, topic: true, paraphrase: true },
  });
}
