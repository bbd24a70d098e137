// Reference for bench/proposals-at-scale.ts: how the proposals of a clause were read before the
// clause model (ProseMirror nodes from y-tiptap, context recomputed for every run). Kept only to
// measure against; nothing in the application uses it.
import type { Node } from "@tiptap/pm/model";
import { authorOfMark, type ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";

export type ProposalKind = "INSERTION" | "DELETION" | "REPLACEMENT";

export type ProposalInText = {
  id: string;
  kind: ProposalKind;
  insertedText: string;
  deletedText: string;
  author: ProposalAuthor | null;
  /** When it was made (ISO), as stamped on its first mark. */
  at: string | null;
  /** Document position of its first character (for jumping to it). */
  from: number;
  /** Agreed words just before and after it in its paragraph. */
  contextBefore: string;
  contextAfter: string;
};

/** Zero-width spaces the transform uses to anchor proposals at paragraph edges. */
const ANCHOR = /\u200B/g;
const CONTEXT_CHARS = 60;

type Run = { text: string; pos: number; insertion: string | null; deletion: string | null };

function runsOf(block: Node, blockPos: number): Run[] {
  const runs: Run[] = [];
  block.forEach((child, offset) => {
    if (!child.isText) return;
    const insertion = child.marks.find((mark) => mark.type.name === "insertion");
    const deletion = child.marks.find((mark) => mark.type.name === "deletion");
    runs.push({
      text: child.text ?? "",
      pos: blockPos + 1 + offset,
      insertion: insertion ? String(insertion.attrs.id) : null,
      deletion: deletion ? String(deletion.attrs.id) : null,
    });
  });
  return runs;
}

/** Text as it reads without any proposal applied (agreed words, proposed deletions included). */
function agreedText(runs: Run[]): string {
  return runs
    .filter((run) => !run.insertion)
    .map((run) => run.text)
    .join("")
    .replace(ANCHOR, "");
}

export function proposalTexts(doc: Node): ProposalInText[] {
  const byId = new Map<string, ProposalInText>();
  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true;
    const runs = runsOf(block, blockPos);
    runs.forEach((run, index) => {
      const id = run.insertion ?? run.deletion;
      if (!id) return;
      let proposal = byId.get(id);
      if (!proposal) {
        const node = block.nodeAt(run.pos - blockPos - 1);
        const mark = node?.marks.find((m) => String(m.attrs.id) === id);
        proposal = {
          id,
          kind: run.insertion ? "INSERTION" : "DELETION",
          insertedText: "",
          deletedText: "",
          author: mark ? authorOfMark(mark.attrs) : null,
          at: mark && typeof mark.attrs.at === "string" ? mark.attrs.at : null,
          from: run.pos,
          contextBefore: agreedText(runs.slice(0, index)).slice(-CONTEXT_CHARS),
          contextAfter: "",
        };
        byId.set(id, proposal);
      }
      const text = run.text.replace(ANCHOR, "");
      if (run.insertion) proposal.insertedText += text;
      else proposal.deletedText += text;
      proposal.contextAfter = agreedText(runs.slice(index + 1).filter((r) => (r.insertion ?? r.deletion) !== id)).slice(
        0,
        CONTEXT_CHARS,
      );
    });
    return false;
  });
  for (const proposal of byId.values()) {
    if (proposal.insertedText && proposal.deletedText) proposal.kind = "REPLACEMENT";
    else if (proposal.deletedText) proposal.kind = "DELETION";
    else proposal.kind = "INSERTION";
  }
  return [...byId.values()];
}
