// Collaboration-server extension that re-indexes a clause's proposals after its text changes:
// debounced per clause (a burst of keystrokes is indexed once), never concurrently for one
// clause, and always once more after the last change — also when the clause is closed.
import type { Extension } from "@hocuspocus/server";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { log } from "@/lib/log";
import { indexClauseProposals } from "./index-clause-proposals";

const QUIET_MS = 150;

type Pending = { timer: ReturnType<typeof setTimeout> | null; running: Promise<void>; doc: Y.Doc };

export const PROPOSALS_CHANGED = "proposals.changed";

export function proposalIndex(): Extension {
  const pending = new Map<string, Pending>();

  function run(clauseId: string, entry: Pending): Promise<void> {
    entry.timer = null;
    entry.running = entry.running.then(async () => {
      try {
        const doc = yXmlFragmentToProseMirrorRootNode(entry.doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
        if (await indexClauseProposals(clauseId, doc)) announceClauseEvent(clauseId, { type: PROPOSALS_CHANGED });
      } catch (error) {
        log.error({ event: "proposals.index-failed", clauseId, err: error }, "could not index proposals");
      }
    });
    return entry.running;
  }

  function schedule(clauseId: string, doc: Y.Doc) {
    const entry = pending.get(clauseId) ?? { timer: null, running: Promise.resolve(), doc };
    entry.doc = doc;
    pending.set(clauseId, entry);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void run(clauseId, entry), QUIET_MS);
  }

  return {
    extensionName: "proposal-index",

    async onChange({ documentName, document }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (clauseId) schedule(clauseId, document);
    },

    async beforeUnloadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      const entry = clauseId ? pending.get(clauseId) : undefined;
      if (!clauseId || !entry) return;
      if (entry.timer) {
        clearTimeout(entry.timer);
        await run(clauseId, entry);
      } else await entry.running;
      pending.delete(clauseId);
    },
  };
}
