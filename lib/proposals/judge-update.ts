// The judgement of one update on a shadow copy of a clause (see clause-guard.ts): applied to
// the shadow, then read by the clause model, and only the blocks it touched compared.
import * as Y from "yjs";
import { changedCitedWords, takenFrom } from "@/lib/agreed-language/cited-entries";
import {
  alternativesElsewhere,
  checkAlternatives,
  type KnownSet,
  newAlternativeIds,
} from "@/lib/alternatives/check-alternatives";
import { bracketsElsewhere, checkBrackets, type KnownBracket, newBracketIds } from "@/lib/brackets/check-brackets";
import type { ClauseModel, ClauseNode } from "@/lib/clause-model/clause-model";
import type { ClauseReader } from "@/lib/clause-model/clause-reader";
import { isClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { invisibleCharacters } from "@/lib/clause-model/invisible-characters";
import { proposalOwners } from "@/lib/clause-model/proposal-owners";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { type ClauseStanding, lockRefusal, statusChangeRefusal } from "@/lib/paragraph-status/judge-locks";
import { changedBlocks } from "./changed-blocks";
import { checkSuggestion, type KnownProposal, markChanges } from "./check-suggestion";
import type { RefusedEditKind } from "./refused-edit-message";

/** A copy of one open clause, kept equal to the live document plus the update under test. */
export type ClauseShadow = { doc: Y.Doc; reader: ClauseReader };

export type Verdict = { kind: RefusedEditKind; reason: string } | null;

export type Judging = {
  me: ProposalAuthor;
  mayOnlySuggest: boolean;
  /** When the person's session began (ms): the earliest time their new proposals may carry. */
  sessionBegan?: number;
  /** What is known of these proposal ids elsewhere (the rest of the clause, the Proposal table). */
  known(clause: readonly ClauseNode[], ids: ReadonlySet<string>): Promise<Map<string, KnownProposal>>;
  /** The clause, and the Bracket rows of bracket ids new to the touched blocks (lib/brackets). */
  clauseId?: string;
  brackets?(ids: ReadonlySet<string>): Promise<Map<string, KnownBracket>>;
  /** The AlternativeSet rows of set ids new to the touched blocks (lib/alternatives). */
  alternativeSets?(ids: ReadonlySet<string>): Promise<Map<string, KnownSet>>;
  /**
   * Which of these agreed-language entry ids the clause's instrument holds, with their texts
   * (known-citations.ts). Without it no citation is accepted.
   */
  citations?(ids: ReadonlySet<string>): Promise<ReadonlyMap<string, string>>;
  /** Told of ids the update used for the first time, once it is accepted. */
  claimed?(id: string, proposal: KnownProposal): void;
  /** The clause's number and status as a whole (asked only of someone who may only suggest). */
  standing?(): Promise<ClauseStanding>;
};

function readOrNull(reader: ClauseReader): ClauseModel | null {
  try {
    return reader.read();
  } catch (error) {
    if (isClauseUnreadable(error)) return null;
    throw error;
  }
}

/** Why this update may not be applied, or null if it may. Leaves the update in the shadow. */
export async function judgeUpdate(shadow: ClauseShadow, payload: Uint8Array, judging: Judging): Promise<Verdict> {
  const before = readOrNull(shadow.reader);
  Y.applyUpdate(shadow.doc, payload);
  // An update whose dependencies are missing would wait in Yjs and apply later, unchecked.
  if (shadow.doc.store.pendingStructs || shadow.doc.store.pendingDs)
    return { kind: "unreadable", reason: "depends on updates the server never received" };
  if (shadow.reader.wroteElsewhere()) return { kind: "unreadable", reason: "writes outside the clause's text" };
  let after: ClauseModel;
  try {
    after = shadow.reader.read();
  } catch (error) {
    if (isClauseUnreadable(error))
      return { kind: "unreadable", reason: `leaves a clause that cannot be read: ${error.why}` };
    throw error;
  }
  const changed = changedBlocks(before?.blocks ?? [], after.blocks);
  if (!changed) return null;
  if (invisibleCharacters(changed.after) > invisibleCharacters(changed.before))
    return { kind: "invisible", reason: "puts invisible characters into the words" };
  const statusChange = statusChangeRefusal(changed.before, changed.after);
  if (statusChange) return { kind: "locked", reason: statusChange };
  // Brackets are the server's to place and remove, whoever's client sends the update.
  const bracketIds = newBracketIds(changed.before, changed.after);
  const bracketRows = bracketIds.size > 0 && judging.brackets ? await judging.brackets(bracketIds) : new Map();
  const bracketsCopied = bracketIds.size > 0 ? bracketsElsewhere(after.blocks, changed.after, bracketIds) : undefined;
  const bracketReason = checkBrackets(
    changed.before,
    changed.after,
    judging.clauseId ?? "",
    bracketRows,
    bracketsCopied,
  );
  if (bracketReason) return { kind: "bracket", reason: bracketReason };
  // So are alternatives (lib/alternatives/check-alternatives.ts).
  const setIds = newAlternativeIds(changed.before, changed.after);
  const setRows = setIds.size > 0 && judging.alternativeSets ? await judging.alternativeSets(setIds) : new Map();
  const setsCopied = setIds.size > 0 ? alternativesElsewhere(after.blocks, changed.after, setIds) : undefined;
  const setReason = checkAlternatives(changed.before, changed.after, judging.clauseId ?? "", setRows, setsCopied);
  if (setReason) return { kind: "alternatives", reason: setReason };
  // From anyone, the chair too: words may only claim to come from the instrument's own library,
  // and only words taken from the entry they cite (a passage inserted, perhaps shortened since).
  const cited = changedCitedWords(changed.before, changed.after);
  if (cited.length > 0) {
    const library = (await judging.citations?.(new Set(cited.map((c) => c.citation)))) ?? new Map<string, string>();
    for (const { citation, words } of cited) {
      const text = library.get(citation);
      if (text === undefined)
        return {
          kind: "citation",
          reason: "cites a passage that is not in the instrument's library of agreed language",
        };
      if (!takenFrom(words, text))
        return { kind: "citation", reason: "cites a passage of agreed language for words not taken from it" };
    }
  }
  if (!judging.mayOnlySuggest) return null;
  const locked = lockRefusal(before, after, (await judging.standing?.()) ?? { number: "", status: "OPEN" });
  if (locked) return { kind: "locked", reason: locked };
  const { me } = judging;
  const changes = markChanges(changed.before, changed.after);
  // Ids the touched blocks already held are judged there; only new ones are looked up elsewhere.
  const ids = changes.newToThem;
  const known = await judging.known(before?.blocks ?? [], ids);
  const verdict = checkSuggestion(changed.before, changed.after, me, {
    atTop: changed.atTop,
    now: Date.now(),
    earliest: judging.sessionBegan,
    known,
    changes,
  });
  if (!verdict.ok) return { kind: "agreed-text", reason: verdict.reason };
  // New ids are this person's from now on, even once their marks are gone again.
  for (const [id, owner] of proposalOwners(changed.after, ids))
    if (!known.has(id)) judging.claimed?.(id, { authorId: me.authorId, kinds: owner.kinds, at: owner.at });
  return null;
}
