// The demo's square brackets: the passages delegations have not yet agreed, each bracketed by
// the delegation that holds it open (with who, when and why), as bracket marks in the clause's
// text (lib/brackets) — the demo text itself holds no bracket characters. Several delegations
// bracket the same words where they dispute them (Australia and New Zealand on "child
// pornography"); brackets nest where one delegation reserves on a whole paragraph and another
// on words inside it. Placed by the same code as the Bracket button (bracketBetween).
import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { bracketBetween } from "../brackets/bracket-words";
import type { Prisma } from "../db/generated/client";
import { CLAUSE_FRAGMENT, clauseSchema } from "../editor/extensions";

type DemoBracket = {
  article: string;
  /** The words to bracket; with `whole`, the whole paragraph that contains them. */
  words: string;
  /** Which occurrence of `context` (or of `words`) in the clause, from 1. */
  occurrence?: number;
  /** A longer phrase holding `words`, when the words alone are found elsewhere too. */
  context?: string;
  whole?: boolean;
  by: string;
  note?: string;
  hoursAgo: number;
};

const CSAM = "child sexual abuse material";
const CP = "child pornography";
const PORNOGRAPHY_NOTE = "“Pornography” suggests consent, which a child cannot give.";
const CSAM_NOTE = "Our proposed text uses the term “child pornography”, as national laws do.";

const DEMO_BRACKETS: DemoBracket[] = [
  {
    article: "2",
    words:
      ", without prejudice to the age of sexual consent set by the domestic law of a State Party for the purposes of article 14, paragraph 3",
    by: "france",
    note: "Leaves room for national ages of consent.",
    hoursAgo: 50,
  },
  {
    article: "2",
    words: "“Witness” means",
    whole: true,
    by: "germany",
    note: "A witness in cyberspace needs a narrower definition than a victim.",
    hoursAgo: 49,
  },
  {
    article: "2",
    words: ", read consistently with its obligations under international law",
    by: "russian-federation",
    hoursAgo: 48,
  },
  { article: "5", words: "endeavour to", by: "canada", note: "We want a firm obligation here.", hoursAgo: 47 },
  { article: "5", words: "promote research and", by: "philippines", hoursAgo: 46 },
  { article: "5", words: "sex", context: "sex gender", by: "canada", hoursAgo: 45 },
  {
    article: "5",
    words: "gender",
    context: "sex gender",
    by: "armenia",
    note: "A priority, but not for gender-specific provisions.",
    hoursAgo: 45,
  },
  { article: "5", words: ", and persons in vulnerable situations", by: "eu", hoursAgo: 44 },
  { article: "5", words: "Nothing in this article requires", whole: true, by: "canada", hoursAgo: 43 },
  { article: "14", words: CSAM, occurrence: 1, by: "russian-federation", note: CSAM_NOTE, hoursAgo: 30 },
  { article: "14", words: CP, occurrence: 1, by: "australia", note: PORNOGRAPHY_NOTE, hoursAgo: 29 },
  { article: "14", words: CP, occurrence: 1, by: "new-zealand", hoursAgo: 28 },
  { article: "14", words: CSAM, occurrence: 2, by: "russian-federation", note: CSAM_NOTE, hoursAgo: 30 },
  { article: "14", words: CP, occurrence: 2, by: "australia", note: PORNOGRAPHY_NOTE, hoursAgo: 29 },
  {
    article: "14",
    words: ", including by running a service that exists to make such material available",
    by: "germany",
    hoursAgo: 27,
  },
  {
    article: "14",
    words: ", and may include written or audio material,",
    by: "france",
    note: "Freedom of expression.",
    hoursAgo: 26,
  },
  { article: "14", words: "Subjected to cruel", whole: true, by: "russian-federation", hoursAgo: 25 },
  {
    article: "14",
    words: "A State Party may reserve the right",
    whole: true,
    by: "australia",
    note: "Drawings and cartoons can still be used to groom a child.",
    hoursAgo: 24,
  },
  { article: "14", words: ", provided that they are not used to groom or exploit a child", by: "france", hoursAgo: 23 },
  {
    article: "14",
    words: "A State Party may exempt from criminal liability",
    whole: true,
    by: "russian-federation",
    hoursAgo: 22,
  },
  { article: "16", words: "intentional", context: "intentional knowing", by: "eu", hoursAgo: 20 },
  { article: "16", words: "knowing", context: "intentional knowing", by: "canada", hoursAgo: 20 },
  {
    article: "16",
    words: ", and with the intention of causing that person harm",
    by: "jamaica",
    note: "The person shown should not have to prove an intent to harm.",
    hoursAgo: 19,
  },
  { article: "16", words: "whether genuine or digitally created or altered,", by: "germany", hoursAgo: 18 },
  { article: "16", words: "aged 18 years or over", by: "philippines", hoursAgo: 17 },
  { article: "16", words: "Where an intimate image shows", whole: true, by: "new-zealand", hoursAgo: 16 },
  {
    article: "16",
    words: "In establishing the offence in paragraph 1",
    whole: true,
    by: "caricom",
    note: "Speaking for CARICOM: the exception must not swallow the offence.",
    hoursAgo: 15,
  },
  {
    article: "17",
    words: "to threaten, through",
    whole: true,
    by: "eu",
    note: "Existing offences of extortion may already cover this.",
    hoursAgo: 12,
  },
  { article: "17", words: CSAM, by: "russian-federation", note: CSAM_NOTE, hoursAgo: 11 },
  { article: "17", words: CP, by: "australia", note: PORNOGRAPHY_NOTE, hoursAgo: 11 },
  { article: "17", words: "or from another person", by: "armenia", hoursAgo: 10 },
  { article: "17", words: "The offence in paragraph 1 shall be established", whole: true, by: "eu", hoursAgo: 9 },
  { article: "17", words: "aggravating circumstance", whole: true, by: "russian-federation", hoursAgo: 8 },
  { article: "17", words: "is not held criminally liable", whole: true, by: "germany", hoursAgo: 7 },
  {
    article: "33",
    words: "Measures to protect the online identity",
    whole: true,
    by: "russian-federation",
    hoursAgo: 5,
  },
  { article: "33", words: "online", context: "the online identity", by: "germany", hoursAgo: 4 },
];

