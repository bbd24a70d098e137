// The chair brings a clause back to a version — as the chair's proposals against the current
// text, never by overwriting it: the difference from the agreed text now to the version's
// (restore-plan.ts) is written by the server into the clause as proposals of the chair's
// delegation (restore-in-text.ts), reviewed, supported or opposed and decided like any other.
// Like a decision, it is taken one at a time with the clause's other writers (the queue and the
// advisory lock of its proposals), computed on the stored text, stored with its Proposal rows and
// audit entry under a client id recorded as the server's, then applied to the live document,
// where the proposals index lists them as it lists every proposal (a row written before the live
// text holds its words would be taken for withdrawn by an index reading in between).
// Nothing is written when the text already reads as the version, or when open proposals stand
// where the restore would write (those are named, to be decided first).
import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { type ProposalInText, proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { loadClauseState } from "@/lib/collab/clause-store";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { collabInstance } from "@/lib/collab/collab-instance";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { AppError } from "@/lib/errors/app-error";
import { storedTruth } from "@/lib/proposals/decide-proposals";
import { oneAtATime } from "@/lib/proposals/one-at-a-time";
import { findClauseVersion } from "./list-clause-versions";
import { writeRestore } from "./restore-in-text";
import { planRestore, proposalCount, type RestorePlan } from "./restore-plan";

export const ZRestoreClauseVersion = z.object({ clauseId: z.string(), versionId: z.string() });
export type TRestoreClauseVersion = z.infer<typeof ZRestoreClauseVersion>;

export type Restored = {
  /** The new proposals' ids, in reading order (none when the text already read as the version). */
  proposals: string[];
  alreadyEqual: boolean;
  /** Whose proposals they are. */
  delegation: { code: string; name: string };
  message: string;
};

export const ALREADY_EQUAL = "The current text already reads as this version. Nothing was proposed.";

function proposalsWord(count: number): string {
  return `${count} ${count === 1 ? "proposal" : "proposals"}`;
}

/** The refusal when open proposals stand where the restore would write: which ones, by whom, on what words. */
function blockedMessage(ids: readonly string[], model: ClauseModel): string {
  const byId = new Map(proposalsInClause(model).map((p) => [p.id, p]));
  const named = ids
    .map((id) => byId.get(id))
    .filter((p): p is ProposalInText => p !== undefined)
    .map((p) => `${p.author?.organizationCode ?? "Unknown"} on “${(p.deletedText || p.insertedText).trim()}”`);
  return `Open proposals stand where this version differs from the current text (${named.join("; ")}). Decide them first, then restore; nothing was proposed.`;
}

/** Refuses a plan that cannot be written; returns how many proposals it makes (0: equal). */
function usable(plan: RestorePlan, model: ClauseModel): number {
  if (plan.kind === "equal") return 0;
  if (plan.kind === "blocked") throw new AppError("conflict", blockedMessage(plan.by, model));
  if (plan.kind === "inexpressible") throw new AppError("conflict", plan.reason);
  return proposalCount(plan.proposals);
}

/** The chair's author stamp: the chair's name and delegation, as suggest mode stamps them. */
function authorOf(by: SessionUser): ProposalAuthor {
  return {
    authorId: by.id,
    authorName: by.name,
    organizationId: by.organizationId,
    organizationCode: by.organizationCode,
    organizationName: by.organizationName,
    colour: by.colour,
  };
}

/** What a restore would do now, for the confirmation: how many proposals, or why it cannot. */
export type RestorePreview =
  | { kind: "proposals"; count: number; delegation: string }
  | { kind: "equal" }
  | { kind: "refused"; message: string };

export async function previewRestore(by: SessionUser, input: TRestoreClauseVersion): Promise<RestorePreview> {
  const { clauseId, versionId } = parseInput(ZRestoreClauseVersion, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.restoreVersion", ctx.target);
  const version = await findClauseVersion(ctx.clause.id, versionId);
  const doc = new Y.Doc();
  try {
    const state = await loadClauseState(ctx.clause.id);
    if (state) Y.applyUpdate(doc, state);
    const model = readClause(doc);
    const count = usable(planRestore(model, version.paragraphs), model);
    return count === 0 ? { kind: "equal" } : { kind: "proposals", count, delegation: by.organizationName };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { kind: "refused", message: error.message };
    throw error;
  } finally {
    doc.destroy();
  }
}

/** The chair restores a version, as a command (the door checks `clause.restoreVersion` first). */
export async function restoreClauseVersion(
  by: SessionUser,
  input: TRestoreClauseVersion,
  collab: Hocuspocus | null = collabInstance(),
): Promise<Restored> {
  const { clauseId, versionId } = parseInput(ZRestoreClauseVersion, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.restoreVersion", ctx.target);
  const version = await findClauseVersion(ctx.clause.id, versionId);
  if (!collab) throw new AppError("unavailable", "The collaboration server is not running. Nothing was changed.");
  const connection = await collab.openDirectConnection(clauseDocumentName(ctx.clause.id), {
    system: "restore-version",
  });
  try {
    const live = connection.document as Y.Doc;
    const delegation = { code: by.organizationCode, name: by.organizationName };
    const held: { copy?: Y.Doc; forLive?: Uint8Array } = {};
    try {
      const proposals = await oneAtATime(collab, ctx.clause.id, () =>
        auditedTransaction(async (tx) => {
          // The same lock as decisions and the proposals index: one writer of the clause's proposals.
          await lockUntilCommit(tx, { kind: "proposals", clauseId: ctx.clause.id });
          const copy = storedTruth(live, await loadClauseState(ctx.clause.id, tx));
          held.copy = copy;
          const model = readClause(copy);
          const plan = planRestore(model, version.paragraphs);
          if (usable(plan, model) === 0 || plan.kind !== "proposals") return [];
          const before = Y.encodeStateVector(copy);
          const at = new Date();
          let ids: string[] = [];
          copy.transact(() => {
            ids = writeRestore(copy.getXmlFragment(CLAUSE_FRAGMENT), plan.proposals, authorOf(by), at);
          });
          const update = Y.encodeStateAsUpdate(copy, before);
          held.forLive = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(live));
          await tx.clauseUpdate.create({
            data: { clauseId: ctx.clause.id, update: Buffer.from(update), userId: by.id },
          });
          // The copy's client id is the server's: nobody may later write under it.
          await recordServerWrite(tx, ctx.clause.id, update);
          // Read back through the clause model: every planned proposal is there, as planned.
          const written = new Set(proposalsInClause(readClause(copy)).map((p) => p.id));
          if (!ids.every((id) => written.has(id)))
            throw new AppError("conflict", "The restore could not be read back. Nothing was changed.");
          await recordAuditEvent(tx, {
            action: "clause.version-restored",
            actor: by,
            instrumentId: ctx.clause.instrumentId,
            target: { type: "clause", id: ctx.clause.id },
            details: { version: version.id, name: version.name, proposals: ids },
          });
          return ids;
        }),
      );
      if (proposals.length === 0) return { proposals, alreadyEqual: true, delegation, message: ALREADY_EQUAL };
      // Stored: now everyone sees the proposals (and any stored text the live document lacked).
      Y.applyUpdate(live, held.forLive as Uint8Array);
      announceClauseMessage(ctx.clause.id, { type: "proposals.changed" });
      return {
        proposals,
        alreadyEqual: false,
        delegation,
        message: `${proposalsWord(proposals.length)} by ${delegation.name} against the current text, to bring it back to “${version.name}”. Nothing changes until they are accepted.`,
      };
    } finally {
      held.copy?.destroy();
    }
  } finally {
    await connection.disconnect();
  }
}
