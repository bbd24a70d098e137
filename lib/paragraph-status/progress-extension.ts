// Collaboration-server extension that keeps a clause's paragraph counts (clause-progress.ts) in
// step with its text: debounced per clause like the proposals index, read by the clause model
// incrementally, and written (and told to the live streams) only when the counts change — adding
// or removing a paragraph changes them, typing inside one does not.
import type { Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import { type ClauseReader, clauseReader } from "@/lib/clause-model/clause-reader";
import { parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import { prisma } from "@/lib/db/prisma";
import { raiseClauseChanged } from "@/lib/live/raise-live";
import { log } from "@/lib/log";
import { markedProgress, storeProgress } from "./clause-progress";

const QUIET_MS = 300;

type Followed = { doc: Y.Doc; reader: ClauseReader; timer: ReturnType<typeof setTimeout> | null; counted: string };

export function paragraphProgress(): Extension {
  const followed = new Map<string, Followed>();

  async function count(clauseId: string, entry: Followed) {
    entry.timer = null;
    try {
      const marked = markedProgress(entry.reader.read());
      const signature = JSON.stringify(marked);
      if (signature === entry.counted) return;
      entry.counted = signature;
      if (await storeProgress(prisma, clauseId, marked)) raiseClauseChanged(clauseId);
    } catch (error) {
      entry.counted = "";
      log.warn({ event: "paragraph-status.count-failed", clauseId, err: error }, "could not count paragraphs");
    }
  }

  return {
    extensionName: "paragraph-progress",

    async onChange({ documentName, document }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (!clauseId) return;
      let entry = followed.get(clauseId);
      if (entry && entry.doc !== document) {
        entry.reader.destroy();
        entry = undefined;
      }
      entry ??= { doc: document, reader: clauseReader(document), timer: null, counted: "" };
      followed.set(clauseId, entry);
      if (entry.timer) clearTimeout(entry.timer);
      const current = entry;
      current.timer = setTimeout(() => void count(clauseId, current), QUIET_MS);
    },

    async beforeUnloadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      const entry = clauseId ? followed.get(clauseId) : undefined;
      if (!clauseId || !entry) return;
      if (entry.timer) {
        clearTimeout(entry.timer);
        await count(clauseId, entry);
      }
      entry.reader.destroy();
      followed.delete(clauseId);
    },
  };
}
