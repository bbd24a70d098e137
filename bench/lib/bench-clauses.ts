// Clauses the bench needs beyond the demo data: many small clauses and one long one (~20,000 words),
// stored the way the app stores text (a Yjs snapshot built once from the shared schema).
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";

const SENTENCE =
  "Each State Party shall adopt such legislative and other measures as may be necessary to establish the conduct described in this paragraph as an offence under its domestic law";

/** A long clause's content: paragraphs of 100 words each (the compare bench reads it too). */
export function longClauseBody(words: number) {
  const perParagraph = 100;
  const paragraphs = Math.max(1, Math.round(words / perParagraph));
  const sentenceWords = SENTENCE.split(" ");
  const text = Array.from({ length: perParagraph }, (_, i) => sentenceWords[i % sentenceWords.length]).join(" ");
  return {
    type: "doc",
    content: Array.from({ length: paragraphs }, (_, i) => ({
      type: "paragraph",
      content: [{ type: "text", text: `${i + 1}. ${text}.` }],
    })),
  };
}

async function createClause(chapterId: string, instrumentId: string, position: number, title: string, words: number) {
  const doc = prosemirrorJSONToYDoc(clauseSchema, longClauseBody(words), CLAUSE_FRAGMENT);
  const clause = await prisma.clause.create({
    data: {
      instrumentId,
      chapterId,
      number: `B${position + 1}`,
      title,
      topics: ["bench"],
      position,
      document: { create: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) } },
    },
  });
  return clause.id;
}

export async function createBenchClauses(count: number, longWords: number) {
  const instrument = await prisma.instrument.findFirstOrThrow();
  const last = await prisma.chapter.findFirst({
    where: { instrumentId: instrument.id },
    orderBy: { position: "desc" },
  });
  const chapter = await prisma.chapter.create({
    data: { instrumentId: instrument.id, number: "B", title: "Bench", position: (last?.position ?? 0) + 1 },
  });
  const many: string[] = [];
  for (let i = 0; i < count; i++)
    many.push(await createClause(chapter.id, instrument.id, i, `Bench clause ${i + 1}`, 300));
  const long = await createClause(chapter.id, instrument.id, count, "Long bench clause", longWords);
  const plenary = many[0];
  return { instrumentId: instrument.id, many, long, plenary };
}
