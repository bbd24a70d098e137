// The terminology report over real stored clauses (PostgreSQL, the seeded glossary): each term of
// the glossary that remains in a clause's agreed text is listed under the clause, with its words as
// written; words only proposed are not the text yet, words proposed for deletion still are; a
// clause restricted away from a delegation is not in that delegation's report.
import { randomUUID } from "node:crypto";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { type Actor, actorIn } from "@/lib/permissions/can";
import { authorFor, stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { listGlossary } from "./list-glossary";
import { terminologyReport } from "./terminology-report";

// Next's guard against importing server code into the browser; these tests are the server.
vi.mock("server-only", () => ({}));

let instrumentId: string;
let chair: Actor;
let australia: Actor;
let openClause: string;
let restrictedClause: string;

async function actorFor(email: string): Promise<Actor> {
  const author = await authorFor(email);
  const participant = await prisma.participant.findFirstOrThrow({
    where: { instrumentId, organizationId: author.organizationId },
  });
  return actorIn(
    { userId: author.authorId, organizationId: author.organizationId, active: true },
    { role: participant.role, observersMayComment: true },
  );
}

/** A clause of this test's own, stored as the collaboration server stores one: snapshot + updates. */
async function storedClause(text: string, edit?: (content: Y.XmlText) => void): Promise<string> {
  const chapter = await prisma.chapter.findFirstOrThrow({ where: { instrumentId } });
  const json = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
  const doc = prosemirrorJSONToYDoc(clauseSchema, json, CLAUSE_FRAGMENT);
  const clause = await prisma.clause.create({
    data: {
      instrumentId,
      chapterId: chapter.id,
      number: `R${randomUUID().slice(0, 6)}`,
      title: "Terminology",
      topics: [],
      position: 20_000 + Math.floor(Math.random() * 1_000_000),
      document: { create: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) } },
    },
  });
  if (edit) {
    const before = Y.encodeStateVector(doc);
    edit((doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText);
    await prisma.clauseUpdate.create({
      data: { clauseId: clause.id, update: Buffer.from(Y.encodeStateAsUpdate(doc, before)) },
    });
  }
  return clause.id;
}

beforeAll(async () => {
  await seedIfEmpty(prisma);
  instrumentId = (await prisma.instrument.findFirstOrThrow({ where: { slug: "ict-crime-convention" } })).id;
  chair = await actorFor("chair@clausework.demo");
  australia = await actorFor("australia@clausework.demo");
  const proposer = await authorFor("canada@clausework.demo");
  const words = "Minors, Child Pornography and child-pornographic images; sextortion.";
  openClause = await storedClause(words, (content) => {
    // Proposed, not yet the text: an insertion of a term, and a deletion of one.
    content.insert(0, "Revenge porn. ", { insertion: stamp(proposer, randomUUID()) });
    const at = "Revenge porn. ".length + words.indexOf("sextortion");
    content.format(at, "sextortion".length, { deletion: stamp(proposer, randomUUID()) });
  });
  restrictedClause = await storedClause("No child prostitution here.");
  const canada = await authorFor("canada@clausework.demo");
  await prisma.clauseRestriction.create({
    data: { clauseId: restrictedClause, organizationId: canada.organizationId },
  });
});

describe("terminologyReport", () => {
  it("lists each remaining term of a clause's agreed text, as written there, with the glossary's term", async () => {
    const glossary = await listGlossary(instrumentId);
    const termOf = new Map(glossary.map((entry) => [entry.id, entry.term]));
    const report = await terminologyReport(chair, instrumentId, glossary);
    const clause = report.find((entry) => entry.id === openClause);
    expect(clause?.matches.map((match) => [termOf.get(match.termId), match.text])).toEqual([
      ["minor", "Minors"],
      ["child pornography", "Child Pornography"],
      ["child pornography", "child-pornographic"],
      ["sextortion", "sextortion"],
    ]);
    expect(clause?.matches[1]).toMatchObject({ before: "Minors, ", after: " and child-pornographic images; sextorti" });
  });

  it("reads the seeded draft: the disputed term of the offences article is reported", async () => {
    const report = await terminologyReport(chair, instrumentId, await listGlossary(instrumentId));
    const article14 = await prisma.clause.findFirstOrThrow({ where: { instrumentId, number: "14" } });
    expect(report.find((entry) => entry.id === article14.id)?.matches.map((m) => m.text)).toContain(
      "child pornography",
    );
  });

  it("leaves out the clauses the person may not see", async () => {
    const glossary = await listGlossary(instrumentId);
    const forChair = await terminologyReport(chair, instrumentId, glossary);
    const forAustralia = await terminologyReport(australia, instrumentId, glossary);
    expect(forChair.map((entry) => entry.id)).toContain(restrictedClause);
    expect(forAustralia.map((entry) => entry.id)).not.toContain(restrictedClause);
    expect(forAustralia.map((entry) => entry.id)).toContain(openClause);
  });
});
