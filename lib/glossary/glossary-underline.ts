// The terminology guard in the editor: every match of the instrument's glossary is underlined as
// people type, in every mode — a ProseMirror decoration, never a mark, so nothing of it is stored
// in the clause. Matching is lib/glossary/match-terms.ts, the same the server's report uses.
// Words proposed for deletion are read as a gap: they are on their way out of the text.
import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
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

/** The decorations of one paragraph, which starts at `pos`. */
function decorateBlock(block: Node, pos: number, terms: Terms): Decoration[] {
  return matchTerms(blockText(block), terms).map((match) =>
    Decoration.inline(
      pos + 1 + match.from,
      pos + 1 + match.to,
      { class: "glossary-match", "data-glossary-term": match.termId },
      { termId: match.termId, text: match.text } satisfies MatchSpec,
    ),
  );
}

export function decorate(doc: Node, terms: Terms): DecorationSet {
  if (terms.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    decorations.push(...decorateBlock(node, pos, terms));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * After a change of the text: the earlier decorations moved with it, and only the paragraphs
 * the change touched read again (a keystroke costs one paragraph, not the clause).
 */
export function redecorate(set: DecorationSet, tr: Transaction, terms: Terms): DecorationSet {
  if (terms.length === 0) return DecorationSet.empty;
  let next = set.map(tr.mapping, tr.doc);
  const touched = new Map<number, Node>();
  tr.mapping.maps.forEach((map, index) => {
    const after = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const from = Math.max(0, Math.min(after.map(newStart, -1), tr.doc.content.size));
      const to = Math.max(from, Math.min(after.map(newEnd, 1), tr.doc.content.size));
      tr.doc.nodesBetween(from, to, (node, pos) => {
        if (!node.isTextblock) return true;
        touched.set(pos, node);
        return false;
      });
    });
  });
  for (const [pos, block] of touched) {
    next = next.remove(next.find(pos, pos + block.nodeSize));
    next = next.add(tr.doc, decorateBlock(block, pos, terms));
  }
  return next;
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
          // Read again where the text changed, and wholly when the glossary itself changed (the meta).
          apply: (tr, set) => {
            if (tr.getMeta(glossaryUnderlineKey)) return decorate(tr.doc, terms());
            return tr.docChanged ? redecorate(set, tr, terms()) : set;
          },
        },
        props: { decorations: (state) => glossaryUnderlineKey.getState(state) },
      }),
    ];
  },
});
