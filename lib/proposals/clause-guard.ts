// Collaboration-server guard: every update a browser sends is tried on a shadow copy of the
// clause first, and refused — never saved, never applied, and logged — if
// - from anyone (the chair's client too): after it the clause cannot be read by the clause
//   model (lib/clause-model: something that is not a block of the shared schema, an unknown
//   mark or attribute, an embed, a formatting proposal…), it writes outside the clause's text,
//   it depends on updates the server never received, or it puts invisible characters
//   (zero-width, bidi controls) into the words;
// - from someone who may only suggest: it changes the agreed text or its structure, or anyone
//   else's proposal, or forges a proposal's author, id, kind or time (check-suggestion.ts);
// - from anyone: it places, changes or moves a square bracket (lib/brackets/check-brackets.ts)
//   or an alternatives mark (lib/alternatives/check-alternatives.ts).
// - a paragraph's status is changed by anyone's client, or someone who may only suggest touches
//   an agreed paragraph or a clause agreed as a whole (lib/paragraph-status/judge-locks.ts).
// Only the blocks the update touched are read and compared, so a keystroke costs the same in a
// long clause as in a short one. Updates to one clause are judged one at a time (the shadow is
// shared), before the durable store saves them.
import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { knownCitations } from "@/lib/agreed-language/known-citations";
import { knownSets } from "@/lib/alternatives/known-sets";
import { knownBrackets } from "@/lib/brackets/known-brackets";
import { clauseReader } from "@/lib/clause-model/clause-reader";
import type { CollabContext } from "@/lib/collab/collab-context";
import { DURABLE_STORE_PRIORITY } from "@/lib/collab/durable-clause-store";
import { refusal } from "@/lib/collab/refusal";
import { type SaveOutage, saveOutage } from "@/lib/collab/save-until-stored";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { log } from "@/lib/log";
import { clauseStanding } from "@/lib/paragraph-status/clause-standing";
import { type ClauseShadow, judgeUpdate, type Verdict } from "./judge-update";
import { knownProposals, type ProposalRows } from "./known-proposals";
import { REFUSED_EDIT } from "./refused-edit-message";

const SYNC_STEP_1 = 0;

export const CLAUSE_GUARD_PRIORITY = DURABLE_STORE_PRIORITY + 10;

function authorOf(context: CollabContext): ProposalAuthor {
  const { user } = context;
  return {
    authorId: user.id,
    authorName: user.name,
    organizationId: user.organizationId,
    organizationCode: user.organizationCode,
    organizationName: user.organizationName,
    colour: user.colour,
  };
}

/**
 * A write of the server's own on a clause (a paragraph's status) taking its turn among the
 * clause's judgements: no update is judged while it runs, and it is given the guard's copy of the
 * clause — the live text and the updates judged and accepted but perhaps not stored yet — to read,
 * never to change. So a delegation's proposal accepted an instant before is seen, and one sent an
 * instant after is judged on the text as the write left it.
 */
export type GuardTurn = <T>(documentName: string, live: Y.Doc, task: (judged: Y.Doc) => Promise<T>) => Promise<T>;

const turns = new WeakMap<object, GuardTurn>();

/** The guard's turns on a collaboration server instance; without a guard, the live text is all there is. */
export function guardTurn(instance: object): GuardTurn {
  return turns.get(instance) ?? ((_documentName, live, task) => task(live));
}

/** The shadow of one open clause, with what the Proposal table said of the ids it was asked about. */
type Shadow = ClauseShadow & { rows: ProposalRows };

/**
 * `outage`: while PostgreSQL is down, a judgement that must ask it (ids, brackets, locks) waits
 * and is tried again like a save (save-until-stored.ts): an outage is no verdict on the edit.
 */
