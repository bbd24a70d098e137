import "server-only";
// The "changes" variant's content for one clause: lib/readings' compare of the agreed text from a
// version to the text exported, each inserted or deleted piece attributed — to the delegation
// whose accepted proposal explains it, else to the chair (attribute-changes.ts) — and dated by
// that decision, else by the moment of the text exported. The rows' `to` index the agreed text's
// paragraphs in reading order, which is how the Word writer lays them on the text's own lists.
import { attributorBetween } from "@/lib/readings/attribute-changes";
import { compareReadings } from "@/lib/readings/compare-readings";
import { type Reading, readingOfState } from "@/lib/readings/reading";

export type ExportChangedPiece =
  | { kind: "same"; text: string }
  | { kind: "insert" | "delete"; text: string; author: string; at: Date };

export type ExportChangedRow = {
  /** The paragraph in the version (null: added since), with its number then. */
  from: { label: string; depth: number } | null;
  /** Its place among the agreed text's paragraphs now (null: removed since). */
  to: { index: number } | null;
  pieces: ExportChangedPiece[];
};

export type ExportChanges = {
  rows: ExportChangedRow[];
  brackets: { removed: string[]; added: string[] };
};

const EMPTY: Reading = { paragraphs: [], openProposals: [], brackets: [] };

/**
 * The changes of a clause from `from` (a version's reading, or null when the clause was not in it)
 * to the stored state exported. `fromAt`/`toAt`: the two moments; `chair`: the chair's name.
 */
export async function exportChanges(input: {
  clauseId: string;
  from: Reading | null;
  fromAt: Date;
  toState: Uint8Array | null;
  toAt: Date;
  chair: string;
}): Promise<ExportChanges> {
  const attribute = await attributorBetween(input.clauseId, input.fromAt, input.toAt, input.chair);
  const comparison = compareReadings(input.from ?? EMPTY, readingOfState(input.toState), attribute);
  const rows = comparison.paragraphs.map((row) => ({
    from: row.from && { label: row.from.label, depth: row.from.depth },
    to: row.to && { index: row.to.index },
    // A change of spaces alone is no change the compare lists: the words read as they are now.
    pieces: row.pieces.flatMap((piece): ExportChangedPiece[] => {
      if (piece.kind === "same") return [{ kind: "same", text: piece.text }];
      if (piece.text.trim() === "") return piece.kind === "insert" ? [{ kind: "same", text: piece.text }] : [];
      const by = attribute({ kind: piece.kind, text: piece.text });
      const author = by?.by === "proposal" ? by.delegation.name : (by?.name ?? input.chair);
      const at = by?.by === "proposal" ? new Date(by.decision.at) : input.toAt;
      return [{ kind: piece.kind, text: piece.text, author, at }];
    }),
  }));
  return { rows, brackets: comparison.brackets };
}
