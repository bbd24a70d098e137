// The whole demo instrument, seeded into a real PostgreSQL (lib/seed) and read exactly as the
// export route reads it (loadExportClauses, open alternative sets, clauseForExport), exports as
// valid Akoma Ntoso in both variants — with every article, every delegation's brackets, every
// further alternative and every agreed paragraph of the seed — plus two open proposals written
// into Article 16 as the browser's suggest mode stores them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { alternativeEdges } from "@/lib/alternatives/alternative-edges";
import { alternativeWordingsOf, openAlternativeSets } from "@/lib/alternatives/alternative-sets";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { bracketsInClause } from "@/lib/brackets/brackets-in-clause";
import { type ClauseModel, type ClauseNode, childrenOf, paragraphsOf } from "@/lib/clause-model/clause-model";
import { prisma } from "@/lib/db/prisma";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { authorFor, proposeDeletion, proposeInsertion } from "@/lib/proposals/test-support/yjs-proposals";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { clauseForExport } from "../clause-for-export";
import type { ExportContent } from "../export-document";
import type { ExportVariant } from "../export-variant";
import { loadExportClauses } from "../load-export-clauses";
import { type AknIdentity, aknDocument } from "./akn-document";
import { all, count, expectSoundIdentifiers, expectValid, wordsOf } from "./test-support/akn-assertions";

// The marker package that keeps server modules out of browser bundles; Node has no bundle.
vi.mock("server-only", () => ({}));

type Loaded = Awaited<ReturnType<typeof loadExportClauses>>;
let chapters: Loaded;
let identity: AknIdentity;
let wordings: ReturnType<typeof alternativeWordingsOf>;
const proposals: { state: Uint8Array | null; number: string }[] = [];

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const instrument = await prisma.instrument.findUniqueOrThrow({ where: { slug: DEMO_INSTRUMENT.slug } });
  const chairRow = await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } });
  const chair = await findSessionUser(chairRow.id);
  const access = chair && (await findInstrumentAccess(chair, instrument.id));
  if (!access) throw new Error("the chair takes part in the demo instrument");
  chapters = await loadExportClauses(access.actor, instrument.id);
  wordings = alternativeWordingsOf(
    await openAlternativeSets(chapters.flatMap((chapter) => chapter.clauses.map((clause) => clause.id))),
  );
  identity = {
    instrumentSlug: instrument.slug,
    instrumentCreatedAt: instrument.createdAt,
    scope: { kind: "instrument" },
  };
  // Two open proposals in Article 16, of Canada and of France.
  const [canada, france] = await Promise.all([
    authorFor("canada@clausework.demo"),
    authorFor("france@clausework.demo"),
  ]);
  for (const chapter of chapters)
    for (const clause of chapter.clauses) {
      if (clause.number !== "16" || !clause.state) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, clause.state);
      proposeInsertion(doc, "without the consent of the person shown", ", freely given,", canada);
      proposeDeletion(doc, "journalistic, ", france);
      clause.state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      proposals.push({ state: clause.state, number: clause.number });
    }
});

function demoContent(variant: ExportVariant): ExportContent {
  return {
    title: DEMO_INSTRUMENT.title,
    variant,
    exportedAt: new Date("2026-12-07T12:00:00Z"),
    exportedBy: "Inés Valderrama (Chair)",
    chapters: chapters.map((chapter) => ({
      number: chapter.number,
      title: chapter.title,
      clauses: chapter.clauses.map((clause) => ({
        number: clause.number,
        title: clause.title,
        status: clause.status,
        text: clauseForExport(clause.state, variant),
        alternatives: wordings,
      })),
    })),
  };
}

function listItems(nodes: readonly ClauseNode[]): ClauseNode[] {
  return nodes.flatMap((node) => [...(node.type === "listItem" ? [node] : []), ...listItems(childrenOf(node))]);
}