/** Where the bracket goes, as ProseMirror positions in the clause's text. */
function rangeOf(doc: Y.Doc, spec: DemoBracket): { from: number; to: number } {
  const { doc: root } = initProseMirrorDoc(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  const needle = spec.context ?? spec.words;
  let seen = 0;
  let found: { from: number; to: number } | null = null;
  root.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    // Demo paragraphs are words only (no line breaks), so offsets in the text are positions.
    const text = node.textContent;
    for (let at = text.indexOf(needle); at !== -1 && !found; at = text.indexOf(needle, at + 1)) {
      seen++;
      if (seen !== (spec.occurrence ?? 1)) continue;
      const start = pos + 1 + at + (spec.context ? spec.context.indexOf(spec.words) : 0);
      found = spec.whole
        ? { from: pos + 1, to: pos + 1 + text.length }
        : { from: start, to: start + spec.words.length };
    }
    return false;
  });
  if (!found) throw new Error(`Demo bracket not found in article ${spec.article}: ${needle}`);
  return found;
}

export async function seedDemoBrackets(tx: Prisma.TransactionClient, instrumentId: string): Promise<void> {
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
    if (!found || !organization) throw new Error(`Demo brackets name an unknown person: ${handle}`);
    return { found, organization };
  };
  const now = Date.now();
  for (const clause of clauses) {
    const specs = DEMO_BRACKETS.filter((spec) => spec.article === clause.number);
    if (specs.length === 0 || !clause.document) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, clause.document.snapshot);
    for (const spec of specs) {
      const { found, organization } = person(spec.by);
      const bracket = {
        id: crypto.randomUUID(),
        organizationId: organization.id,
        organizationCode: organization.code,
        personId: found.id,
        personName: found.name,
        at: new Date(now - spec.hoursAgo * 3_600_000).toISOString(),
        note: spec.note ?? null,
      };
      const { from, to } = rangeOf(doc, spec);
      const placed = bracketBetween(doc, from, to, bracket);
      if (!placed.ok) throw new Error(`Demo bracket not placed in article ${spec.article} (${placed.why})`);
      await tx.bracket.create({
        data: {
          id: bracket.id,
          clauseId: clause.id,
          organizationId: bracket.organizationId,
          organizationCode: bracket.organizationCode,
          personId: bracket.personId,
          personName: bracket.personName,
          note: bracket.note,
          quote: placed.quote,
          placedAt: new Date(bracket.at),
        },
      });
    }
    await tx.clauseDocument.update({
      where: { clauseId: clause.id },
      data: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) },
    });
    doc.destroy();
  }
}
