// Paragraph status in the browser: each agreed paragraph carries its tag ("agreed", "agreed ad
// ref") in the text, and agreed text is locked before the server has to refuse it — a delegation's
// typing there (or anywhere in a clause agreed as a whole) is not applied and it is told why. The
// chair may still edit agreed text directly, and is warned that it is agreed. The server enforces
// the same lock regardless (lib/paragraph-status/judge-locks.ts).
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { type LockedStatus, lockedClauseMessage, lockedParagraphMessage } from "@/lib/paragraph-status/locked-message";

export type AgreedParagraph = { number: number; status: LockedStatus; from: number; to: number; words: string };
export type NumberedParagraphView = { number: number; status: "OPEN" | LockedStatus; words: string };

const TAGS: Record<LockedStatus, string> = { AGREED: "agreed", AGREED_AD_REF: "agreed ad ref" };

/** The numbered paragraphs of the editor's text (the top-level numbered lists' items), with where they sit. */
export function numberedParagraphsIn(doc: PmNode): (NumberedParagraphView & { from: number; to: number })[] {
  const found: (NumberedParagraphView & { from: number; to: number })[] = [];
  doc.forEach((block, offset) => {
    if (block.type.name !== "orderedList") return;
    const start = typeof block.attrs.start === "number" ? block.attrs.start : 1;
    block.forEach((item, itemOffset, index) => {
      const from = offset + 1 + itemOffset;
      const status = (item.attrs.status ?? "OPEN") as NumberedParagraphView["status"];
      const words = (item.firstChild?.textContent ?? "").slice(0, 80);
      found.push({ number: start + index, status, words, from, to: from + item.nodeSize });
    });
  });
  return found;
}

function agreedIn(doc: PmNode): AgreedParagraph[] {
  return numberedParagraphsIn(doc).filter((p): p is AgreedParagraph => p.status !== "OPEN");
}

/** The first agreed paragraph a local transaction touches, in the document each step applied to. */
function touchedAgreed(tr: Transaction): AgreedParagraph | null {
  for (let i = 0; i < tr.steps.length; i++) {
    const agreed = agreedIn(tr.docs[i]);
    if (agreed.length === 0) continue;
    let hit: AgreedParagraph | null = null;
    tr.steps[i].getMap().forEach((oldStart, oldEnd) => {
      hit ??=
        agreed.find((p) =>
          oldStart === oldEnd ? p.from < oldStart && oldStart < p.to : oldStart < p.to && oldEnd > p.from,
        ) ?? null;
    });
    if (hit) return hit;
  }
  return null;
}

export type ParagraphLocksOptions = {
  /** Read on every transaction: may this person edit agreed text (the chair), and where the clause stands. */
  current: () => { mayEditAgreed: boolean; clauseNumber: string; clauseStatus: "OPEN" | LockedStatus };
  onLocked: (message: string) => void;
  onAgreedEdited: (message: string) => void;
};

const key = new PluginKey("paragraphLocks");

export const ParagraphLocks = Extension.create<ParagraphLocksOptions>({
  name: "paragraphLocks",

  addOptions() {
    return {
      current: () => ({ mayEditAgreed: false, clauseNumber: "", clauseStatus: "OPEN" as const }),
      onLocked: () => {},
      onAgreedEdited: () => {},
    };
  },

  addProseMirrorPlugins() {
    const { current, onLocked, onAgreedEdited } = this.options;
    return [
      new Plugin({
        key,
        props: {
          // The tag, drawn after the paragraph's own words (styled in globals.css).
          decorations: (state) =>
            DecorationSet.create(
              state.doc,
              agreedIn(state.doc).map((p) =>
                Decoration.node(p.from + 1, p.from + 1 + (state.doc.nodeAt(p.from + 1)?.nodeSize ?? 0), {
                  "data-status-tag": TAGS[p.status],
                  title: `Paragraph ${p.number} is ${p.status === "AGREED" ? "agreed" : "agreed ad referendum"}`,
                }),
              ),
            ),
        },
        filterTransaction: (tr) => {
          if (!tr.docChanged) return true;
          // Others' edits, the server's statuses and decisions arrive from Yjs: never held back here.
          const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
          if (sync?.isChangeOrigin) return true;
          const { mayEditAgreed, clauseNumber, clauseStatus } = current();
          if (clauseStatus !== "OPEN") {
            if (mayEditAgreed) {
              onAgreedEdited(`Article ${clauseNumber} is agreed as a whole: you are changing agreed text.`);
              return true;
            }
            onLocked(lockedClauseMessage(clauseNumber, clauseStatus));
            return false;
          }
          const hit = touchedAgreed(tr);
          if (!hit) return true;
          if (mayEditAgreed) {
            onAgreedEdited(`Paragraph ${hit.number} is agreed: you are changing agreed text.`);
            return true;
          }
          onLocked(lockedParagraphMessage(hit.number, hit.status));
          return false;
        },
      }),
    ];
  },
});
