// The Akoma Ntoso export, checked against the official OASIS schema (./schema) by libxml2 in
// WebAssembly: every document these tests make is validated, and its structure asserted —
// numbered paragraphs, sub-paragraphs, proposals as ins/del with their delegations, brackets,
// alternatives, paragraph status, the FRBR identifiers, unique eIds.
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  type Block,
  type BracketOnWords,
  type ClauseModel,
  type Inline,
  type ListItem,
  type Paragraph,
  paragraphsOf,
  type TextRun,
} from "@/lib/clause-model/clause-model";
import { readClause } from "@/lib/clause-model/read-clause";
import { RandomClause, seededRandom } from "@/lib/clause-model/test-support/random-clause";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { australia, canada } from "@/lib/editor/suggestions/test-support";
import { clauseForExport } from "../clause-for-export";
import type { ExportContent } from "../export-document";
import type { ExportVariant } from "../export-variant";
import { type AknIdentity, aknDocument } from "./akn-document";
import { all, count, expectSoundIdentifiers, expectValid, wordsOf } from "./test-support/akn-assertions";
import { validateAkn } from "./test-support/validate-akn";

const NZL: BracketOnWords = {
  id: "00000000-0000-4000-8000-0000000000b1",
  organizationId: "00000000-0000-4000-8000-00000000b000",
  organizationCode: "NZL",
  personId: "00000000-0000-4000-8000-00000000b001",
  personName: "Nikau Parata",
  at: "2026-12-01T10:00:00.000Z",
  note: "Terminology <still> open & disputed",
};
const RUS_BRACKET: BracketOnWords = {
  ...NZL,
  id: "00000000-0000-4000-8000-0000000000c1",
  organizationId: "00000000-0000-4000-8000-00000000c000",
  organizationCode: "RUS",
  personId: "00000000-0000-4000-8000-00000000c001",
  personName: "Ivan Petrov",
  note: null,
};
const SET = "00000000-0000-4000-8000-0000000000d1";

const proposal = (kind: "insertion" | "deletion", id: string, author: ProposalAuthor) => ({
  type: kind,
  attrs: { id, ...author, at: "2026-11-28T10:00:00.000Z" },
});
const bracket = (attrs: BracketOnWords) => ({ type: "bracket", attrs });
const text = (words: string, marks: JSONContent["marks"] = []): JSONContent => ({ type: "text", text: words, marks });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const item = (status: string | null, ...content: JSONContent[]): JSONContent => ({
  type: "listItem",
  attrs: { status },
  content,
});

/** A stored clause with everything the negotiation layer puts in a text. */
function storedClause(): Uint8Array {
  const json: JSONContent = {
    type: "doc",
    content: [
      paragraph(text("An opening paragraph without a number.")),
      {
        type: "orderedList",
        attrs: { start: 1, type: null },
        content: [
          item(
            null,
            paragraph(
              text("States Parties shall protect "),
              text("victims", [{ type: "bold" }]),
              text(" and "),
              text("all ", [proposal("insertion", "p-aus", australia)]),
              text("witnesses "),
              text("promptly", [proposal("deletion", "p-can", canada)]),
              text("."),
            ),
            {
              type: "orderedList",
              attrs: { start: 1, type: "a" },
              content: [
                item(null, paragraph(text("<script>alert('x')</script> & co", [{ type: "italic" }]))),
                item(null, paragraph(text("second"))),
              ],
            },
          ),
          item(
            "AGREED_AD_REF",
            paragraph(
              text("Offences of "),
              text("child pornography", [bracket(NZL), bracket(RUS_BRACKET)]),
              text(" material", [bracket(NZL)]),
              text(" are "),
              text("child sexual abuse material", [{ type: "alternatives", attrs: { id: SET } }]),
              text("."),
            ),
          ),
          item("AGREED", paragraph(text("A whole proposed paragraph.", [proposal("insertion", "p-aus-2", australia)]))),
          item(null, paragraph(text("Final provision."))),
        ],
      },
    ],
  };
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(clauseSchema, json, CLAUSE_FRAGMENT));
}

function content(variant: ExportVariant): ExportContent {
  return {
    title: 'Draft convention <on> "ICT" & crime',
    variant,
    exportedAt: new Date("2026-12-07T12:00:00Z"),
    exportedBy: "Alice Delegate (Australia)",
    chapters: [
      {
        number: "II",
        title: "Criminalization",
        clauses: [
          {
            number: "14",
            title: "Offences related to [child sexual abuse material]",
            status: "AGREED_AD_REF",
            text: clauseForExport(storedClause(), variant),
            alternatives: new Map([[SET, ["child pornography", "CSAM & co"]]]),
          },
        ],
      },
    ],
  };
}

