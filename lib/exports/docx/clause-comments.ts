// A clause's comment threads as Word comments: the first comment of a thread is the Word
// comment, the others its replies, all marked done when the thread is resolved. Each thread is
// anchored by a key the paragraph writer finds on the words: the thread's own anchor (the
// `commentAnchor` mark the clause model reads as a run's `anchors`), else the words of the
// proposal it discusses; a thread with neither (on the whole clause, or whose words were
// deleted) sits on the article's heading.
import { Paragraph, TextRun } from "docx";
import { type ClauseModel, paragraphsOf } from "@/lib/clause-model/clause-model";
import type { ExportThread } from "../export-threads";
import type { DocxWriter } from "./docx-writer";

export const proposalKey = (proposalId: string) => `proposal:${proposalId}`;

/** The keys a run of text carries: its threads' anchors and its proposal. */
export function keysOf(anchors: readonly string[], proposalId: string | null): string[] {
  return proposalId ? [...anchors, proposalKey(proposalId)] : [...anchors];
}

/** Where each key starts and ends in the clause: "paragraph:inline" of its first and last run. */
export type KeySpans = Map<string, { first: string; last: string }>;

export function keySpans(model: ClauseModel, variant: string): KeySpans {
  const spans: KeySpans = new Map();
  [...paragraphsOf(model.blocks)].forEach((paragraph, p) => {
    paragraph.inlines.forEach((inline, i) => {
      if (inline.type !== "text") return;
      const proposal = variant === "proposals" ? (inline.proposal?.id ?? null) : null;
      for (const key of keysOf(inline.anchors, proposal)) {
        const at = `${p}:${i}`;
        const span = spans.get(key);
        if (span) span.last = at;
        else spans.set(key, { first: at, last: at });
      }
    });
  });
  return spans;
}

/** The Word comment ids of a clause's threads, by the key they are anchored on ("heading" for none). */
export function writeThreads(
  threads: readonly ExportThread[],
  spans: KeySpans,
  writer: DocxWriter,
): Map<string, number[]> {
  const placed = new Map<string, number[]>();
  for (const thread of threads) {
    const key = spans.has(thread.id)
      ? thread.id
      : thread.proposalId && spans.has(proposalKey(thread.proposalId))
        ? proposalKey(thread.proposalId)
        : "heading";
    const ids: number[] = [];
    thread.comments.forEach((comment, index) => {
      const lines = comment.body.split("\n");
      // A thread off its words says which words it was on.
      if (index === 0 && key === "heading" && thread.quote) lines.unshift(`On the words “${thread.quote}”:`);
      ids.push(
        writer.addComment({
          author: comment.author,
          initials: comment.initials,
          date: comment.at,
          resolved: thread.resolved,
          ...(index > 0 ? { parentId: ids[0] } : {}),
          children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
        }),
      );
    });
    placed.set(key, [...(placed.get(key) ?? []), ...ids]);
  }
  return placed;
}
