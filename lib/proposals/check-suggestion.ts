// Does an edit by someone who may only suggest leave the agreed text and everyone else's
// proposals exactly as they were? Compares the blocks an edit touched, before and after:
// - their agreed form (words outside proposed insertions, proposed deletions included, with
//   formatting and structure — see agreed-form.ts) must be unchanged;
// - every proposal mark of another person must cover exactly the same words with the same
//   attributes;
// - every new or changed proposal mark must carry this person's own identity.
import type { Node } from "@tiptap/pm/model";
import {
  AUTHOR_ATTRS,
  authorOfMark,
  isSuggestionMarkName,
  type ProposalAuthor,
} from "@/lib/editor/suggestions/proposal-author";
import { agreedForm } from "./agreed-form";

export type SuggestionVerdict = { ok: true } | { ok: false; reason: string };

type MarkUse = { attrs: string; text: string; authorId: string | null };

/** For each proposal mark (by type and id): its attributes and the words it covers. */
function proposalMarks(blocks: readonly Node[]): Map<string, MarkUse[]> {
  const uses = new Map<string, MarkUse[]>();
  for (const block of blocks) {
    block.descendants((node) => {
      if (!node.isText) return true;
      for (const mark of node.marks) {
        if (!isSuggestionMarkName(mark.type.name)) continue;
        const key = `${mark.type.name}:${String(mark.attrs.id)}`;
        const list = uses.get(key) ?? [];
        const attrs = JSON.stringify(mark.attrs);
        const last = list.at(-1);
        if (last && last.attrs === attrs) last.text += node.text ?? "";
        else list.push({ attrs, text: node.text ?? "", authorId: authorOfMark(mark.attrs)?.authorId ?? null });
        uses.set(key, list);
      }
      return false;
    });
  }
  return uses;
}

function summary(uses: MarkUse[] | undefined): string {
  return JSON.stringify((uses ?? []).map((use) => [use.attrs, use.text]));
}

/**
 * `before` and `after` are the blocks around the change (see changed-blocks.ts), or the whole
 * clause: the blocks outside them must be the same in both. `atTop`: they are top-level blocks.
 */
export function checkSuggestion(
  before: readonly Node[],
  after: readonly Node[],
  me: ProposalAuthor,
  { atTop = true }: { atTop?: boolean } = {},
): SuggestionVerdict {
  if (agreedForm(before, { atTop }) !== agreedForm(after, { atTop })) {
    return { ok: false, reason: "changes agreed text or its structure outside a proposal" };
  }
  const was = proposalMarks(before);
  const now = proposalMarks(after);
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const previous = was.get(key);
    const current = now.get(key);
    if (summary(previous) === summary(current)) continue;
    // Changed: it must be this person's own proposal, before and after, stamped with who they are.
    const owners = new Set([...(previous ?? []), ...(current ?? [])].map((use) => use.authorId));
    if (owners.size !== 1 || !owners.has(me.authorId)) {
      return { ok: false, reason: "changes or claims another person's proposal" };
    }
    for (const use of current ?? []) {
      const author = authorOfMark(JSON.parse(use.attrs));
      if (!author || AUTHOR_ATTRS.some((field) => author[field] !== me[field])) {
        return { ok: false, reason: "stamps a proposal with a forged identity" };
      }
    }
  }
  return { ok: true };
}