const identity: AknIdentity = {
  instrumentSlug: "cybercrime-convention",
  instrumentCreatedAt: new Date("2026-11-20T09:00:00Z"),
  scope: { kind: "instrument" },
};

describe("the export of an instrument with proposals", () => {
  const xml = aknDocument(content("proposals"), identity);

  it("is valid Akoma Ntoso 3.0, with unique eIds and references that resolve", async () => {
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill name="draftInstrument" contains="multipleVersions"><meta>',
      ),
    ).toBe(true);
  });

  it("names the work, expression and manifestation after the AKN4UN naming convention", () => {
    const work = "/akn/un/bill/2026-11-20/cybercrime-convention";
    expect(xml).toContain(
      `<FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/><FRBRdate date="2026-11-20" name="creation"/><FRBRauthor href="#clausework"/><FRBRcountry value="un"/>`,
    );
    expect(xml).toContain(
      `<FRBRExpression><FRBRthis value="${work}/eng@2026-12-07/!main"/><FRBRuri value="${work}/eng@2026-12-07"/><FRBRdate date="2026-12-07" name="draft"/><FRBRauthor href="#clausework"/><FRBRlanguage language="eng"/></FRBRExpression>`,
    );
    expect(xml).toContain(
      `<FRBRManifestation><FRBRthis value="${work}/eng@2026-12-07/!main.xml"/><FRBRuri value="${work}/eng@2026-12-07.akn"/>`,
    );
    expect(xml).toContain('<identification source="#clausework">');
  });

  it("has chapters, articles, numbered paragraphs and lettered sub-paragraphs with eIds of the naming convention", () => {
    expect(xml).toContain('<chapter eId="chp_II"><num>Chapter II</num><heading>Criminalization</heading>');
    expect(xml).toContain(
      '<article eId="chp_II__art_14" class="agreed-ad-referendum" refersTo="#agreedAdReferendum"><num>Article 14</num><heading>Offences related to [child sexual abuse material]</heading>',
    );
    // The unnumbered opening paragraph leads in; the numbered ones follow.
    expect(xml).toContain("<intro><p>An opening paragraph without a number.</p></intro>");
    expect(all(xml, /<paragraph eId="([^"]+)"/g)).toEqual([1, 2, 3, 4].map((n) => `chp_II__art_14__para_${n}`));
    expect(all(xml, /<paragraph [^>]*><num>([^<]+)<\/num>/g)).toEqual(["1.", "2.", "3.", "4."]);
    // Paragraph 1's own words lead in to its sub-paragraphs, (a) and (b), in a list.
    expect(xml).toMatch(
      /<paragraph eId="chp_II__art_14__para_1"><num>1\.<\/num><intro><p>States Parties shall protect <b>victims<\/b> and .*<\/p><\/intro><list eId="chp_II__art_14__para_1__list_1"><point eId="chp_II__art_14__para_1__list_1__point_a"><num>\(a\)<\/num><content><p><i>/,
    );
    expect(all(xml, /<point eId="([^"]+)"/g)).toEqual([
      "chp_II__art_14__para_1__list_1__point_a",
      "chp_II__art_14__para_1__list_1__point_b",
    ]);
  });

  it("writes each open proposal as ins or del pointing at its delegation and person", () => {
    expect(count(xml, /<ins /g)).toBe(2);
    expect(count(xml, /<del /g)).toBe(1);
    expect(xml).toContain(
      'and <ins class="proposal" refersTo="#org_aus #person_alice_delegate" title="Proposed insertion by Australia (Alice Delegate), 2026-11-28">all </ins>witnesses <del class="proposal" refersTo="#org_can #person_chris_delegate" title="Proposed deletion by Canada (Chris Delegate), 2026-11-28">promptly</del>.',
    );
    expect(xml).toContain(
      '<ins class="proposal" refersTo="#org_aus #person_alice_delegate" title="Proposed insertion by Australia (Alice Delegate), 2026-11-28">A whole proposed paragraph.</ins>',
    );
    expect(xml).toContain(
      '<TLCOrganization eId="org_aus" href="/akn/ontology/organization/un/aus" showAs="Australia"/>',
    );
    expect(xml).toContain('<TLCOrganization eId="org_can" href="/akn/ontology/organization/un/can" showAs="Canada"/>');
    expect(xml).toContain(
      '<TLCPerson eId="person_alice_delegate" href="/akn/ontology/person/un/11111111-1111-4111-8111-111111111111" showAs="Alice Delegate"/>',
    );
  });

  it("writes square brackets as named inlines of their delegations, nested as they overlap", () => {
    expect(xml).toContain(
      'Offences of <inline name="bracket" refersTo="#org_nzl #person_nikau_parata" title="Bracketed by NZL (Nikau Parata), 2026-12-01: Terminology &lt;still&gt; open &amp; disputed"><inline name="bracket" refersTo="#org_rus #person_ivan_petrov" title="Bracketed by RUS (Ivan Petrov), 2026-12-01">child pornography</inline> material</inline> are ',
    );
    expect(xml).toContain('<TLCOrganization eId="org_nzl" href="/akn/ontology/organization/un/nzl" showAs="NZL"/>');
  });

  it("writes a set of alternatives as Alt 1 in the text and each further wording with alternativeTo", () => {
    const alt1 = "chp_II__art_14__para_2__alt_1";
    expect(xml).toContain(
      `are <inline name="alternative" eId="${alt1}" title="Alt 1">child sexual abuse material</inline> <inline name="alternative" eId="${alt1}_2" alternativeTo="#${alt1}" title="Alt 2">child pornography</inline> <inline name="alternative" eId="${alt1}_3" alternativeTo="#${alt1}" title="Alt 3">CSAM &amp; co</inline>.`,
    );
  });

  it("gives an agreed paragraph its status as class and concept, and its tag after its words", () => {
    expect(xml).toContain(
      '<paragraph eId="chp_II__art_14__para_2" class="agreed-ad-referendum" refersTo="#agreedAdReferendum">',
    );
    expect(xml).toContain('<paragraph eId="chp_II__art_14__para_3" class="agreed" refersTo="#agreed">');
    expect(xml).toContain('<paragraph eId="chp_II__art_14__para_4"><num>4.</num>');
    expect(xml).toContain(
      '. <inline name="paragraphStatus" refersTo="#agreedAdReferendum">[agreed ad ref]</inline></p>',
    );
    expect(xml).toContain(
      '<TLCConcept eId="agreedAdReferendum" href="/akn/ontology/concept/un/agreedAdReferendum" showAs="agreed ad referendum"/>',
    );
  });

  it("keeps markup in the text inert", () => {
    expect(xml).toContain("<i>&lt;script&gt;alert('x')&lt;/script&gt; &amp; co</i>");
    expect(xml).not.toContain("<script");
    expect(xml).toContain("<docTitle>Draft convention &lt;on&gt; &quot;ICT&quot; &amp; crime</docTitle>");
  });

  it("is the same document for the same content", () => {
    expect(aknDocument(content("proposals"), identity)).toBe(xml);
  });
});

