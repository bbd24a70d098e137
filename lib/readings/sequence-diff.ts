// Myers' O((N+M)·D) difference of two sequences of ids, after trimming what they share at both
// ends. Used on the words of a paragraph and on the paragraphs of a clause. Past `maxEdits`
// (two texts with almost nothing in common) it answers "all of one removed, all of the other
// added", which is what a reader sees in that case anyway.

export type Edit = { kind: "same" | "delete" | "insert" /** index in a (same, delete) or b (insert) */; index: number };

const MAX_EDITS = 4000;

function myers(a: Int32Array, b: Int32Array, maxEdits: number): Edit[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    // Keep only the diagonals this step can reach: -d..d.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a.length, b.length, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, last: number): Edit[] {
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const saved = trace[d];
    // saved[i] is v[k] for k = i - d - 1
    const at = (k: number) => saved[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      edits.push({ kind: "same", index: x });
    }
    if (down) {
      y--;
      edits.push({ kind: "insert", index: y });
    } else {
      x--;
      edits.push({ kind: "delete", index: x });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    edits.push({ kind: "same", index: x });
  }
  return edits.reverse();
}

/** The edits that turn `a` into `b`, in order. */
export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits = MAX_EDITS): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = Int32Array.from({ length: endA - start }, (_, i) => a[start + i]);
  const middleB = Int32Array.from({ length: endB - start }, (_, i) => b[start + i]);
  const middle = myers(middleA, middleB, maxEdits) ?? [
    ...Array.from(middleA, (_, i) => ({ kind: "delete" as const, index: i })),
    ...Array.from(middleB, (_, i) => ({ kind: "insert" as const, index: i })),
  ];
  const edits: Edit[] = [];
  for (let i = 0; i < start; i++) edits.push({ kind: "same", index: i });
  for (const edit of middle) {
    edits.push({ kind: edit.kind, index: edit.index + start });
  }
  for (let i = endA; i < a.length; i++) edits.push({ kind: "same", index: i });
  return edits;
}

/** Ids for values: equal values, equal ids (shared between the two sides of one diff). */
export function interner<T>(): (value: T) => number {
  const ids = new Map<T, number>();
  return (value) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    return id;
  };
}
