// The chair sets a numbered paragraph's status: open, agreed ad referendum or agreed.
// The status is an attribute of the paragraph in the clause's text (lib/editor/paragraph-status.ts),
// written here, on the server, the way a decision writes: computed on the text as stored, stored
// in one transaction with the counts, a version of the clause and the audit entry, then applied
// to the live document for everyone in the clause. Reopening answers the requests to reopen it.
// A paragraph is agreed only once no open proposal sits in it (a delegation could not withdraw
// it afterwards) and no set of alternatives: the chair decides and chooses first.
import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { paragraphsOf } from "@/lib/clause-model/clause-model";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { loadClauseState } from "@/lib/collab/clause-store";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { collabInstance } from "@/lib/collab/collab-instance";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { prisma } from "@/lib/db/prisma";
import { PARAGRAPH_STATUS_ATTRIBUTE } from "@/lib/editor/paragraph-status";
import { AppError } from "@/lib/errors/app-error";
import { guardTurn } from "@/lib/proposals/clause-guard";
import { storedTruth } from "@/lib/proposals/decide-proposals";
import { oneAtATime } from "@/lib/proposals/one-at-a-time";
import { recordClauseVersion } from "@/lib/readings/record-clause-version";
import { markedProgress, storeProgress } from "./clause-progress";
import { numberedParagraphs } from "./numbered-paragraphs";
import { answerRequestsOnReopen } from "./reopen-requests";

export const ZSetParagraphStatus = z.object({
  clauseId: z.string(),
  paragraph: z.number({ message: "Say which paragraph." }).int().min(0).max(10_000),
  status: z.enum(["OPEN", "AGREED_AD_REF", "AGREED"], { message: "Choose open, agreed ad referendum or agreed." }),
});
export type TSetParagraphStatus = z.infer<typeof ZSetParagraphStatus>;

const VERSION_NAME = { OPEN: "reopened", AGREED_AD_REF: "agreed ad referendum", AGREED: "agreed" } as const;

export type ParagraphStatusSet = { paragraph: number; status: TSetParagraphStatus["status"]; changed: boolean };

export async function setParagraphStatus(
  by: SessionUser,
  input: TSetParagraphStatus,
  collab: Hocuspocus | null = collabInstance(),
): Promise<ParagraphStatusSet> {
  const { clauseId, paragraph, status } = parseInput(ZSetParagraphStatus, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "paragraph.setStatus", ctx.target);
  if (!collab) throw new AppError("unavailable", "The collaboration server is not running. Nothing was changed.");
  const connection = await collab.openDirectConnection(clauseDocumentName(clauseId), { system: "paragraph-status" });
  try {
    const live = connection.document as Y.Doc;
    // In turn with decisions on the same clause: both write its text from the stored truth. And in
    // turn with the guard's judgements of what people send: a proposal it accepted an instant ago
    // may not be stored yet, and is seen in what it judged (lib/proposals/clause-guard.ts).
    return await oneAtATime(collab, clauseId, () =>
      guardTurn(collab)(clauseDocumentName(clauseId), live, (judged) =>
        setOnStoredText(live, judged, { by, clauseId, instrumentId: ctx.clause.instrumentId, paragraph, status }),
      ),
    );
  } finally {
    await connection.disconnect();
  }
}

type SetInput = { by: SessionUser; clauseId: string; instrumentId: string } & Omit<TSetParagraphStatus, "clauseId">;

/** Whether the paragraph, found by its element, holds open proposals in the guard's copy (read on a copy of it). */
function holdsProposals(judged: Y.Doc, element: Y.XmlElement): boolean {
  const id = element._item?.id ?? null;
  const doc = storedTruth(judged, null);
  try {
    const item = numberedParagraphs(readClause(doc).blocks).find(
      ({ item }) => item.source instanceof Y.XmlElement && Y.compareIDs(item.source._item?.id ?? null, id),
    )?.item;
    return (
      item !== undefined &&
      [...paragraphsOf([item])].some((p) =>
        p.inlines.some((inline) => inline.type === "text" && inline.proposal !== null),
      )
    );
  } finally {
    doc.destroy();
  }
}