describe("the clean export", () => {
  const xml = aknDocument(content("clean"), identity);

  it("is valid and holds the agreed text only: no ins or del, proposed words left out, proposed deletions kept", async () => {
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    expect(xml).not.toMatch(/<ins|<del/);
    expect(xml).toContain('contains="singleVersion"');
    expect(wordsOf(xml)).toContain("States Parties shall protect victims and witnesses promptly.");
    expect(wordsOf(xml)).not.toContain("A whole proposed paragraph");
    // The rejected paragraph leaves no paragraph behind; brackets, alternatives and status stay.
    expect(count(xml, /<paragraph /g)).toBe(3);
    expect(count(xml, /<inline name="bracket"/g)).toBe(2);
    expect(count(xml, /alternativeTo=/g)).toBe(2);
    expect(xml).not.toContain("org_aus");
  });
});

describe("the export of one clause", () => {
  const xml = aknDocument(content("proposals"), {
    ...identity,
    scope: { kind: "clause", number: "14" },
    version: {
      id: "7f3c2a10-0000-4000-8000-000000000001",
      name: "Second reading",
      savedAt: new Date("2026-12-03T16:30:00Z"),
    },
  });

  it("is a valid portion of the instrument, its article keeping the eId it has in the whole", async () => {
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    expect(xml).toContain('<portion includedIn="#instrument">');
    expect(xml).toMatch(/<portionBody><article eId="chp_II__art_14" [^>]*><num>Article 14<\/num>/);
    expect(xml).not.toContain("<chapter");
  });

  it("names the portion and the version: the expression is dated by the version, the component by the article", () => {
    const expression = "/akn/un/bill/2026-11-20/cybercrime-convention/eng@2026-12-03";
    expect(xml).toContain(`<FRBRthis value="/akn/un/bill/2026-11-20/cybercrime-convention/!main~chp_II__art_14"/>`);
    expect(xml).toContain(
      `<FRBRExpression><FRBRthis value="${expression}/!main~chp_II__art_14"/><FRBRuri value="${expression}"/><FRBRalias name="clauseworkVersion" value="7f3c2a10-0000-4000-8000-000000000001"/><FRBRdate date="2026-12-03" name="version"/><FRBRauthor href="#clausework"/><FRBRversionNumber value="Second reading"/>`,
    );
    expect(xml).toContain(`<FRBRthis value="${expression}/!main~chp_II__art_14.xml"/>`);
    expect(xml).toContain('<FRBRportion showAs="Article 14" from="#chp_II__art_14"/>');
    expect(xml).toContain(`<TLCReference eId="instrument" name="bill" href="${expression}/!main"`);
    // The manifestation is dated by the export.
    expect(xml).toContain('<FRBRdate date="2026-12-07" name="export"/>');
  });

  it("refuses a clause the content does not hold", () => {
    expect(() => aknDocument(content("clean"), { ...identity, scope: { kind: "clause", number: "99" } })).toThrow(
      "Article 99 is not in the exported content.",
    );
  });
});

