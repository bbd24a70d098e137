// Does an edit by someone who may only suggest leave the agreed text and everyone else's
// proposals exactly as they were? Compares the nodes an edit touched, before and after, as the
// clause model reads them:
// - their agreed form (lib/clause-model/agreed-form.ts) must be unchanged;
// - every proposal mark of another person must cover exactly the same words with the same
//   attributes;
// - every new or changed proposal mark must carry this person's own identity, an id of the
//   shape proposals are given (a UUID) that no one else has used in this clause and that was
//   not used as the other kind of mark, and — when its attributes are new — the time now.
import { agreedForm } from "@/lib/clause-model/agreed-form";
import { type ClauseNode, paragraphsOf } from "@/lib/clause-model/clause-model";
import { AUTHOR_ATTRS, type ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { isUuid } from "@/lib/ids/uuid";

export type SuggestionVerdict = { ok: true } | { ok: false; reason: string };

/** Who first used a proposal id, as the rest of the clause and the proposals table know it. */
export type KnownProposal = {
  authorId: string | null;
  kinds: ReadonlySet<"insertion" | "deletion">;
  /** Times it was stamped with before (an undo may bring back its old marks). */
  at: ReadonlySet<string>;
  /** Decided already: its id may not come back. */
  decided?: boolean;
};

export type SuggestionContext = {
  atTop?: boolean;
  /** The server's clock (ms). */
  now?: number;
  /**
   * The earliest time a new proposal may carry (ms): when the person's session began. Edits kept
   * on the device while offline arrive later than they were made, but never from before the
   * session that sends them. Without it, a time may be AT_TOLERANCE_MS in the past at most.
   */
  earliest?: number;
  /** What is known of ids elsewhere in the clause and in the proposals table. */
  known?: ReadonlyMap<string, KnownProposal>;
  /** The proposal marks that changed, if already worked out (markChanges). */
  changes?: MarkChanges;
};

/** How far a new proposal's time may be from the server's clock. */
export const AT_TOLERANCE_MS = 2 * 60_000;

type MarkUse = {
  kind: "insertion" | "deletion";
  id: string;
  attrs: string;
  text: string;
  author: ProposalAuthor | null;
  at: string | null;
};

/** For each proposal mark (by kind and id): its attributes and the words it covers. */
function proposalMarks(nodes: readonly ClauseNode[]): Map<string, MarkUse[]> {
  const uses = new Map<string, MarkUse[]>();
  for (const paragraph of paragraphsOf(nodes)) {
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text" || !inline.proposal) continue;
      const { kind, id, attrs, author, at } = inline.proposal;
      const key = `${kind}:${id}`;
      const list = uses.get(key) ?? [];
      const last = list.at(-1);
      if (last && last.attrs === attrs) last.text += inline.text;
      else list.push({ kind, id, attrs, text: inline.text, author, at });
      uses.set(key, list);
    }
  }
  return uses;
}

function sameUses(a: MarkUse[] | undefined, b: MarkUse[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((use, i) => use.attrs === b[i].attrs && use.text === b[i].text);
}

/** The proposal marks an edit changed, by kind and id. */
export type MarkChanges = {
  was: Map<string, MarkUse[]>;
  now: Map<string, MarkUse[]>;
  changed: string[];
  /** Ids with a kind of mark the nodes did not hold before: to look up in the whole clause. */
  newToThem: Set<string>;
};

export function markChanges(before: readonly ClauseNode[], after: readonly ClauseNode[]): MarkChanges {
  const was = proposalMarks(before);
  const now = proposalMarks(after);
  const changed: string[] = [];
  const newToThem = new Set<string>();
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    if (sameUses(was.get(key), now.get(key))) continue;
    changed.push(key);
    const id = (was.get(key) ?? now.get(key))?.[0].id as string;
    if (!was.has(key)) newToThem.add(id);
  }
  return { was, now, changed, newToThem };
}

function judgeNewMark(
  use: MarkUse,
  previous: MarkUse[] | undefined,
  kindsBefore: ReadonlySet<string>,
  me: ProposalAuthor,
  { now = Date.now(), earliest, known }: SuggestionContext,
): string | null {
  const author = use.author;
  if (!author || AUTHOR_ATTRS.some((field) => author[field] !== me[field]))
    return "stamps a proposal with a forged identity";
  if (!isUuid(use.id)) return "gives a proposal an id that is not a proposal id";
  const first = known?.get(use.id);
  if (first?.decided) return "reuses the id of a proposal that was decided";
  if (first && first.authorId !== me.authorId) return "uses another person's proposal id";
  if (first && !first.kinds.has(use.kind) && !kindsBefore.has(use.kind))
    return "turns a proposal into another kind under the same id";
  // Attributes seen before (growing one's own proposal keeps them) need no new time.
  if (previous?.some((old) => old.attrs === use.attrs)) return null;
  const at = use.at ? Date.parse(use.at) : Number.NaN;
  if (use.at && first?.at.has(use.at)) return null; // an undo bringing back its old marks
  const from = Math.min(earliest ?? now, now) - AT_TOLERANCE_MS;
  if (Number.isNaN(at) || at > now + AT_TOLERANCE_MS || at < from)
    return "stamps a proposal with a time that is not now";
  return null;
}

/**
 * `before` and `after` are the nodes around the change (see changed-blocks.ts), or the whole
 * clause: the nodes outside them must be the same in both. `atTop`: they are top-level blocks.
 */
export function checkSuggestion(
  before: readonly ClauseNode[],
  after: readonly ClauseNode[],
  me: ProposalAuthor,
  context: SuggestionContext = {},
): SuggestionVerdict {
  const atTop = context.atTop ?? true;
  if (agreedForm(before, { atTop }) !== agreedForm(after, { atTop })) {
    return { ok: false, reason: "changes agreed text or its structure outside a proposal" };
  }
  const { was, now, changed } = context.changes ?? markChanges(before, after);
  const kindsBefore = new Map<string, Set<string>>();
  for (const uses of was.values())
    for (const use of uses) kindsBefore.set(use.id, (kindsBefore.get(use.id) ?? new Set()).add(use.kind));
  for (const key of changed) {
    const previous = was.get(key);
    const current = now.get(key);
    // Changed: it must be this person's own proposal, before and after, stamped with who they are.
    const owners = new Set([...(previous ?? []), ...(current ?? [])].map((use) => use.author?.authorId ?? null));
    if (owners.size !== 1 || !owners.has(me.authorId)) {
      return { ok: false, reason: "changes or claims another person's proposal" };
    }
    for (const use of current ?? []) {
      const reason = judgeNewMark(use, previous, kindsBefore.get(use.id) ?? new Set(), me, context);
      if (reason) return { ok: false, reason };
    }
  }
  return { ok: true };
}
