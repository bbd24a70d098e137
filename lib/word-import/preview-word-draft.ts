// The import's first step: read the uploaded draft and show what would be imported, and the
// delegations its Word authors can be mapped to. Reads and stores nothing else.

import { requireInstrumentRight } from "@/lib/admin/instrument-rights";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { previewDraft, type WordImportPreview } from "./draft-preview";
import { readDocx } from "./read-docx";
import { type ImportDelegation, importDelegations } from "./word-import-delegations";
import { type TWordFile, ZWordFile } from "./word-import-input";

export type WordDraftPreview = WordImportPreview & { delegations: ImportDelegation[] };

export async function previewWordDraft(by: SessionUser, raw: TWordFile, tx?: Tx): Promise<WordDraftPreview> {
  const { instrumentId, file, fileName } = parseInput(ZWordFile, raw);
  const delegations = await inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    return importDelegations(tx, instrumentId, by);
  });
  return { ...previewDraft(readDocx(file, fileName)), delegations };
}
