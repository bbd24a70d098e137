// The demo's alternatives: passages where delegations have put other wordings on the table, side
// by side, as sets of alternatives (lib/alternatives) — Alt 1 the words in the text (marked), the
// further options sponsored by a delegation, each with the delegations supporting it. The demo
// text itself holds no "Alt 1 / Alt 2" characters. Marked by the same code as the Propose an
// alternative button (markAlternativesBetween).
import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { markAlternativesBetween } from "../alternatives/alternative-words";
import type { Prisma } from "../db/generated/client";
import { CLAUSE_FRAGMENT, clauseSchema } from "../editor/extensions";

type DemoSet = {
  article: string;
  /** The words in the text: Alt 1. */
  words: string;
  /** Alt 2, Alt 3, …: each wording with the delegation (person) that sponsors it. */
  options: { text: string; by: string }[];
  /** Who supports which option (1 = the words in the text). */
  supporters: Record<string, number>;
  hoursAgo: number;
};

const DEMO_SETS: DemoSet[] = [
  {
    article: "2",
    words:
      "any natural person who has suffered harm, whether physical, psychological, financial or other, as a result of an offence established in accordance with this Convention",
    options: [
      {
        text: "a natural person who has suffered harm as a direct result of an offence established in accordance with this Convention, as determined by domestic law",
        by: "russian-federation",
      },
    ],
    supporters: { canada: 1, eu: 1, jamaica: 1, "russian-federation": 2, armenia: 2 },
    hoursAgo: 60,
  },
  {
    article: "5",
    words:
      "Each State Party shall designate, within its competent authorities, a gender adviser or focal point to help investigations and proceedings take account of the different ways in which offences committed through information and communications technologies affect persons of different genders.",
    options: [
      {
        text: "Each State Party may, in accordance with its domestic law, designate a focal point for the matters referred to in paragraph 1.",
        by: "philippines",
      },
    ],
    supporters: { canada: 1, france: 1, "new-zealand": 1, philippines: 2, "russian-federation": 2 },
    hoursAgo: 42,
  },
  {
    article: "14",
    words: "Knowingly obtaining access to",
    options: [{ text: "Intentionally accessing or viewing", by: "germany" }],
    supporters: { australia: 1, germany: 2, eu: 2 },
    hoursAgo: 26,
  },
  {
    article: "14",
    words:
      "A State Party may decide not to criminalize conduct under paragraph 1 (b) and (c) where the material was made and is held with the consent of a child who has reached the age of sexual consent under its domestic law, solely for the private use of the persons involved.",
    options: [
      {
        text: "For the purposes of this article, every person under the age of 18 years is a child, without exception.",
        by: "caricom",
      },
    ],
    supporters: { france: 1, germany: 1, caricom: 2, jamaica: 2, philippines: 2 },
    hoursAgo: 25,
  },
  {
    article: "16",
    words: "Whether consent was given shall be determined in accordance with the domestic law of the State Party.",
    options: [
      {
        text: "Consent to the making of an intimate image shall not be taken as consent to its dissemination.",
        by: "australia",
      },
    ],
    supporters: { "russian-federation": 1, australia: 2, "new-zealand": 2, canada: 2 },
    hoursAgo: 20,
  },
  {
    article: "33",
    words: "testifies",
    options: [{ text: "gives testimony or provides information or electronic data", by: "eu" }],
    supporters: { armenia: 1, eu: 2, germany: 2 },
    hoursAgo: 6,
  },
  {
    article: "33",
    words:
      "For the purposes of this article, “witness” includes any person who holds or has provided electronic data relevant to the proceedings, including the staff of service providers.",
    options: [
      {
        text: "For the purposes of this article, “witness” has the meaning given to it by the domestic law of the State Party.",
        by: "russian-federation",
      },
    ],
    supporters: { eu: 1, canada: 1, "russian-federation": 2 },
    hoursAgo: 5,
  },
];

function rangeOf(doc: Y.Doc, spec: DemoSet): { from: number; to: number } {
  const { doc: root } = initProseMirrorDoc(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  let found: { from: number; to: number } | null = null;
  root.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    // Demo paragraphs are words only, so offsets in the text are positions.
    const at = node.textContent.indexOf(spec.words);
    if (at !== -1) found = { from: pos + 1 + at, to: pos + 1 + at + spec.words.length };
    return false;
  });
  if (!found) throw new Error(`Demo alternatives not found in article ${spec.article}: ${spec.words}`);
  return found;
}

export async function seedDemoAlternatives(tx: Prisma.TransactionClient, instrumentId: string): Promise<void> {
  const clauses = await tx.clause.findMany({
    where: { instrumentId },
    select: { id: true, number: true, document: { select: { snapshot: true } } },
  });
  const people = await tx.user.findMany({
    select: { id: true, email: true, name: true, memberships: { select: { organization: true } } },
  });
  const person = (handle: string) => {
    const found = people.find((p) => p.email === `${handle}@clausework.demo`);
    const organization = found?.memberships[0]?.organization;
    if (!found || !organization) throw new Error(`Demo alternatives name an unknown person: ${handle}`);
    return { found, organization };
  };
  const chair = person("chair").found;
  const now = Date.now();
  for (const clause of clauses) {
    const specs = DEMO_SETS.filter((spec) => spec.article === clause.number);
    if (specs.length === 0 || !clause.document) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, clause.document.snapshot);
    for (const spec of specs) {
      const at = new Date(now - spec.hoursAgo * 3_600_000);
      const setId = crypto.randomUUID();
      const { from, to } = rangeOf(doc, spec);
      const marked = markAlternativesBetween(doc, from, to, setId);
      if (!marked.ok) throw new Error(`Demo alternatives not marked in article ${spec.article} (${marked.why})`);
      const first = person(spec.options[0].by).found;
      await tx.alternativeSet.create({
        data: { id: setId, clauseId: clause.id, createdById: first.id, createdByName: first.name, createdAt: at },
      });
      const optionIds = [crypto.randomUUID(), ...spec.options.map(() => crypto.randomUUID())];
      await tx.alternativeOption.createMany({
        data: [
          { id: optionIds[0], setId, position: 1, text: marked.quote, createdById: chair.id, createdAt: at },
          ...spec.options.map((option, i) => {
            const sponsor = person(option.by);
            return {
              id: optionIds[i + 1],
              setId,
              position: i + 2,
              text: option.text,
              sponsorOrganizationId: sponsor.organization.id,
              sponsorCode: sponsor.organization.code,
              createdById: sponsor.found.id,
              createdAt: at,
            };
          }),
        ],
      });
      await tx.alternativeSupport.createMany({
        data: Object.entries(spec.supporters).map(([handle, position]) => {
          const supporter = person(handle);
          return {
            id: crypto.randomUUID(),
            setId,
            optionId: optionIds[position - 1],
            organizationId: supporter.organization.id,
            organizationCode: supporter.organization.code,
            personName: supporter.found.name,
            createdAt: at,
          };
        }),
      });
    }
    await tx.clauseDocument.update({
      where: { clauseId: clause.id },
      data: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) },
    });
    doc.destroy();
  }
}
