// Hocuspocus extension: after the text of a clause changes, find which threads lost (or got
// back) their words and record it. Debounced per clause: a burst of typing is one check, the
// clause is read incrementally by the clause model (only what changed is read again), and
// PostgreSQL is asked only when the set of anchored threads differs from the last one recorded.
import type { Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import { anchoredThreadIds } from "@/lib/clause-model/anchored-threads";
import { type ClauseReader, clauseReader } from "@/lib/clause-model/clause-reader";
import { parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import { log } from "@/lib/log";
import { syncThreadAnchors } from "./sync-thread-anchors";

const SETTLE_MS = 300;

export function commentAnchorsExtension(): Extension {
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
        let anchored: Set<string>;
        try {
          anchored = anchoredThreadIds(readerOf(clauseId, document).read());
        } catch (error) {
          log.error({ event: "comments.anchor-read-failed", clauseId, err: error }, "could not read the clause");
          return;
        }
        const signature = [...anchored].sort().join(",");
        if (recorded.get(clauseId) === signature) return;
        syncThreadAnchors(clauseId, anchored)
          .then(() => recorded.set(clauseId, signature))
          .catch((error) =>
            log.error({ event: "comments.anchor-sync-failed", clauseId, err: error }, "could not check thread anchors"),
          );
      }, SETTLE_MS),
    );
  }

  return {
    extensionName: "comment-anchors",
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
      recorded.delete(clauseId);
      readers.get(clauseId)?.reader.destroy();
      readers.delete(clauseId);
    },
  };
}
