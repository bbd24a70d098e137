// A passage of agreed language inserted as a proposal, on the real collaboration server with
// real providers over a websocket and a real PostgreSQL: the insertion mark carries the entry's
// id; the server keeps it when the entry is in the clause's instrument's library, the proposals
// index stores it and the proposals list reads "from: …"; a made-up id, or one of another
// instrument's library, is refused from a hostile client — nothing stored, the sender told.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { listClauseProposals } from "@/lib/proposals/list-clause-proposals";
import { isRefusedEdit } from "@/lib/proposals/refused-edit-message";
import { authorFor, locate, plainText, stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";

let server: CollabTestServer;
let clauseId: string;
let australia: { cookie: string; author: ProposalAuthor };
let chair: { cookie: string; author: ProposalAuthor };
let entry: { id: string; source: string; article: string };
let elsewhere: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  clauseId = await freshClause("Citations", "34");
  const author = await authorFor("australia@clausework.demo");
  australia = { author, cookie: await sessionCookie(author.authorId) };
  const chairAuthor = await authorFor("chair@clausework.demo");
  chair = { author: chairAuthor, cookie: await sessionCookie(chairAuthor.authorId) };
  const clause = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
  entry = await prisma.agreedLanguageEntry.findFirstOrThrow({
    where: { instrumentId: clause.instrumentId, article: "art. 25(1)" },
  });
  // Another instrument's library: its entries are no citation for this clause.
  const other = await prisma.instrument.create({
    data: { slug: `other-${randomUUID()}`, title: "Another instrument", shortTitle: "Other" },
  });
  elsewhere = (
    await prisma.agreedLanguageEntry.create({
      data: { instrumentId: other.id, source: "ELSEWHERE", article: "art. 1", text: "Words of elsewhere." },
    })
  ).id;
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

async function storedText(): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return plainText(doc);
}

/** Inserts `words` after the clause's first words as Australia's proposal citing `citation`. */
function insertCited(doc: Y.Doc, words: string, citation: string, as: ProposalAuthor): string {
  const anchor = plainText(doc).split("\n")[0].slice(0, 20);
  const { text, index } = locate(doc, anchor);
  const id = randomUUID();
  text.insert(index + anchor.length, words, { insertion: { ...stamp(as, id), citation } });
  return id;
}

async function expectRefused(
  citation: string,
  as: "australia" | "chair" = "australia",
  words = ` cited-${randomUUID().slice(0, 8)}`,
) {
  const who = as === "chair" ? chair : australia;
  const sender = openClause(server.url, clauseId, who.cookie);
  await sender.saved();
  const lastRow = await prisma.clauseUpdate.findFirst({ where: { clauseId }, orderBy: { id: "desc" } });
  const closed = new Promise<void>((resolve) => sender.provider.on("close", () => resolve()));
  const told: string[] = [];
  sender.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
  insertCited(sender.doc, words, citation, who.author);
  await closed;
  expect(told.some((payload) => isRefusedEdit(payload) && JSON.parse(payload).kind === "citation")).toBe(true);
  // Nothing stored (rows folded into the snapshot meanwhile are older than the last one seen).
  expect(await prisma.clauseUpdate.count({ where: { clauseId, id: { gt: lastRow?.id ?? 0n } } })).toBe(0);
  expect(await storedText()).not.toContain(words);
  sender.destroy();
}

describe("a passage of agreed language, inserted as a proposal", () => {
  it("keeps the citation of an entry of this instrument's library, in the text, the index and the list", async () => {
    const client = openClause(server.url, clauseId, australia.cookie);
    await client.saved();
    const words = " Every State Party is to help and protect victims.";
    const id = insertCited(client.doc, words, entry.id, australia.author);
    await client.saved();
    expect(await storedText()).toContain(words.trim());
    await eventually(async () => (await prisma.proposal.findUnique({ where: { id } }))?.citationId === entry.id);
    const listed = (await listClauseProposals(clauseId)).find((proposal) => proposal.id === id);
    expect(listed?.citation?.label).toBe(`from: ${entry.source}, ${entry.article} (paraphrase)`);
    client.destroy();
  });

  it("refuses words not taken from the entry they cite, from a delegation and from the chair", async () => {
    // "from: UNTOC, art. 25(1)" on words of the delegation's own would lend them consensus they lack.
    await expectRefused(entry.id, "australia", " States shall never protect witnesses who testify.");
    await expectRefused(entry.id, "chair", " Delete this article.");
  });

  it("keeps the citation on a cited passage its author shortened (words taken out of it)", async () => {
    const client = openClause(server.url, clauseId, australia.cookie);
    await client.saved();
    const full = await prisma.agreedLanguageEntry.findUniqueOrThrow({ where: { id: entry.id } });
    const id = insertCited(client.doc, ` ${full.text}`, entry.id, australia.author);
    await client.saved();
    const cut = ", as far as its resources allow,";
    const { text, index } = locate(client.doc, cut);
    text.delete(index, cut.length);
    await client.saved();
    expect(await storedText()).toContain("Every State Party is to help and protect the victims");
    await eventually(async () => (await prisma.proposal.findUnique({ where: { id } }))?.citationId === entry.id);
    client.destroy();
  });

  it("refuses a made-up id, from a delegation and from the chair", async () => {
    await expectRefused(randomUUID());
    await expectRefused("not-an-id");
    await expectRefused("");
    await expectRefused(randomUUID(), "chair");
  });

  it("refuses an entry of another instrument's library", async () => {
    await expectRefused(elsewhere);
  });

  it("refuses a citation on a proposed deletion, which cannot carry one", async () => {
    const sender = openClause(server.url, clauseId, australia.cookie);
    await sender.saved();
    const lastRow = await prisma.clauseUpdate.findFirst({ where: { clauseId }, orderBy: { id: "desc" } });
    const closed = new Promise<void>((resolve) => sender.provider.on("close", () => resolve()));
    const { text, index } = locate(sender.doc, plainText(sender.doc).split("\n")[0].slice(0, 8));
    text.format(index, 4, { deletion: { ...stamp(australia.author, randomUUID()), citation: entry.id } });
    await closed;
    expect(await prisma.clauseUpdate.count({ where: { clauseId, id: { gt: lastRow?.id ?? 0n } } })).toBe(0);
    sender.destroy();
  });
});
