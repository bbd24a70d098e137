// Collaboration-server guard for people who may only suggest: each of their updates is tried
// on a shadow copy of the clause first and refused — never saved, never applied, and logged —
// if it changes the agreed text or anyone else's proposal (see check-suggestion.ts). It runs
// before the durable store saves the update.
import type { Extension } from "@hocuspocus/server";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { CollabContext } from "@/lib/collab/collab-context";
import { DURABLE_STORE_PRIORITY } from "@/lib/collab/durable-clause-store";
import { refusal } from "@/lib/collab/refusal";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { log } from "@/lib/log";
import { checkSuggestion } from "./check-suggestion";

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

function readClause(doc: Y.Doc) {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
}

export function suggestOnlyGuard(): Extension {
  // One shadow per open clause, kept equal to the live document plus the update under test.
  const shadows = new Map<string, Y.Doc>();
  // The shadow's text as last read, reused as "before" when nothing arrived in between.
  // (A state vector would not do: it does not change when only deletions arrive.)
  const lastRead = new Map<string, { version: number; clause: ReturnType<typeof readClause> }>();
  const versions = new Map<Y.Doc, number>();

  function readBefore(documentName: string, shadow: Y.Doc) {
    const cached = lastRead.get(documentName);
    if (cached && cached.version === versions.get(shadow)) return cached.clause;
    return readClause(shadow);
  }

  function shadowOf(documentName: string, live: Y.Doc): Y.Doc {
    let shadow = shadows.get(documentName);
    if (!shadow) {
      const created = new Y.Doc({ gc: false });
      versions.set(created, 0);
      created.on("update", () => versions.set(created, (versions.get(created) ?? 0) + 1));
      shadow = created;
      shadows.set(documentName, shadow);
    }
    // Catch up with everything the live document received since (others' edits, decisions).
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(live, Y.encodeStateVector(shadow)));
    return shadow;
  }

  function forget(documentName: string) {
    const shadow = shadows.get(documentName);
    if (shadow) versions.delete(shadow);
    shadow?.destroy();
    shadows.delete(documentName);
    lastRead.delete(documentName);
  }

  return {
    extensionName: "suggest-only-guard",
    priority: SUGGEST_ONLY_GUARD_PRIORITY,

    async beforeSync({ type, payload, context, document, documentName, connection }) {
      const ctx = context as CollabContext;
      if (type === SYNC_STEP_1 || connection.readOnly || !ctx.mayOnlySuggest) return;
      const shadow = shadowOf(documentName, document);
      const before = readBefore(documentName, shadow);
      let reason: string | null = null;
      try {
        Y.applyUpdate(shadow, payload);
        // An update whose dependencies are missing would wait in Yjs and apply later, unchecked.
        if (shadow.store.pendingStructs || shadow.store.pendingDs)
          reason = "depends on updates the server never received";
        else {
          const after = readClause(shadow);
          const verdict = checkSuggestion(before, after, authorOf(ctx));
          if (verdict.ok) lastRead.set(documentName, { version: versions.get(shadow) ?? 0, clause: after });
          else reason = verdict.reason;
        }
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
      throw refusal("Your delegation can propose changes but not edit the agreed text directly.");
    },

    async afterUnloadDocument({ documentName }) {
      forget(documentName);
    },
  };
}