describe("the validator", () => {
  // So that the tests above cannot pass for a validator that accepts anything.
  const valid = aknDocument(content("proposals"), identity);

  it("rejects a document whose eIds repeat, saying which", async () => {
    const twice = valid.replace('eId="chp_II__art_14__para_2"', 'eId="chp_II__art_14__para_1"');
    const result = await validateAkn(twice);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Duplicate key-sequence \['chp_II__art_14__para_1'\]/);
  });

  it("rejects attributes AKN 3.0 does not give an element: ins has no `by`, status is not agreement", async () => {
    const withBy = await validateAkn(valid.replace('<ins class="proposal"', '<ins by="#org_aus" class="proposal"'));
    expect(withBy.valid).toBe(false);
    expect(withBy.errors.join("\n")).toContain("The attribute 'by' is not allowed.");
    const withStatus = await validateAkn(valid.replace('class="agreed" refersTo="#agreed"', 'status="agreed"'));
    expect(withStatus.valid).toBe(false);
    expect(withStatus.errors.join("\n")).toContain("The value 'agreed' is not an element of the set");
  });

  it("rejects misplaced elements and documents that are not XML", async () => {
    const misplaced = await validateAkn(valid.replace("<body>", "<body><p>loose words</p>"));
    expect(misplaced.valid).toBe(false);
    expect(misplaced.errors.join("\n")).toMatch(
      /Element '\{http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0\}p': This element is not expected/,
    );
    const broken = await validateAkn(valid.slice(0, valid.length / 2));
    expect(broken.valid).toBe(false);
    expect(broken.errors.length).toBeGreaterThan(0);
  });
});

/** A clause model written by hand, for shapes and characters the editor would rarely make. */
const words = (text: string): TextRun => ({
  type: "text",
  text,
  formatting: [],
  anchors: [],
  proposal: null,
  brackets: [],
});
const plain = (...inlines: Inline[]): Paragraph => ({ type: "paragraph", inlines });

function exportOf(chapters: ExportContent["chapters"], title = "Draft"): ExportContent {
  return { title, variant: "proposals", exportedAt: new Date("2026-12-07T12:00:00Z"), exportedBy: "x", chapters };
}

