// Compares two readings of a clause word by word. Paragraphs are aligned first (equal words,
// whatever their number), so a paragraph added or removed shows as such and the ones after it
// still line up, each with its number then and now; a removed and an added paragraph in the
// same place are read as one paragraph rewritten, and compared word by word. Pure: who made a
// change is asked of `attribute`, which knows the decisions between the two.
import type { OpenProposalThen, Reading, ReadingParagraph } from "./reading";
import { diffSequences, interner } from "./sequence-diff";

export type Piece = { kind: "same" | "insert" | "delete"; text: string };

/** One row of the side-by-side view: the paragraph then and now (null: not there). */
export type ComparedParagraph = {
  from: { index: number; label: string; depth: number } | null;
  to: { index: number; label: string; depth: number } | null;
  pieces: Piece[];
};

export type Attribution =
  | {
      by: "proposal";
      proposalId: string;
      delegation: { code: string; name: string };
      decision: { id: string; decidedBy: string; at: string; reason: string | null };
    }
  | { by: "chair"; name: string };

export type Change = {
  kind: "insert" | "delete";
  text: string;
  /** The paragraph's row in `paragraphs`, and its number in each version ("" when unnumbered). */
  paragraph: { row: number; from: string | null; to: string | null };
  delegation: { code: string; name: string } | null;
  attribution: Attribution | null;
};

export type Comparison = {
  paragraphs: ComparedParagraph[];
  changes: Change[];
  proposals: { opened: OpenProposalThen[]; closed: OpenProposalThen[]; stillOpen: OpenProposalThen[] };
  brackets: { removed: string[]; added: string[] };
};

export type Attributor = (change: { kind: "insert" | "delete"; text: string }) => Attribution | null;

/** Words and the spaces between them, each its own token (so a changed word is one change). */
export function wordsOf(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function merge(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && last.kind === piece.kind) last.text += piece.text;
    else if (piece.text !== "") out.push({ ...piece });
  }
  return out;
}

/** A paragraph's words then and now, as pieces in reading order (deletions before insertions). */
export function compareWords(from: string, to: string): Piece[] {
  const a = wordsOf(from);
  const b = wordsOf(to);
  const id = interner<string>();
  const edits = diffSequences(a.map(id), b.map(id));
  const pieces: Piece[] = [];
  let deleted: Piece[] = [];
  let inserted: Piece[] = [];
  const flush = () => {
    pieces.push(...deleted, ...inserted);
    deleted = [];
    inserted = [];
  };
  for (const edit of edits) {
    if (edit.kind === "same") {
      // One space between two changed words belongs to the change: "a b" → "c d" is one replacement.
      flush();
      pieces.push({ kind: "same", text: a[edit.index] });
    } else if (edit.kind === "delete") deleted.push({ kind: "delete", text: a[edit.index] });
    else inserted.push({ kind: "insert", text: b[edit.index] });
  }
  flush();
  return merge(joinAcrossSpaces(merge(pieces)));
}

/**
 * "x [a] _ [b] y" with a and b changed and _ a lone space: one replacement, not two — when the
 * changes around the space both delete and insert, the space joins both sides (it is in both texts).
 */
function joinAcrossSpaces(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    if (pieces[i].kind === "same") {
      out.push(pieces[i]);
      i++;
      continue;
    }
    const chain: { kind: Piece["kind"] | "space"; text: string }[] = [];
    while (i < pieces.length) {
      const piece = pieces[i];
      const next = pieces[i + 1];
      if (piece.kind !== "same") chain.push(piece);
      else if (/^\s+$/.test(piece.text) && next && next.kind !== "same")
        chain.push({ kind: "space", text: piece.text });
      else break;
      i++;
    }
    const side = (kind: "delete" | "insert") =>
      chain
        .filter((p) => p.kind === kind || p.kind === "space")
        .map((p) => p.text)
        .join("");
    if (chain.some((p) => p.kind === "delete") && chain.some((p) => p.kind === "insert")) {
      out.push({ kind: "delete", text: side("delete") }, { kind: "insert", text: side("insert") });
    } else {
      out.push(...chain.map((p) => ({ kind: p.kind === "space" ? ("same" as const) : p.kind, text: p.text })));
    }
  }
  return out;
}

function place(paragraph: ReadingParagraph, index: number) {
  return { index, label: paragraph.label, depth: paragraph.depth };
}

/** The rows of the side-by-side view: paragraphs aligned, each compared word by word. */
export function alignParagraphs(
  from: readonly ReadingParagraph[],
  to: readonly ReadingParagraph[],
): ComparedParagraph[] {
  const id = interner<string>();
  const edits = diffSequences(
    from.map((p) => id(p.text)),
    to.map((p) => id(p.text)),
  );
  const rows: ComparedParagraph[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      if (i < paired) {
        const [a, b] = [removed[i], added[i]];
        rows.push({ from: place(from[a], a), to: place(to[b], b), pieces: compareWords(from[a].text, to[b].text) });
      } else if (i < removed.length) {
        const a = removed[i];
        rows.push({ from: place(from[a], a), to: null, pieces: merge([{ kind: "delete", text: from[a].text }]) });
      } else {
        const b = added[i];
        rows.push({ from: null, to: place(to[b], b), pieces: merge([{ kind: "insert", text: to[b].text }]) });
      }
    }
    removed = [];
    added = [];
  };
  let b = 0;
  for (const edit of edits) {
    if (edit.kind === "same") {
      flush();
      rows.push({
        from: place(from[edit.index], edit.index),
        to: place(to[b], b),
        pieces: [{ kind: "same", text: from[edit.index].text }],
      });
      b++;
    } else if (edit.kind === "delete") removed.push(edit.index);
    else {
      added.push(edit.index);
      b = edit.index + 1;
    }
  }
  flush();
  return rows;
}

function difference<T>(a: readonly T[], b: readonly T[]): T[] {
  const rest = [...b];
  return a.filter((item) => {
    const at = rest.indexOf(item);
    if (at === -1) return true;
    rest.splice(at, 1);
    return false;
  });
}

export function compareReadings(from: Reading, to: Reading, attribute: Attributor = () => null): Comparison {
  const paragraphs = alignParagraphs(from.paragraphs, to.paragraphs);
  const changes: Change[] = [];
  paragraphs.forEach((row, index) => {
    for (const piece of row.pieces) {
      if (piece.kind === "same" || piece.text.trim() === "") continue;
      const attribution = attribute({ kind: piece.kind, text: piece.text });
      changes.push({
        kind: piece.kind,
        text: piece.text,
        paragraph: { row: index, from: row.from?.label ?? null, to: row.to?.label ?? null },
        delegation: attribution?.by === "proposal" ? attribution.delegation : null,
        attribution,
      });
    }
  });
  const thenIds = new Set(from.openProposals.map((p) => p.id));
  const nowIds = new Set(to.openProposals.map((p) => p.id));
  return {
    paragraphs,
    changes,
    proposals: {
      opened: to.openProposals.filter((p) => !thenIds.has(p.id)),
      closed: from.openProposals.filter((p) => !nowIds.has(p.id)),
      stillOpen: to.openProposals.filter((p) => thenIds.has(p.id)),
    },
    brackets: { removed: difference(from.brackets, to.brackets), added: difference(to.brackets, from.brackets) },
  };
}