/** What the seed holds, read through the clause model: the export must carry all of it. */
function expected(models: ClauseModel[]) {
  const paragraphs = models.flatMap((model) => [...paragraphsOf(model.blocks)]);
  const items = models.flatMap((model) => listItems(model.blocks));
  return {
    bracketing: new Set(
      models.flatMap((m) => bracketsInClause(m.blocks).map((b) => `#org_${b.organizationCode.toLowerCase()}`)),
    ),
    furtherAlternatives: paragraphs
      .flatMap((p) => alternativeEdges(p.inlines, wordings))
      .reduce((sum, edge) => sum + (edge.after?.length ?? 0), 0),
    adRef: items.filter((item) => item.type === "listItem" && item.status === "AGREED_AD_REF").length,
    agreed: items.filter((item) => item.type === "listItem" && item.status === "AGREED").length,
  };
}

describe.each(["clean", "proposals"] as const)("the demo instrument, %s", (variant) => {
  it("exports as valid Akoma Ntoso carrying every article, bracket, alternative and agreed paragraph", async () => {
    const content = demoContent(variant);
    const xml = aknDocument(content, identity);
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    const demo = DEMO_INSTRUMENT.chapters.flatMap((chapter) =>
      chapter.clauses.map((clause) => `chp_${chapter.number}__art_${clause.number}`),
    );
    // Every article of the demo, and one per clause exported (other test files add clauses of
    // their own to the demo instrument in the same database).
    const articles = all(xml, /<article eId="([^"]+)"/g);
    expect(articles).toEqual(expect.arrayContaining(demo));
    expect(articles).toHaveLength(content.chapters.reduce((sum, chapter) => sum + chapter.clauses.length, 0));
    expect(xml).toContain(
      `<FRBRuri value="/akn/un/bill/${identity.instrumentCreatedAt.toISOString().slice(0, 10)}/ict-crime-convention"/>`,
    );

    const seed = expected(content.chapters.flatMap((chapter) => chapter.clauses.map((clause) => clause.text)));
    expect(seed.bracketing.size).toBeGreaterThanOrEqual(5);
    expect(new Set(all(xml, /<inline name="bracket" refersTo="(#org_[a-z0-9_]+) /g))).toEqual(seed.bracketing);
    expect(seed.furtherAlternatives).toBeGreaterThanOrEqual(5);
    expect(count(xml, / alternativeTo="/g)).toBe(seed.furtherAlternatives);
    expect(seed.adRef).toBeGreaterThan(0);
    expect(count(xml, /<(?:paragraph|point|indent) [^>]*class="agreed-ad-referendum"/g)).toBe(seed.adRef);
    expect(count(xml, /<(?:paragraph|point|indent) [^>]*class="agreed"/g)).toBe(seed.agreed);

    if (variant === "proposals") {
      expect(proposals).toHaveLength(1);
      expect(xml).toMatch(
        /the consent of the person shown<ins class="proposal" refersTo="#org_can #person_marc_andre_gagnon" title="Proposed insertion by Canada \(Marc-André Gagnon\), \d{4}-\d{2}-\d{2}">, freely given,<\/ins>/,
      );
      expect(xml).toMatch(
        /<del class="proposal" refersTo="#org_fra #person_camille_roussel" [^>]*>journalistic, <\/del>/,
      );
      expect(xml).toContain(
        '<TLCOrganization eId="org_can" href="/akn/ontology/organization/un/can" showAs="Canada"/>',
      );
    } else {
      expect(xml).not.toMatch(/<ins|<del/);
      expect(wordsOf(xml)).not.toContain("freely given");
      expect(wordsOf(xml)).toContain("for journalistic, artistic or academic purposes");
    }
  });

  it("exports Article 16 alone as a valid portion, its article written as in the whole", async () => {
    const content = demoContent(variant);
    const xml = aknDocument(content, { ...identity, scope: { kind: "clause", number: "16" } });
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    const article = (document: string) => document.match(/<article eId="chp_II__art_16".*?<\/article>/)?.[0];
    expect(article(xml)).toBeDefined();
    expect(article(xml)).toBe(article(aknDocument(content, identity)));
    expect(count(xml, /<article /g)).toBe(1);
    expect(count(xml, /<ins /g) > 0).toBe(variant === "proposals");
  });
});