describe("awkward content", () => {
  it("an instrument without chapters, a chapter without articles and an article without words are valid", async () => {
    await expectValid(aknDocument(exportOf([]), identity));
    const empty = aknDocument(
      exportOf([
        { number: "I", title: "Empty", clauses: [] },
        { number: "II", title: "One", clauses: [{ number: "1", title: "", status: "OPEN", text: { blocks: [] } }] },
      ]),
      identity,
    );
    await expectValid(empty);
    expect(empty).toContain('<chapter eId="chp_I"><num>Chapter I</num><heading>Empty</heading></chapter>');
    expect(empty).toContain("<heading/><content><p/></content></article>");
  });

  it("characters XML cannot carry are dropped, the rest escaped; repeated or odd numbers still give unique eIds", async () => {
    const hostile = "a\u0000b\u0007c \uD800 ]]> <x/> & \"q\" 'a' \uD83D\uDE00 \uFFFF end";
    const xml = aknDocument(
      exportOf(
        [
          {
            number: "I\u0000",
            title: hostile,
            clauses: [
              { number: "5", title: hostile, status: "OPEN", text: { blocks: [plain(words(hostile))] } },
              { number: "5", title: "again", status: "AGREED", text: { blocks: [plain(words("twice"))] } },
              { number: "16 bis", title: "", status: "OPEN", text: { blocks: [plain(words("bis"))] } },
              { number: "§", title: "", status: "OPEN", text: { blocks: [plain(words("no digits"))] } },
            ],
          },
        ],
        hostile,
      ),
      identity,
    );
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    expect(xml).toContain("<p>abc  ]]&gt; &lt;x/&gt; &amp; &quot;q&quot; 'a' \uD83D\uDE00  end</p>");
    expect(all(xml, /<article eId="([^"]+)"/g)).toEqual([
      "chp_I__art_5",
      "chp_I__art_5-2",
      "chp_I__art_16bis",
      "chp_I__art_4",
    ]);
  });

  it("paragraphs between and after sub-paragraphs, bullets and nested lists fit the schema's hierarchy", async () => {
    const item = (status: ListItem["status"], ...blocks: ListItem["blocks"]): ListItem => ({
      type: "listItem",
      status,
      blocks,
    });
    const text: ClauseModel = {
      blocks: [
        {
          type: "orderedList",
          start: 3,
          numbering: null,
          items: [
            item(
              "AGREED",
              plain(words("Lead-in:")),
              { type: "orderedList", start: 1, numbering: "i", items: [item("OPEN", plain(words("first")))] },
              plain(words("between")),
              { type: "bulletList", items: [item("OPEN", plain(words("a bullet"))), item("OPEN")] },
              plain(words("closing words")),
            ),
          ],
        },
        plain(words("A paragraph between numbered ones.")),
        { type: "orderedList", start: 3, numbering: null, items: [item("OPEN", plain(words("numbered 3 again")))] },
      ],
    };
    const xml = aknDocument(
      exportOf([{ number: "I", title: "T", clauses: [{ number: "1", title: "T", status: "OPEN", text }] }]),
      identity,
    );
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    const para = "chp_I__art_1__para_3";
    expect(xml).toContain(
      `<paragraph eId="${para}" class="agreed" refersTo="#agreed"><num>3.</num><intro><p>Lead-in: <inline name="paragraphStatus" refersTo="#agreed">[agreed]</inline></p></intro>` +
        `<list eId="${para}__list_1"><point eId="${para}__list_1__point_i"><num>(i)</num><content><p>first</p></content></point></list>` +
        `<alinea eId="${para}__alinea_1"><content><p>between</p></content></alinea>` +
        `<list eId="${para}__list_2"><indent eId="${para}__list_2__indent_1"><num>•</num><content><p>a bullet</p></content></indent><indent eId="${para}__list_2__indent_2"><num>•</num><content><p/></content></indent></list>` +
        "<wrapUp><p>closing words</p></wrapUp></paragraph>",
    );
    expect(xml).toContain(
      '<alinea eId="chp_I__art_1__alinea_1"><content><p>A paragraph between numbered ones.</p></content></alinea>',
    );
    expect(xml).toContain('<paragraph eId="chp_I__art_1__para_3-2"><num>3.</num>');
  });
});

