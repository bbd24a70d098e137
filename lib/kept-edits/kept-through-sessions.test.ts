// Words a delegate kept on the device through a session that ended, sent from the next one: the
// real collaboration server still refuses a proposal stamped before the session sending it,
// and the browser's put-back (put-back.ts) stamps them afresh, so they are kept. Real providers
// over a real websocket, real PostgreSQL.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type ClauseClient, eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { isRefusedEdit } from "@/lib/proposals/refused-edit-message";
import { positionOf, suggestInDoc } from "@/lib/proposals/test-support/suggest-in-doc";
import { authorFor, plainText, proposalsIn } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { putBackKeptEdits } from "./put-back";

const MINUTE = 60_000;
let server: CollabTestServer;
let clauseId: string;
let australia: ProposalAuthor;

/** A session cookie of Australia's delegate, signed in at `signedInAt`. */
async function sessionSince(signedInAt: number): Promise<string> {
  const uid = australia.authorId;
  const token = await encode({
    token: { uid, sub: uid, signedInAt, activeAt: Date.now() },
    secret: process.env.NEXTAUTH_SECRET as string,
  });
  return `next-auth.session-token=${token}`;
}

/** What the delegate typed while offline `minutesAgo`, on a page holding the clause as stored. */
async function typedOffline(words: string, minutesAgo: number, before = "Acquiring"): Promise<Uint8Array[]> {
  const page = new Y.Doc();
  Y.applyUpdate(page, (await loadClauseState(clauseId)) as Uint8Array);
  const kept: Uint8Array[] = [];
  page.on("update", (update: Uint8Array) => kept.push(update));
  const at = () => new Date(Date.now() - minutesAgo * MINUTE).toISOString();
  suggestInDoc(page, australia, (tr, root) => tr.insertText(words, positionOf(root, before)), at);
  return kept;
}

async function storedText(): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return plainText(doc);
}

/** Opens the clause in a session, and resolves once the server's text is here. */
async function opened(cookie: string): Promise<ClauseClient & { told: string[] }> {
  const client = openClause(server.url, clauseId, cookie);
  const told: string[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
  await client.saved();
  return Object.assign(client, { told });
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "kept-through-sessions-secret";
  await seedIfEmpty(prisma);
  clauseId = await freshClause("kept through sessions", "14");
  australia = await authorFor("australia@clausework.demo");
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

describe("words kept on the device through a session that ended", () => {
  it("are refused as they were typed, by a session that began after them", async () => {
    const words = `Kept overnight ${Date.now()} `;
    const kept = await typedOffline(words, 90);
    const client = await opened(await sessionSince(Date.now() - 5 * MINUTE));
    for (const update of kept) Y.applyUpdate(client.doc, update);
    await eventually(() => client.told.some(isRefusedEdit));
    expect(await storedText()).not.toContain(words);
    client.destroy();
  });

  it("are kept once put back stamped for the session sending them, as the delegate's proposal", async () => {
    const words = `Kept through the night ${Date.now()} `;
    const kept = await typedOffline(words, 90);
    const began = Date.now() - 5 * MINUTE;
    const client = await opened(await sessionSince(began));
    expect(
      putBackKeptEdits(client.doc, kept, { authorId: australia.authorId, sessionBegan: began, origin: "kept" }),
    ).toBe(true);
    await client.saved();
    expect(client.told.filter(isRefusedEdit)).toEqual([]);
    expect(await storedText()).toContain(words);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadClauseState(clauseId)) as Uint8Array);
    const proposal = proposalsIn(stored).find((p) => p.insertedText === words);
    expect(proposal?.author?.authorId).toBe(australia.authorId);
    expect(Date.parse(proposal?.at ?? "")).toBeGreaterThanOrEqual(began);
    client.destroy();
  });

  it("keep the time they were typed when sent in the session they were typed in", async () => {
    const words = `Kept over lunch ${Date.now()} `;
    const kept = await typedOffline(words, 30, "Financing");
    const began = Date.now() - 3 * 60 * MINUTE;
    const client = await opened(await sessionSince(began));
    putBackKeptEdits(client.doc, kept, { authorId: australia.authorId, sessionBegan: began, origin: "kept" });
    await client.saved();
    expect(client.told.filter(isRefusedEdit)).toEqual([]);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadClauseState(clauseId)) as Uint8Array);
    const proposal = proposalsIn(stored).find((p) => p.insertedText === words);
    expect(Date.parse(proposal?.at ?? "")).toBeLessThan(Date.now() - 29 * MINUTE);
    client.destroy();
  });
});