export function clauseGuard(outage: SaveOutage = saveOutage()): Extension {
  const shadows = new Map<string, Shadow>();
  // One judgement at a time per clause: the shadow holds the update under test.
  const queues = new Map<string, Promise<unknown>>();

  function shadowOf(documentName: string, live: Y.Doc): Shadow {
    let shadow = shadows.get(documentName);
    if (!shadow) {
      const doc = new Y.Doc({ gc: false });
      shadow = { doc, reader: clauseReader(doc), rows: new Map() };
      shadows.set(documentName, shadow);
    }
    // Catch up with everything the live document received since (others' edits, decisions).
    Y.applyUpdate(shadow.doc, Y.encodeStateAsUpdate(live, Y.encodeStateVector(shadow.doc)));
    shadow.reader.clearForeign();
    return shadow;
  }

  function forget(documentName: string) {
    const shadow = shadows.get(documentName);
    shadow?.reader.destroy();
    shadow?.doc.destroy();
    shadows.delete(documentName);
  }

  const inTurn: GuardTurn = (documentName, live, task) => {
    const previous = queues.get(documentName) ?? Promise.resolve();
    const turn = previous.then(() => task(shadowOf(documentName, live).doc));
    const settled = turn.catch(() => null);
    queues.set(documentName, settled);
    void settled.then(() => {
      if (queues.get(documentName) === settled) queues.delete(documentName);
    });
    return turn;
  };

  return {
    extensionName: "clause-guard",
    priority: CLAUSE_GUARD_PRIORITY,

    async onConfigure({ instance }) {
      turns.set(instance, inTurn);
    },

    async beforeSync({ type, payload, context, document, documentName, connection }) {
      const ctx = context as CollabContext;
      if (type === SYNC_STEP_1 || connection.readOnly) return;
      const judgeOnce = async (): Promise<Verdict> => {
        const shadow = shadowOf(documentName, document);
        try {
          return await judgeUpdate(shadow, payload, {
            me: authorOf(ctx),
            mayOnlySuggest: ctx.mayOnlySuggest,
            sessionBegan: ctx.sessionTimes?.signedInAt,
            known: (clause, ids) => knownProposals(ctx.clauseId, clause, ids, shadow.rows),
            citations: (ids) => knownCitations(ctx.clauseId, ids),
            claimed: (id, proposal) => shadow.rows.set(id, proposal),
            clauseId: ctx.clauseId,
            brackets: knownBrackets,
            alternativeSets: knownSets,
            standing: () => clauseStanding(ctx.clauseId),
          });
        } catch (error) {
          // The shadow may hold the update half-judged: rebuild it from the live document.
          if (isDatabaseUnavailable(error)) {
            forget(documentName);
            throw error;
          }
          return { kind: "unreadable", reason: `is not a readable update (${(error as Error).message})` };
        }
      };
      const where = { clauseId: ctx.clauseId, userId: ctx.user.id };
      // Given up (the socket went away): nothing was applied or acknowledged, the browser resends.
      const verdict = await inTurn(documentName, document, () => outage.saveUntilStored(judgeOnce, connection, where));
      if (verdict === null) return;
      // The shadow now holds the refused update: rebuild it from the live document next time.
      forget(documentName);
      log.warn(
        { event: "clause.refused-edit", clauseId: ctx.clauseId, userId: ctx.user.id, reason: verdict.reason },
        "refused an edit",
      );
      // Before the connection closes: the browser drops the edit instead of resending it.
      // A lock says which paragraph and whom to ask (lib/paragraph-status): its words are the notice.
      const notice = verdict.kind === "locked" ? { notice: verdict.reason } : {};
      connection.sendStateless(JSON.stringify({ type: REFUSED_EDIT, kind: verdict.kind, ...notice }));
      throw refusal(
        verdict.kind === "locked"
          ? verdict.reason
          : verdict.kind === "agreed-text"
            ? "Your delegation can propose changes but not edit the agreed text directly."
            : verdict.kind === "bracket"
              ? "Square brackets are placed and removed only with the Bracket and Remove brackets buttons."
              : verdict.kind === "citation"
                ? "Only a passage of this instrument's library of agreed language, in its own words, can be cited."
                : verdict.kind === "alternatives"
                  ? "Alternatives are proposed and chosen only with the Alternatives buttons."
                  : "That change could not be kept: it is not text a clause can hold.",
      );
    },

    async afterUnloadDocument({ documentName }) {
      forget(documentName);
    },
  };
}
