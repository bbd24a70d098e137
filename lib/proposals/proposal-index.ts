// Collaboration-server extension that re-indexes a clause's proposals after its text changes:
// debounced per clause (a burst of keystrokes is indexed once), never concurrently for one
// clause, and always once more after the last change — also when the clause is closed.
// The text is read incrementally by the clause model (lib/clause-model/clause-reader.ts), and
// PostgreSQL is asked only when the proposals in the text differ from those last indexed:
// typing outside proposals costs no query.
import type { Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import { type ClauseReader, clauseReader } from "@/lib/clause-model/clause-reader";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import { log } from "@/lib/log";
import { indexClauseProposals } from "./index-clause-proposals";
import { oneAtATime } from "./one-at-a-time";

const QUIET_MS = 150;

type Pending = {
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void>;
  doc: Y.Doc;
  reader: ClauseReader;
  /** The proposals as last written to the table. */
  indexed: string | null;
};

export function proposalIndex(): Extension {
  const pending = new Map<string, Pending>();
  /** The collaboration server instance: its decisions, undos and restores queue per clause on it. */
  let instance: object = {};

  function run(clauseId: string, entry: Pending): Promise<void> {
    entry.timer = null;
    // In the clause's queue (one-at-a-time.ts): a decision or an undo stores its rows, then
    // applies its words to the live text; read between the two, the text would show an undone
    // decision's proposals as gone and mark them withdrawn.
    entry.running = entry.running.then(() =>
      oneAtATime(instance, clauseId, async () => {
        try {
          const readAt = new Date();
          const proposals = proposalsInClause(entry.reader.read());
          const signature = JSON.stringify(proposals);
          if (signature === entry.indexed) return;
          if (await indexClauseProposals(clauseId, proposals, readAt))
            announceClauseMessage(clauseId, { type: "proposals.changed" });
          entry.indexed = signature;
        } catch (error) {
          log.error({ event: "proposals.index-failed", clauseId, err: error }, "could not index proposals");
        }
      }),
    );
    return entry.running;
  }

  function schedule(clauseId: string, doc: Y.Doc) {
    let entry = pending.get(clauseId);
    if (entry && entry.doc !== doc) {
      // The clause was closed and opened again: a new document to follow.
      entry.reader.destroy();
      entry = { ...entry, doc, reader: clauseReader(doc), indexed: null };
    }
    entry ??= { timer: null, running: Promise.resolve(), doc, reader: clauseReader(doc), indexed: null };
    pending.set(clauseId, entry);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void run(clauseId, entry), QUIET_MS);
  }

  return {
    extensionName: "proposal-index",

    async onConfigure({ instance: configured }) {
      instance = configured;
    },

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
      entry.reader.destroy();
      pending.delete(clauseId);
    },
  };
}
