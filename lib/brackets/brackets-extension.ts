// Hocuspocus extension: after a clause's text changes, find which brackets lost (or got back)
// their words and record it (sync-brackets.ts), as the comment anchors' extension does for
// threads. Debounced per clause, read incrementally by the clause model, and PostgreSQL is asked
// only when the set of brackets in the text differs from the last one recorded.
import type { Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import { type ClauseReader, clauseReader } from "@/lib/clause-model/clause-reader";
import { parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import { log } from "@/lib/log";
import { bracketsInClause } from "./brackets-in-clause";
import { syncBrackets } from "./sync-brackets";

const SETTLE_MS = 300;

export function bracketsExtension(): Extension {
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
          ids = new Set(bracketsInClause(readerOf(clauseId, document).read().blocks).map((b) => b.id));
        } catch (error) {
          log.error({ event: "brackets.read-failed", clauseId, err: error }, "could not read the clause");
          return;
        }
        const signature = [...ids].sort().join(",");
        if (recorded.get(clauseId) === signature) return;
        syncBrackets(clauseId, ids)
          .then(() => recorded.set(clauseId, signature))
          .catch((error) =>
            log.error({ event: "brackets.sync-failed", clauseId, err: error }, "could not sync brackets"),
          );
      }, SETTLE_MS),
    );
  }

  return {
    extensionName: "brackets",
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