async function setOnStoredText(live: Y.Doc, judged: Y.Doc, input: SetInput): Promise<ParagraphStatusSet> {
  const held: { copy?: Y.Doc; forLive?: Uint8Array } = {};
  try {
    const result = await prisma.$transaction(
      async (tx) => {
        await lockUntilCommit(tx, { kind: "proposals", clauseId: input.clauseId });
        const copy = storedTruth(live, await loadClauseState(input.clauseId, tx));
        held.copy = copy;
        const found = numberedParagraphs(readClause(copy).blocks).find((p) => p.number === input.paragraph);
        if (!found?.item.source)
          throw new AppError("not_found", `There is no paragraph ${input.paragraph} in this clause.`);
        const { item } = found;
        if (item.status === input.status) return { paragraph: input.paragraph, status: input.status, changed: false };
        // Open proposals stored, or accepted by the guard and on their way to being stored.
        const open =
          [...paragraphsOf([item])].some((p) =>
            p.inlines.some((inline) => inline.type === "text" && inline.proposal !== null),
          ) || holdsProposals(judged, item.source as Y.XmlElement);
        if (open && input.status !== "OPEN")
          throw new AppError(
            "conflict",
            `Paragraph ${input.paragraph} still holds open proposals: decide them before marking it agreed.`,
          );
        // So are alternatives not yet chosen between: undecided wording (lib/alternatives).
        const alternatives = [...paragraphsOf([item])].some((p) =>
          p.inlines.some((inline) => inline.type === "text" && inline.alternatives !== undefined),
        );
        if (alternatives && input.status !== "OPEN")
          throw new AppError(
            "conflict",
            `Paragraph ${input.paragraph} still holds alternatives: choose between them before marking it agreed.`,
          );
        const element = item.source as Y.XmlElement;
        const vector = Y.encodeStateVector(copy);
        copy.transact(() => {
          if (input.status === "OPEN") element.removeAttribute(PARAGRAPH_STATUS_ATTRIBUTE);
          else element.setAttribute(PARAGRAPH_STATUS_ATTRIBUTE, input.status);
        });
        const update = Y.encodeStateAsUpdate(copy, vector);
        held.forLive = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(live));
        await tx.clauseUpdate.create({
          data: { clauseId: input.clauseId, update: Buffer.from(update), userId: input.by.id },
        });
        await recordServerWrite(tx, input.clauseId, update);
        await storeProgress(tx, input.clauseId, markedProgress(readClause(copy)));
        await recordClauseVersion(tx, {
          clauseId: input.clauseId,
          name: `Paragraph ${input.paragraph} ${VERSION_NAME[input.status]}`,
          trigger: "STATUS_CHANGED",
          madeById: input.by.id,
          state: Y.encodeStateAsUpdate(copy),
        });
        await recordAuditEvent(tx, {
          action: "paragraph.status-changed",
          actor: input.by,
          instrumentId: input.instrumentId,
          target: { type: "clause", id: input.clauseId },
          details: { paragraph: input.paragraph, from: item.status, to: input.status },
        });
        if (input.status === "OPEN")
          await answerRequestsOnReopen(tx, { clauseId: input.clauseId, paragraph: input.paragraph, by: input.by });
        return { paragraph: input.paragraph, status: input.status, changed: true };
      },
      { timeout: 20_000 },
    );
    if (held.forLive && result.changed) {
      // Stored: now everyone in the clause sees it (and, through Redis, the other instances).
      Y.applyUpdate(live, held.forLive);
      announceClauseMessage(input.clauseId, { type: "reopen-requests.changed" });
    }
    return result;
  } finally {
    held.copy?.destroy();
  }
}
