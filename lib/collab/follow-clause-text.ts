// Hocuspocus extension shape for "after a clause's text changes, record what it now holds":
// debounced per clause (a burst of typing is one check), read incrementally by the clause model
// (only what changed is read again), and `record` is called only when what `derive` finds differs
// from what was last recorded. Comment anchors and square brackets follow the text this way.
import type { Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { type ClauseReader, clauseReader } from "@/lib/clause-model/clause-reader";
import { log } from "@/lib/log";
import { parseClauseDocumentName } from "./clause-document-name";

const SETTLE_MS = 300;

type Follower = {
  extensionName: string;
  /** The ids the text holds now (threads anchored, brackets standing…). */
  derive(model: ClauseModel): Set<string>;
  record(clauseId: string, ids: Set<string>): Promise<unknown>;
  /** Log events for a failed read and a failed record. */
  events: { readFailed: string; recordFailed: string; recordFailedMessage: string };
};

export function followClauseText(follower: Follower): Extension {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const recorded = new Map<string, string>();
  const readers = new Map<string, { doc: Y.Doc; reader: ClauseReader }>();

  function readerOf(clauseId: string, document: Y.Doc): ClauseReader {
    let entry = readers.get(clauseId);
    if (entry?.doc !== document) {
      entry?.reader.destroy();
      entry = { doc: document, reader: clauseReader(document) };
      readers.set(clauseId, entry);
    }
    return entry.reader;
  }

  function check(clauseId: string, document: Y.Doc) {
    clearTimeout(pending.get(clauseId));
    pending.set(
      clauseId,
      setTimeout(() => {
        pending.delete(clauseId);
        let ids: Set<string>;
        try {
          ids = follower.derive(readerOf(clauseId, document).read());
        } catch (error) {
          log.error({ event: follower.events.readFailed, clauseId, err: error }, "could not read the clause");
          return;
        }
        const signature = [...ids].sort().join(",");
        if (recorded.get(clauseId) === signature) return;
        follower
          .record(clauseId, ids)
          .then(() => recorded.set(clauseId, signature))
          .catch((error) =>
            log.error(
              { event: follower.events.recordFailed, clauseId, err: error },
              follower.events.recordFailedMessage,
            ),
          );
      }, SETTLE_MS),
    );
  }

  return {
    extensionName: follower.extensionName,
    async afterLoadDocument({ documentName, document }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (clauseId) check(clauseId, document);
    },
    async onChange({ documentName, document }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (clauseId) check(clauseId, document);
    },
    async afterUnloadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (!clauseId) return;
      clearTimeout(pending.get(clauseId));
      pending.delete(clauseId);
      recorded.delete(clauseId);
      readers.get(clauseId)?.reader.destroy();
      readers.delete(clauseId);
    },
  };
}
