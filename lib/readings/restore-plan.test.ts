// The restore plan over random clauses (paragraphs, numbered lists with sub-paragraphs, line
// breaks, formatting, anchors, and open proposals of every kind) against random versions of
// them: carried out, it leaves the agreed text and every other proposal as they were; its
// proposals accepted read exactly as the version, rejected exactly as before. Where it says it
// cannot (open proposals in the way, line breaks), it is because it cannot.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { RandomClause, seededRandom } from "@/lib/clause-model/test-support/random-clause";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { wordsOf } from "./compare-readings";
import { agreedParagraphs, type ReadingParagraph } from "./reading";
import { writeRestore } from "./restore-in-text";
import { LINE_BREAKS, planRestore } from "./restore-plan";

const CHAIR: ProposalAuthor = {
  authorId: "00000009-0000-4000-8000-000000000000",
  authorName: "The Chair",
  organizationId: "00000009-1111-4000-8000-000000000000",
  organizationCode: "CHAIR",
  organizationName: "Chair of the committee",
  colour: "#654321",
};

const WORDS = ["Parties", "shall", "may", "cooperate", "[in good faith]", "measures.", "victims", "and"];

/**
 * The paragraphs with words. Empty ones cannot be struck, and words proposed into one make it a
 * proposed paragraph (which a rejection takes away, as for any delegation's): they do not count.
 */
const texts = (paragraphs: readonly ReadingParagraph[]) => paragraphs.map((p) => p.text).filter((t) => t !== "");

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function othersOf(model: ClauseModel, ours: Set<string>) {
  return proposalsInClause(model)
    .filter((p) => !ours.has(p.id))
    .map((p) => [p.id, p.kind, p.insertedText, p.deletedText]);
}

/** A version near the text: words changed, paragraphs added and removed. */
function nearby(random: () => number, from: readonly ReadingParagraph[]): ReadingParagraph[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const out = from.map((p) => ({ ...p }));
  const changes = 1 + Math.floor(random() * 4);
  for (let c = 0; c < changes; c++) {
    const roll = random();
    const at = Math.floor(random() * (out.length + 1));
    if (roll < 0.2 && out.length > 0) out.splice(Math.min(at, out.length - 1), 1);
    else if (roll < 0.4 || out.length === 0) {
      const beside = out[Math.min(at, out.length - 1)] ?? { label: "", depth: 0 };
      const words = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(WORDS)).join(" ");
      out.splice(at, 0, { label: random() < 0.5 ? beside.label : "", depth: beside.depth, text: words });
    } else {
      const paragraph = out[Math.min(at, out.length - 1)];
      const tokens = wordsOf(paragraph.text);
      const i = Math.floor(random() * (tokens.length + 1));
      const what = random();
      if (what < 0.35 && tokens.length > 0) tokens.splice(Math.min(i, tokens.length - 1), 1);
      else if (what < 0.7) tokens.splice(i, 0, `${pick(WORDS)} `);
      else if (tokens.length > 0) tokens[Math.min(i, tokens.length - 1)] = pick(WORDS);
      paragraph.text = tokens.join("");
    }
  }
  return out;
}

describe("the restore plan, carried out", () => {
  it("holds over random clauses and versions", () => {
    const outcomes: Record<string, number> = {};
    for (let seed = 1; seed <= Number(process.env.RESTORE_SEEDS ?? 400); seed++) {
      const random = seededRandom(seed);
      const doc = new Y.Doc();
      new RandomClause(random).write(doc);
      const before = readClause(doc);
      const now = agreedParagraphs(before);
      let target: ReadingParagraph[];
      if (random() < 0.2) {
        const other = new Y.Doc();
        new RandomClause(random).write(other);
        target = agreedParagraphs(readClause(other));
      } else target = nearby(random, now);

      const plan = planRestore(before, target);
      outcomes[plan.kind] = (outcomes[plan.kind] ?? 0) + 1;
      const context = `seed ${seed}`;
      if (plan.kind === "equal") {
        expect(
          now.map((p) => p.text),
          context,
        ).toEqual(target.map((p) => p.text));
        continue;
      }
      if (plan.kind === "blocked") {
        // Only open proposals of the clause can stand in the way.
        const open = new Set(proposalsInClause(before).map((p) => p.id));
        expect(
          plan.by.every((id) => open.has(id)),
          context,
        ).toBe(true);
        continue;
      }
      if (plan.kind === "inexpressible") {
        if (plan.reason === LINE_BREAKS)
          expect(
            [...now, ...target].some((p) => p.text.includes("\n")),
            context,
          ).toBe(true);
        continue;
      }
      const othersBefore = othersOf(before, new Set());
      let ids: string[] = [];
      doc.transact(() => {
        ids = writeRestore(doc.getXmlFragment(CLAUSE_FRAGMENT), plan.proposals, CHAIR, new Date());
      });
      const ours = new Set(ids);
      const after = readClause(doc);
      // The agreed text and everyone else's proposals are as they were; ours are the chair's.
      expect(texts(agreedParagraphs(after)), context).toEqual(texts(now));
      expect(othersOf(after, ours), context).toEqual(othersBefore);
      const mine = proposalsInClause(after).filter((p) => ours.has(p.id));
      expect(mine.length, context).toBe(ids.length);
      expect(
        mine.every((p) => p.author?.organizationCode === "CHAIR"),
        context,
      ).toBe(true);

      const accepted = copyOf(doc);
      decideInFragment(accepted.getXmlFragment(CLAUSE_FRAGMENT), ours, "ACCEPTED");
      expect(texts(agreedParagraphs(readClause(accepted))), context).toEqual(texts(target));
      const rejected = copyOf(doc);
      decideInFragment(rejected.getXmlFragment(CLAUSE_FRAGMENT), ours, "REJECTED");
      expect(texts(agreedParagraphs(readClause(rejected))), context).toEqual(texts(now));
    }
    if (process.env.RESTORE_SEEDS) console.log(outcomes);
    // The cases are not all skipped.
    expect(outcomes.proposals).toBeGreaterThan(60);
  });

  it("puts a numbered paragraph the version had back into its list, numbered", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
    const list = new Y.XmlElement("orderedList");
    fragment.insert(0, [list]);
    list.setAttribute("start", 1 as unknown as string);
    for (const words of ["States shall cooperate.", "States shall report."]) {
      const item = new Y.XmlElement("listItem");
      list.push([item]);
      const paragraph = new Y.XmlElement("paragraph");
      item.push([paragraph]);
      const text = new Y.XmlText();
      paragraph.push([text]);
      text.insert(0, words);
    }
    const version: ReadingParagraph[] = [
      { label: "1.", depth: 1, text: "States shall cooperate." },
      { label: "2.", depth: 1, text: "States shall protect victims." },
      { label: "3.", depth: 1, text: "States shall report." },
    ];
    const plan = planRestore(readClause(doc), version);
    if (plan.kind !== "proposals") throw new Error(plan.kind);
    let ids: string[] = [];
    doc.transact(() => {
      ids = writeRestore(fragment, plan.proposals, CHAIR, new Date());
    });
    decideInFragment(fragment, new Set(ids), "ACCEPTED");
    expect(agreedParagraphs(readClause(doc))).toEqual(version);
  });
});
