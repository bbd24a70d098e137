// The words of one paragraph as Akoma Ntoso inline markup: formatting as <b>, <i>, <u>; a line
// break as <br/>; an open proposal as <ins>/<del class="proposal"> pointing at its delegation and
// person (`refersTo`; AKN 3.0 gives ins/del no `by`); a square bracket as
// <inline name="bracket" refersTo="#org_…">; a set of alternatives as <inline name="alternative">
// around Alt 1 (the words in the text), followed by each further wording as an
// <inline name="alternative" alternativeTo="#…"> (the schema's way of saying "another version of
// that element"), as negotiators print "[Alt 1: …] [Alt 2: …]".
//
// Marks overlap freely in the editor but XML must nest: the runs are written with a stack of open
// elements — an element still wanted by the next run stays open, the rest close, and new ones
// open inside (brackets, then the proposal, then formatting). An element interrupted by another's
// end is continued in a second element with the same attributes. A passage of alternatives is
// never split: everything open closes at its edges.
import { type AlternativeWordings, alternativeEdges } from "@/lib/alternatives/alternative-edges";
import type { BracketOnWords, Inline, ParagraphStatus, ProposalMark, TextRun } from "@/lib/clause-model/clause-model";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import { exportTag } from "@/lib/paragraph-status/numbered-paragraphs";
import type { EIds } from "./akn-eids";
import type { References } from "./akn-references";
import { type Attributes, element, openTag, xmlText } from "./xml";

const FORMATTING = { bold: "b", italic: "i", underline: "u" } as const;

/** What the words of a paragraph need to be written: shared across one document. */
export type InlineContext = { eIds: EIds; references: References; wordings: AlternativeWordings };

type Wrapper = { key: string; name: string; attrs: Attributes };

function bracketWrapper(bracket: BracketOnWords, references: References): Wrapper {
  const org = references.organization(bracket.organizationId, bracket.organizationCode, null);
  const person = references.person(bracket.personId, bracket.personName);
  const note = bracket.note ? `: ${bracket.note}` : "";
  const title = `Bracketed by ${bracket.organizationCode} (${bracket.personName}), ${bracket.at.slice(0, 10)}${note}`;
  return {
    key: `bracket:${bracket.id}`,
    name: "inline",
    attrs: [
      ["name", "bracket"],
      ["refersTo", `${org} ${person}`],
      ["title", title],
    ],
  };
}

function proposalWrapper(proposal: ProposalMark, references: References): Wrapper {
  const author = proposal.author;
  const refersTo = author
    ? `${references.organization(author.organizationId, author.organizationCode, author.organizationName)} ${references.person(author.authorId, author.authorName)}`
    : null;
  const who = author ? `${author.organizationName} (${author.authorName})` : "an unknown delegation";
  const when = proposal.at ? `, ${proposal.at.slice(0, 10)}` : "";
  const what = proposal.kind === "insertion" ? "Proposed insertion" : "Proposed deletion";
  return {
    key: `proposal:${proposal.kind}:${proposal.id}`,
    name: proposal.kind === "insertion" ? "ins" : "del",
    attrs: [
      ["class", "proposal"],
      ["refersTo", refersTo],
      ["title", `${what} by ${who}${when}`],
    ],
  };
}

function wrappersOf(run: TextRun, references: References): Wrapper[] {
  return [
    ...run.brackets.map((bracket) => bracketWrapper(bracket, references)),
    ...(run.proposal ? [proposalWrapper(run.proposal, references)] : []),
    ...run.formatting.map((mark) => ({ key: `format:${mark}`, name: FORMATTING[mark], attrs: [] })),
  ];
}

/** Writes runs through a stack of open elements, so that the output always nests. */
class Writer {
  out = "";
  private stack: Wrapper[] = [];

  text(run: TextRun, references: References): void {
    const words = withoutAnchors(run.text);
    // A run of anchors alone carries nothing, unless it is a proposal (a proposed paragraph break).
    if (words === "" && !run.proposal) return;
    const wanted = wrappersOf(run, references);
    const keys = new Set(wanted.map((wrapper) => wrapper.key));
    let keep = 0;
    while (keep < this.stack.length && keys.has(this.stack[keep].key)) keep++;
    this.closeDownTo(keep);
    const open = new Set(this.stack.map((wrapper) => wrapper.key));
    for (const wrapper of wanted) {
      if (open.has(wrapper.key)) continue;
      this.out += openTag(wrapper.name, wrapper.attrs);
      this.stack.push(wrapper);
    }
    this.out += xmlText(words);
  }

  lineBreak(): void {
    this.out += "<br/>";
  }

  closeDownTo(depth: number): void {
    while (this.stack.length > depth) this.out += `</${this.stack.pop()?.name}>`;
  }

  raw(markup: string): void {
    this.out += markup;
  }
}

/**
 * The inline content of a paragraph; `owner` is the eId of the hierarchy element it belongs to
 * (alternatives get eIds under it). An agreed paragraph's tag ("[agreed ad ref]") follows its
 * words as <inline name="paragraphStatus">, as negotiating drafts print it.
 */
export function aknInlines(
  inlines: readonly Inline[],
  owner: string,
  context: InlineContext,
  status: ParagraphStatus = "OPEN",
): string {
  const { references, eIds, wordings } = context;
  const alternatives = alternativeEdges(inlines, wordings);
  const writer = new Writer();
  let alt1: string | null = null;
  inlines.forEach((inline, i) => {
    const edge = alternatives[i];
    if (edge.before) {
      writer.closeDownTo(0);
      alt1 = eIds.next(owner, "alternative");
      writer.raw(
        openTag("inline", [
          ["name", "alternative"],
          ["eId", alt1],
          ["title", "Alt 1"],
        ]),
      );
    }
    if (inline.type === "hardBreak") writer.lineBreak();
    else writer.text(inline, references);
    if (edge.after && alt1) {
      writer.closeDownTo(0);
      writer.raw("</inline>");
      const main = alt1;
      edge.after.forEach((wording, n) => {
        const eId = eIds.claim(`${main}_${n + 2}`);
        const attrs: Attributes = [
          ["name", "alternative"],
          ["eId", eId],
          ["alternativeTo", `#${main}`],
          ["title", `Alt ${n + 2}`],
        ];
        writer.raw(` ${element("inline", attrs, xmlText(wording))}`);
      });
      alt1 = null;
    }
  });
  writer.closeDownTo(0);
  const concept = references.status(status);
  if (concept)
    writer.raw(
      ` ${element(
        "inline",
        [
          ["name", "paragraphStatus"],
          ["refersTo", concept],
        ],
        xmlText(exportTag(status)),
      )}`,
    );
  return writer.out;
}
