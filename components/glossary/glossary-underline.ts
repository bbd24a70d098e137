// The terminology guard in the editor: every match of the instrument's glossary is underlined as
// people type, in every mode — a ProseMirror decoration, never a mark, so nothing of it is stored
// in the clause. Matching is lib/glossary/match-terms.ts, the same the server's report uses.
// Words proposed for deletion are read as a gap: they are on their way out of the text.
import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { type compileTerms, matchTerms } from "@/lib/glossary/match-terms";

type Terms = ReturnType<typeof compileTerms>;

export type GlossaryUnderlineOptions = { terms: () => Terms };

/** What a decoration knows of its match. */
type MatchSpec = { termId: string; text: string };

export const glossaryUnderlineKey = new PluginKey<DecorationSet>("glossaryUnderline");

/** A paragraph's text, one character per position; deleted words and line breaks as gaps. */
function blockText(block: Node): string {
  let text = "";
  block.forEach((child) => {
    if (child.isText) {
      const deleted = child.marks.some((mark) => mark.type.name === "deletion");
      text += deleted ? "\u0000".repeat(child.nodeSize) : (child.text ?? "");
    } else text += "\n".repeat(child.nodeSize);
  });
  return text;
}

function decorate(doc: Node, terms: Terms): DecorationSet {
  if (terms.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (const match of matchTerms(blockText(node), terms)) {
      decorations.push(
        Decoration.inline(
          pos + 1 + match.from,
          pos + 1 + match.to,
          { class: "glossary-match", "data-glossary-term": match.termId },
          { termId: match.termId, text: match.text } satisfies MatchSpec,
        ),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The match around a document position, if any: where it is and which term it is. */
export function glossaryMatchAt(state: EditorState, pos: number): ({ from: number; to: number } & MatchSpec) | null {
  const set = glossaryUnderlineKey.getState(state);
  const found = set?.find(pos, pos + 1)[0];
  if (!found) return null;
  const spec = found.spec as MatchSpec;
  return { from: found.from, to: found.to, termId: spec.termId, text: spec.text };
}

export const GlossaryUnderline = Extension.create<GlossaryUnderlineOptions>({
  name: "glossaryUnderline",

  addOptions() {
    return { terms: () => [] };
  },

  addProseMirrorPlugins() {
    const { terms } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: glossaryUnderlineKey,
        state: {
          init: (_, state) => decorate(state.doc, terms()),
          // Read again on every change of the text (a clause is a few paragraphs), or when the
          // glossary itself changed (the meta).
          apply: (tr, set) =>
            tr.docChanged || tr.getMeta(glossaryUnderlineKey) ? decorate(tr.doc, terms()) : set.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => glossaryUnderlineKey.getState(state) },
      }),
    ];
  },
});
