// A clause of its own for a test file, holding a copy of a demo clause's text, so tests that
// run at the same time never share a live document.
import { prisma } from "@/lib/db/prisma";

/** `copyOf`: the number of the demo clause whose text it starts with. */
export async function freshClause(title: string, copyOf = "16"): Promise<string> {
  const model = await prisma.clause.findFirstOrThrow({ where: { number: copyOf }, include: { document: true } });
  const clause = await prisma.clause.create({
    data: {
      instrumentId: model.instrumentId,
      chapterId: model.chapterId,
      number: `T${Date.now() % 100_000}`,
      title,
      topics: [],
      position: 10_000 + Math.floor(Math.random() * 1_000_000),
      ...(model.document ? { document: { create: { snapshot: model.document.snapshot } } } : {}),
    },
  });
  return clause.id;
}
