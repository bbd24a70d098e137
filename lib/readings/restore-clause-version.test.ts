// Restoring a version, on a real PostgreSQL and a real collaboration server: the chair's
// proposals against the current text, which — all accepted — read exactly as the version and —
// all rejected — leave the text as it is; refused for delegates; nothing written when the text
// already reads as the version, or when open proposals stand where the restore would write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type ClauseClient, eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED } from "@/lib/errors/messages";
import { decideOnClause } from "@/lib/proposals/decide-proposals";
import {
  freshClause,
  indexedOpen,
  type Person,
  person,
  shownFingerprints,
} from "@/lib/proposals/test-support/decision-room";
import { locate, proposalsIn, proposeDeletion, proposeInsertion } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { currentReading } from "./current-reading";
import { findClauseVersion } from "./list-clause-versions";
import { ALREADY_EQUAL, previewRestore, restoreClauseVersion } from "./restore-clause-version";
import { saveClauseVersion } from "./save-clause-version";

let server: CollabTestServer;
let chair: Person;
let australia: Person;
const as: Record<"chair" | "australia", SessionUser> = {} as never;
const open: ClauseClient[] = [];

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  [chair, australia] = await Promise.all(["chair", "australia"].map((name) => person(`${name}@clausework.demo`)));
  for (const name of ["chair", "australia"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    as[name] = (await findSessionUser(id)) as SessionUser;
  }
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  for (const client of open) client.destroy();
  await server?.stop();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
  );

/** The agreed text now, paragraph by paragraph (the one reading). */
async function agreedNow(clauseId: string): Promise<string[]> {
  return (await currentReading(clauseId)).paragraphs.map((p) => p.text);
}

async function versionText(clauseId: string, versionId: string): Promise<string[]> {
  return (await findClauseVersion(clauseId, versionId)).paragraphs.map((p) => p.text);
}

/** A clause of this test's own with its text stored, a version "before", then the chair's direct edits. */
async function editedAfterVersion(paragraphs: string[], edit: (doc: Y.Doc) => void) {
  const clauseId = await freshClause(server.url, chair, paragraphs);
  await eventually(async () => (await agreedNow(clauseId)).length === paragraphs.length);
  const { versionId } = await saveClauseVersion(as.chair, { clauseId, name: "before the edits" });
  const client = connect(clauseId, chair);
  await client.saved();
  client.doc.transact(() => edit(client.doc));
  await client.saved();
  return { clauseId, versionId, client };
}

function connect(clauseId: string, who: Person): ClauseClient {
  const client = openClause(server.url, clauseId, who.cookie);
  open.push(client);
  return client;
}

/** The chair's direct edits: a word added, a paragraph removed, a paragraph added. */
function chairEdits(doc: Y.Doc) {
  const { text, index } = locate(doc, "States shall");
  text.insert(index + "States shall".length, " closely and in good faith");
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const removed = fragment
    .toArray()
    .findIndex((child) => child instanceof Y.XmlElement && child.toString().includes("Victims"));
  fragment.delete(removed, 1);
  const paragraph = new Y.XmlElement("paragraph");
  const words = new Y.XmlText();
  paragraph.insert(0, [words]);
  fragment.insert(fragment.length, [paragraph]);
  words.insert(0, "A paragraph the chair added later.");
}

const PARAGRAPHS = ["States shall cooperate.", "Victims [and witnesses] matter.", "This article applies to all."];

async function decideAll(clauseId: string, ids: string[], outcome: "ACCEPTED" | "REJECTED") {
  await indexedOpen(ids);
  const shown = await shownFingerprints(clauseId);
  for (const id of ids) {
    await decideOnClause({
      clauseId,
      scope: { proposalId: id },
      outcome,
      reason: null,
      fingerprint: shown[id],
      decidedById: as.chair.id,
      collab: server.collab,
    });
  }
}

