// The compilation on a real PostgreSQL, from the demo's proposals (written into the text as a
// delegate's editor would, lib/seed/seed-sponsors-and-topics.ts): the rolling text in its agreed
// form, each open proposal with its sponsors, supporters, objectors and reservations, the
// positions table, and a topic's compilation that leaves out what the reader may not see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { indexClauseProposals } from "@/lib/proposals/index-clause-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { DEMO_SPONSORED_PROPOSALS, DEMO_TOPICS } from "@/lib/seed/seed-sponsors-and-topics";
import { assignClauseTopics } from "./assign-clause-topics";
import { compileClause } from "./compile-clause";
import { compileTopic } from "./compile-topic";

const as = {} as Record<"chair" | "australia" | "jamaica", SessionUser>;
const article = (number: string) =>
  prisma.clause.findFirstOrThrow({ where: { number }, select: { id: true, instrumentId: true } });
let restricted: string;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  for (const who of ["chair", "australia", "jamaica"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@clausework.demo` } });
    as[who] = (await findSessionUser(id)) as SessionUser;
  }
});

afterAll(async () => {
  if (restricted) await prisma.clause.delete({ where: { id: restricted } });
});

describe("the demo's sponsored proposals", () => {
  it("are all in the text, and the proposals index reads the stored text exactly as seeded", async () => {
    const seeded = await prisma.proposal.findMany({ where: { sponsorships: { some: {} } } });
    expect(seeded.length).toBeGreaterThanOrEqual(
      DEMO_SPONSORED_PROPOSALS.filter((p) => Object.keys(p.sponsors).length > 0).length,
    );
    for (const number of new Set(DEMO_SPONSORED_PROPOSALS.map((p) => p.article))) {
      const { id } = await article(number);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadClauseState(id)) as Uint8Array);
      // Nothing to change: every row already reads as the text does.
      expect(await indexClauseProposals(id, proposalsInClause(readClause(doc))), `article ${number}`).toBe(false);
      doc.destroy();
    }
  });

  it("puts the chair's three topics on the articles tagged so", async () => {
    const topics = await prisma.topic.findMany({
      orderBy: { position: "asc" },
      include: { clauses: { include: { clause: true } } },
    });
    expect(topics.map((t) => t.slug)).toEqual(DEMO_TOPICS.map((t) => t.slug));
    const numbers = (slug: string) =>
      topics
        .find((t) => t.slug === slug)
        ?.clauses.map((c) => c.clause.number)
        .sort();
    expect(numbers("gender")).toEqual(expect.arrayContaining(["16", "5"]));
    expect(numbers("csam")).toEqual(expect.arrayContaining(["14", "15"]));
    expect(numbers("victims-witnesses")).toEqual(expect.arrayContaining(["33", "34"]));
  });
});

describe("an article's compilation", () => {
  it("gives the agreed text, each open proposal with its sponsors and positions, and the table", async () => {
    const { id } = await article("5");
    const compilation = await compileClause(id, { restrictedTo: null });
    const text = compilation.text.map((p) => p.text).join("\n");
    expect(text).toContain("to improve understanding of how the offences");
    // The rolling text as agreed: proposed words are not in it, they follow as proposals.
    expect(text).not.toContain("the gendered side of these offences");
    const proposal = compilation.proposals.find((p) => p.insertedText.includes("the gendered side of these offences"));
    expect(proposal).toMatchObject({
      label: expect.stringMatching(/^P\d+$/),
      kind: "INSERTION",
      delegation: expect.objectContaining({ code: "AUS" }),
      sponsorLine: "Australia, Canada and New Zealand",
    });
    expect(proposal?.supporters.map((d) => d.code).sort()).toEqual(["EU", "PHL"]);
    expect(proposal?.objectors.map((d) => d.code)).toEqual(["RUS"]);
    expect(proposal?.reservations.map((d) => d.code)).toEqual(["ARM"]);
    const column = compilation.proposals.indexOf(proposal as never);
    const cell = (code: string) =>
      compilation.positions.cells[compilation.positions.delegations.findIndex((d) => d.code === code)][column];
    expect(cell("AUS")).toBe("AUTHOR");
    expect(cell("CAN")).toBe("SPONSOR");
    expect(cell("NZL")).toBe("SPONSOR");
    expect(cell("PHL")).toBe("SUPPORTS");
    expect(cell("RUS")).toBe("OPPOSES");
    expect(cell("ARM")).toBe("RESERVES");
    expect(cell("FRA")).toBeNull();
    // Paragraph status (lib/seed/demo-paragraph-status.ts): article 33's fourth and fifth paragraphs.
    const witnesses = await compileClause((await article("33")).id, { restrictedTo: null });
    const numbered = witnesses.text.filter((p) => p.depth === 1 && p.label);
    expect(numbered.map((p) => p.tag ?? null).slice(0, 5)).toEqual([null, null, null, "agreed ad ref", "agreed"]);
    // Article 5's alternatives (lib/seed/demo-alternatives.ts): the focal-point paragraph.
    const focalPoint = compilation.alternatives.find((set) => set.options[1]?.sponsor === "PHL");
    expect(focalPoint?.options.map((o) => [o.position, o.sponsor, o.supporters])).toEqual([
      [1, null, ["CAN", "FRA", "NZL"]],
      [2, "PHL", ["PHL", "RUS"]],
    ]);
    // Article 5's square brackets (lib/seed/demo-brackets.ts), each with its delegation and reason.
    expect(compilation.brackets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          words: "endeavour to",
          delegationCode: "CAN",
          note: "We want a firm obligation here.",
        }),
        expect.objectContaining({ words: "promote research and", delegationCode: "PHL", note: null }),
      ]),
    );
    // Rows are the instrument's delegations, not its observers or the chair.
    expect(compilation.positions.delegations.map((d) => d.code)).not.toContain("LARKSPUR");
    expect(compilation.positions.delegations.map((d) => d.code)).not.toContain("CHAIR");
  });

  it("names the group a proposal speaks for, and leaves unanswered invitations out of the sponsors", async () => {
    const { id } = await article("16");
    const proposal = (await compileClause(id, { restrictedTo: null })).proposals.find(
      (p) => p.onBehalfOf === "CARICOM",
    );
    expect(proposal?.sponsorLine).toBe("Jamaica, on behalf of CARICOM");
    expect(proposal?.sponsors).toEqual([
      expect.objectContaining({ status: "INVITED", delegation: expect.objectContaining({ code: "PHL" }) }),
    ]);
    expect(proposal?.objectors.map((d) => d.code)).toEqual(["DEU"]);
  });

  it("leaves out proposals no longer open", async () => {
    const { id } = await article("17");
    const before = await compileClause(id, { restrictedTo: null });
    const deletion = before.proposals.find((p) => p.deletedText === ", is genuine");
    expect(deletion?.delegation.code).toBe("RUS");
    await prisma.proposal.update({ where: { id: deletion?.id }, data: { status: "REJECTED" } });
    try {
      expect((await compileClause(id, { restrictedTo: null })).proposals.map((p) => p.id)).not.toContain(deletion?.id);
    } finally {
      await prisma.proposal.update({ where: { id: deletion?.id }, data: { status: "OPEN" } });
    }
  });
});

describe("a topic's compilation", () => {
  it("holds the topic's articles the reader sees, and none restricted away from them", async () => {
    const { instrumentId } = await article("5");
    restricted = await freshClause("Informal consultations on gender");
    await prisma.clauseRestriction.create({
      data: { clauseId: restricted, organizationId: as.australia.organizationId },
    });
    const gender = await prisma.topic.findUniqueOrThrow({
      where: { instrumentId_slug: { instrumentId, slug: "gender" } },
    });
    const already = (await prisma.clauseTopic.findMany({ where: { clauseId: restricted } })).map((r) => r.topicId);
    expect(await assignClauseTopics(as.chair, { clauseId: restricted, topicIds: [...already, gender.id] })).toEqual({
      topics: ["gender"],
    });
    const compiledFor = async (who: SessionUser) => {
      const access = await findInstrumentAccess(who, instrumentId);
      return (
        (await compileTopic(access?.actor as never, instrumentId, "gender"))?.clauses.map((c) => c.clause.id) ?? []
      );
    };
    expect(await compiledFor(as.australia)).toContain(restricted);
    expect(await compiledFor(as.chair)).toContain(restricted);
    const forJamaica = await compiledFor(as.jamaica);
    expect(forJamaica).not.toContain(restricted);
    expect(forJamaica).toContain((await article("5")).id);
    // The restricted article's table lists only the delegations that see it.
    const own = await compileClause(restricted, { restrictedTo: [as.australia.organizationId] });
    expect(own.positions.delegations.map((d) => d.code)).toEqual(["AUS"]);
    expect(await compileTopic(as.chair as never, instrumentId, "no-such-topic")).toBeNull();
  });

  it("has its articles chosen by the chair alone, among the instrument's topics, audited", async () => {
    const { id } = await article("6");
    const refused = (who: SessionUser, topicIds: string[]) =>
      assignClauseTopics(who, { clauseId: id, topicIds }).then(
        () => null,
        (error: unknown) => (error instanceof AppError ? error.code : error),
      );
    const topics = await prisma.topic.findMany();
    expect(await refused(as.australia, [topics[0].id])).toBe("forbidden");
    expect(await refused(as.chair, [crypto.randomUUID()])).toBe("invalid_input");
    expect(await prisma.clauseTopic.count({ where: { clauseId: id } })).toBe(0);
    await assignClauseTopics(as.chair, { clauseId: id, topicIds: [topics[0].id] });
    await assignClauseTopics(as.chair, { clauseId: id, topicIds: [] });
    expect(await prisma.clauseTopic.count({ where: { clauseId: id } })).toBe(0);
    const trail = await prisma.auditEvent.findMany({ where: { action: "clause.topics-assigned", targetId: id } });
    expect(trail.map((e) => e.details)).toEqual([
      { from: [], to: [topics[0].slug] },
      { from: [topics[0].slug], to: [] },
    ]);
  });
});
