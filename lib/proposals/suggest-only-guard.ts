// Collaboration-server guard for people who may only suggest: each of their updates is tried
// on a shadow copy of the clause first and refused — never saved, never applied, and logged —
// if it changes the agreed text or its structure, or anyone else's proposal (see
// check-suggestion.ts). Only the blocks the update touched are read and compared, so a keystroke
// costs the same in a long clause as in a short one. It runs before the durable store saves.
import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { type ClauseReader, clauseReader } from "@/lib/clause-model/clause-reader";
import type { CollabContext } from "@/lib/collab/collab-context";
import { DURABLE_STORE_PRIORITY } from "@/lib/collab/durable-clause-store";
import { refusal } from "@/lib/collab/refusal";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { log } from "@/lib/log";
import { changedBlocks } from "./changed-blocks";
import { checkSuggestion } from "./check-suggestion";
import { REFUSED_EDIT } from "./refused-edit-message";

const SYNC_STEP_1 = 0;

export const SUGGEST_ONLY_GUARD_PRIORITY = DURABLE_STORE_PRIORITY + 10;

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

/** A shadow copy of one open clause, kept equal to the live document plus the update under test. */
type Shadow = { doc: Y.Doc; blocks: ClauseReader };

export function suggestOnlyGuard(): Extension {
  const shadows = new Map<string, Shadow>();

  function shadowOf(documentName: string, live: Y.Doc): Shadow {
    let shadow = shadows.get(documentName);
    if (!shadow) {
      const doc = new Y.Doc({ gc: false });
      shadow = { doc, blocks: clauseReader(doc) };
      shadows.set(documentName, shadow);
    }
    // Catch up with everything the live document received since (others' edits, decisions).
    Y.applyUpdate(shadow.doc, Y.encodeStateAsUpdate(live, Y.encodeStateVector(shadow.doc)));
    shadow.blocks.clearForeign();
    return shadow;
  }

  function forget(documentName: string) {
    const shadow = shadows.get(documentName);
    shadow?.blocks.destroy();
    shadow?.doc.destroy();
    shadows.delete(documentName);
  }

  /** Why this update may not be applied, or null if it only proposes. */
  function judge(shadow: Shadow, payload: Uint8Array, me: ProposalAuthor): string | null {
    const before = shadow.blocks.read().blocks;
    Y.applyUpdate(shadow.doc, payload);
    // An update whose dependencies are missing would wait in Yjs and apply later, unchecked.
    if (shadow.doc.store.pendingStructs || shadow.doc.store.pendingDs)
      return "depends on updates the server never received";
    if (shadow.blocks.wroteElsewhere()) return "writes outside the clause's text";
    const changed = changedBlocks(before, shadow.blocks.read().blocks);
    if (!changed) return null;
    const verdict = checkSuggestion(changed.before, changed.after, me, { atTop: changed.atTop });
    return verdict.ok ? null : verdict.reason;
  }

  return {
    extensionName: "suggest-only-guard",
    priority: SUGGEST_ONLY_GUARD_PRIORITY,

    async beforeSync({ type, payload, context, document, documentName, connection }) {
      const ctx = context as CollabContext;
      if (type === SYNC_STEP_1 || connection.readOnly || !ctx.mayOnlySuggest) return;
      const shadow = shadowOf(documentName, document);
      let reason: string | null;
      try {
        reason = judge(shadow, payload, authorOf(ctx));
      } catch (error) {
        reason = `is not a readable update (${(error as Error).message})`;
      }
      if (reason === null) return;
      // The shadow now holds the refused update: rebuild it from the live document next time.
      forget(documentName);
      log.warn(
        { event: "proposals.refused-edit", clauseId: ctx.clauseId, userId: ctx.user.id, reason },
        "refused an edit from someone who may only suggest",
      );
      // Before the connection closes: the browser drops the edit instead of resending it.
      connection.sendStateless(JSON.stringify({ type: REFUSED_EDIT }));
      throw refusal("Your delegation can propose changes but not edit the agreed text directly.");
    },

    async afterUnloadDocument({ documentName }) {
      forget(documentName);
    },
  };
}