describe("random clauses", () => {
  // Clauses of every shape the editor stores (lib/clause-model/test-support/random-clause.ts:
  // nested lists, line breaks, formatting, interleaved proposals of several delegations,
  // proposed paragraph breaks), read by the clause model, then given brackets, alternatives and
  // statuses at random — overlapping in every way — so that the writer's nesting is tested too.
  const BRACKETS = [NZL, RUS_BRACKET, { ...NZL, id: "00000000-0000-4000-8000-0000000000f1", note: null }];
  const SETS = [SET, "00000000-0000-4000-8000-0000000000d2"];
  const wordings = new Map([
    [SETS[0], ["other <words>", "Delete"]],
    [SETS[1], ["a third way"]],
  ]);
  const STATUSES = ["OPEN", "AGREED_AD_REF", "AGREED"] as const;

  function decorate(model: ClauseModel, random: () => number): ClauseModel {
    const inline = (run: Inline): Inline => {
      if (run.type !== "text") return run;
      const brackets = BRACKETS.filter(() => random() < 0.3).sort((a, b) => (a.id < b.id ? -1 : 1));
      const set = random() < 0.25 ? SETS[Math.floor(random() * SETS.length)] : null;
      return { ...run, brackets, ...(set ? { alternatives: set } : {}) };
    };
    const block = (node: Block): Block => {
      if (node.type === "paragraph") return { ...node, inlines: node.inlines.map(inline) };
      return { ...node, items: node.items.map(listItem) };
    };
    const listItem = (node: ListItem): ListItem => ({
      ...node,
      status: STATUSES[Math.floor(random() * STATUSES.length)],
      blocks: node.blocks.map(block),
    });
    return { blocks: model.blocks.map(block) };
  }

  /** A run's marks as the export should write them around each of its characters. */
  function marksOfRun(run: TextRun): string {
    const org = (code: string) => `#org_${code.toLowerCase()}`;
    return [
      ...run.brackets.map((bracket) => `bracket ${org(bracket.organizationCode)}`),
      ...(run.proposal
        ? [`${run.proposal.kind === "insertion" ? "ins" : "del"} ${org(run.proposal.author?.organizationCode ?? "")}`]
        : []),
      ...run.formatting.map((mark) => ({ bold: "b", italic: "i", underline: "u" })[mark]),
    ]
      .sort()
      .join(",");
  }

  /** The marks the written XML puts around each character of its text, read with a stack of open elements. */
  function marksOfCharacters(xml: string): string[] {
    const stack: string[] = [];
    const marks: string[] = [];
    for (const [, close, name, attrs, selfClosing, text] of xml.matchAll(/<(\/?)([A-Za-z]+)([^>]*?)(\/?)>|([^<]+)/g)) {
      if (text !== undefined) {
        const around = stack
          .filter((mark) => mark !== "")
          .sort()
          .join(",");
        for (const _ of wordsOf(text)) marks.push(around);
      } else if (close) stack.pop();
      else if (!selfClosing) {
        const refersTo = attrs.match(/refersTo="(#org_[a-z0-9_]+)/)?.[1];
        if (name === "ins" || name === "del") stack.push(`${name} ${refersTo}`);
        else if (name === "inline" && attrs.includes('name="bracket"')) stack.push(`bracket ${refersTo}`);
        else if (name === "b" || name === "i" || name === "u") stack.push(name);
        else stack.push("");
      }
    }
    return marks;
  }

  it("all export as one valid document that loses no words, invents none, and keeps each word in its marks", async () => {
    const clauses: ExportContent["chapters"][number]["clauses"] = [];
    let expected = "";
    const expectedMarks: string[] = [];
    for (let seed = 1; seed <= 150; seed++) {
      const random = seededRandom(seed);
      const doc = new Y.Doc();
      new RandomClause(random).write(doc);
      const text = decorate(readClause(doc), random);
      doc.destroy();
      clauses.push({ number: String(seed), title: `Clause ${seed}`, status: "OPEN", text, alternatives: wordings });
      for (const paragraph of paragraphsOf(text.blocks))
        for (const run of paragraph.inlines) {
          if (run.type !== "text") continue;
          expected += withoutAnchors(run.text);
          for (const _ of withoutAnchors(run.text)) expectedMarks.push(marksOfRun(run));
        }
    }
    const xml = aknDocument(exportOf([{ number: "I", title: "Random", clauses }]), identity);
    await expectValid(xml);
    expectSoundIdentifiers(xml);
    expect(count(xml, /<ins /g)).toBeGreaterThan(100);
    expect(count(xml, /<del /g)).toBeGreaterThan(100);
    expect(count(xml, /<inline name="bracket"/g)).toBeGreaterThan(100);
    expect(count(xml, /alternativeTo=/g)).toBeGreaterThan(50);
    // The body's words, without what the export adds around them, are the clauses' words.
    const body = xml.slice(xml.indexOf("<body>"), xml.indexOf("</body>"));
    const added = body
      .replace(/<(num|heading)>[^<]*<\/\1>/g, "")
      .replace(/ <inline name="alternative" [^>]*alternativeTo="[^"]*"[^>]*>[^<]*<\/inline>/g, "")
      .replace(/ <inline name="paragraphStatus" [^>]*>[^<]*<\/inline>/g, "");
    expect(wordsOf(added)).toBe(expected);
    // And each of those words sits inside exactly the proposal, brackets and formatting it has.
    expect(marksOfCharacters(added)).toEqual(expectedMarks);
  });
});