describe("restoring a version", () => {
  it("proposes the difference as the chair's proposals; accepted, the text reads exactly as the version", async () => {
    const { clauseId, versionId, client } = await editedAfterVersion(PARAGRAPHS, chairEdits);
    const edited = await agreedNow(clauseId);
    expect(edited).toEqual([
      "States shall closely and in good faith cooperate.",
      "This article applies to all.",
      "A paragraph the chair added later.",
    ]);
    expect(await previewRestore(as.chair, { clauseId, versionId })).toEqual({
      kind: "proposals",
      count: 3,
      delegation: as.chair.organizationName,
    });

    const restored = await restoreClauseVersion(as.chair, { clauseId, versionId });
    expect(restored.alreadyEqual).toBe(false);
    expect(restored.proposals).toHaveLength(3);
    expect(restored.message).toMatch(/^3 proposals by .+ Nothing changes until they are accepted\.$/);
    // Nothing of the agreed text changed: they are proposals.
    expect(await agreedNow(clauseId)).toEqual(edited);
    await indexedOpen(restored.proposals);
    const rows = await prisma.proposal.findMany({ where: { id: { in: restored.proposals } } });
    expect(rows.map((row) => [row.status, row.authorId, row.organizationId])).toEqual(
      restored.proposals.map(() => ["OPEN", as.chair.id, as.chair.organizationId]),
    );
    expect(rows.filter((row) => row.kind === "INSERTION").map((row) => row.insertedText)).toEqual([
      "Victims [and witnesses] matter.",
    ]);
    expect(
      rows
        .filter((row) => row.kind === "DELETION")
        .map((row) => row.deletedText.trim())
        .sort(),
    ).toEqual(["A paragraph the chair added later.", "closely and in good faith"]);
    // Everyone in the clause sees them live, stamped with the chair's delegation.
    await eventually(() => proposalsIn(client.doc).length === 3);
    expect(proposalsIn(client.doc).map((p) => p.author?.organizationCode)).toEqual(
      restored.proposals.map(() => as.chair.organizationCode),
    );
    // Written under a client id recorded as the server's, and audited.
    const serverIds = await prisma.clauseClient.findMany({ where: { clauseId, userId: null } });
    expect(serverIds.length).toBeGreaterThan(0);
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "clause.version-restored", targetId: clauseId },
    });
    expect(audit?.details).toMatchObject({ version: versionId, proposals: restored.proposals });

    await decideAll(clauseId, restored.proposals, "ACCEPTED");
    expect(await agreedNow(clauseId)).toEqual(await versionText(clauseId, versionId));
    await eventually(() => client.text().includes("Victims [and witnesses] matter."));
  });

  it("rejected, leaves the current text as it was", async () => {
    const { clauseId, versionId } = await editedAfterVersion(PARAGRAPHS, chairEdits);
    const edited = await agreedNow(clauseId);
    const restored = await restoreClauseVersion(as.chair, { clauseId, versionId });
    await decideAll(clauseId, restored.proposals, "REJECTED");
    expect(await agreedNow(clauseId)).toEqual(edited);
    expect(proposalsIn(docOf(await loadClauseState(clauseId)))).toEqual([]);
  });

  it("rewrites words inside a paragraph as one proposal per contiguous change", async () => {
    const { clauseId, versionId } = await editedAfterVersion(
      ["Each State Party shall adopt effective measures to protect witnesses."],
      (doc) => {
        const { text, index } = locate(doc, "shall adopt");
        text.delete(index, "shall".length);
        text.insert(index, "may");
        const at = locate(doc, "effective ");
        text.delete(at.index, "effective ".length);
      },
    );
    const restored = await restoreClauseVersion(as.chair, { clauseId, versionId });
    await indexedOpen(restored.proposals);
    const rows = await prisma.proposal.findMany({ where: { id: { in: restored.proposals } } });
    expect(rows.map((row) => [row.kind, row.deletedText, row.insertedText.trim()]).sort()).toEqual([
      ["INSERTION", "", "effective"],
      ["REPLACEMENT", "may", "shall"],
    ]);
    await decideAll(clauseId, restored.proposals, "ACCEPTED");
    expect(await agreedNow(clauseId)).toEqual(await versionText(clauseId, versionId));
  });

  it("is the chair's alone", async () => {
    const { clauseId, versionId } = await editedAfterVersion(PARAGRAPHS, chairEdits);
    expect(await refusal(restoreClauseVersion(as.australia, { clauseId, versionId }))).toEqual({
      code: "forbidden",
      message: NOT_ALLOWED,
    });
    expect(await refusal(previewRestore(as.australia, { clauseId, versionId }))).toMatchObject({ code: "forbidden" });
    expect(await prisma.proposal.count({ where: { clauseId } })).toBe(0);
  });

  it("writes nothing when the text already reads as the version", async () => {
    const clauseId = await freshClause(server.url, chair, ["Nothing has changed here."]);
    await eventually(async () => (await agreedNow(clauseId)).length === 1);
    const { versionId } = await saveClauseVersion(as.chair, { clauseId, name: "as it is" });
    // What the clause holds, whatever compaction does to its rows: its state vector.
    const written = async () => Y.encodeStateVector(docOf(await loadClauseState(clauseId)));
    const before = await written();
    expect(await previewRestore(as.chair, { clauseId, versionId })).toEqual({ kind: "equal" });
    const restored = await restoreClauseVersion(as.chair, { clauseId, versionId });
    expect(restored).toMatchObject({ proposals: [], alreadyEqual: true, message: ALREADY_EQUAL });
    expect(await written()).toEqual(before);
    expect(await prisma.proposal.count({ where: { clauseId } })).toBe(0);
  });

  it("keeps open proposals elsewhere, and writes nothing where an open proposal holds the words", async () => {
    const { clauseId, versionId } = await editedAfterVersion(PARAGRAPHS, chairEdits);
    // Australia proposes, on words the restore would strike, to delete them itself.
    const delegate = openClause(server.url, clauseId, australia.cookie);
    open.push(delegate);
    await delegate.saved();
    const inTheWay = proposeDeletion(delegate.doc, "in good faith", australia.author);
    const elsewhere = proposeInsertion(delegate.doc, "applies to all", " Parties", australia.author);
    await delegate.saved();
    await indexedOpen([inTheWay, elsewhere]);
    const vector = async () => Y.encodeStateVector(docOf(await loadClauseState(clauseId)));
    const before = await vector();

    const blocked = await refusal(restoreClauseVersion(as.chair, { clauseId, versionId }));
    expect(blocked).toMatchObject({ code: "conflict" });
    expect((blocked as { message: string }).message).toContain(
      `${australia.author.organizationCode} on “in good faith”`,
    );
    expect((blocked as { message: string }).message).not.toContain("Parties");
    expect(await vector()).toEqual(before);
    expect(await previewRestore(as.chair, { clauseId, versionId })).toMatchObject({ kind: "refused" });

    // Once the chair has decided it, the restore goes ahead and the other proposal stays open.
    await decideAll(clauseId, [inTheWay], "REJECTED");
    const restored = await restoreClauseVersion(as.chair, { clauseId, versionId });
    expect(restored.proposals).toHaveLength(3);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: elsewhere } })).status).toBe("OPEN");
    // A second restore would propose the same again: its own proposals stand in the way.
    expect(await refusal(restoreClauseVersion(as.chair, { clauseId, versionId }))).toMatchObject({
      code: "conflict",
    });
    await decideAll(clauseId, restored.proposals, "ACCEPTED");
    // The version's text, with Australia's proposal still open beside it.
    expect(await agreedNow(clauseId)).toEqual(await versionText(clauseId, versionId));
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: elsewhere } })).status).toBe("OPEN");
  });
});

function docOf(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}
