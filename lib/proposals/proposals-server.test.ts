// Proposals on the collaboration server, with real providers over a real websocket and a real
// PostgreSQL: suggest-only enforcement, the proposals index, and the chair's decisions.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { decideOnClause } from "./decide-proposals";
import { listClauseProposals } from "./list-clause-proposals";
import { isRefusedEdit } from "./refused-edit-message";
import {
  authorFor,
  locate,
  plainText,
  proposalsIn,
  proposeDeletion,
  proposeInsertion,
  proposeReplacement,
} from "./test-support/yjs-proposals";

let server: CollabTestServer;
let clauseId: string;
const who: Record<"australia" | "canada" | "chair", { cookie: string; author: ProposalAuthor }> = {} as never;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  clauseId = (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).id;
  for (const name of ["australia", "canada", "chair"] as const) {
    const author = await authorFor(`${name}@clausework.demo`);
    who[name] = { author, cookie: await sessionCookie(author.authorId) };
  }
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

/** Waits until the OPEN rows of the table are exactly the proposals in `doc`, word for word. */
async function indexMatches(doc: Y.Doc) {
  await eventually(async () => {
    const inText = proposalsIn(doc)
      .map((p) => `${p.id}|${p.kind}|${p.insertedText}|${p.deletedText}|${p.author?.organizationId}`)
      .sort();
    const rows = (await prisma.proposal.findMany({ where: { clauseId, status: "OPEN" } }))
      .map((r) => `${r.id}|${r.kind}|${r.insertedText}|${r.deletedText}|${r.organizationId}`)
      .sort();
    return JSON.stringify(inText) === JSON.stringify(rows);
  });
}

/** The clause's paragraphs (also those inside numbered lists), in order. */
function textblocks(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.get(0) instanceof Y.XmlText) found.push(child);
      else visit(child);
    }
  };
  visit(doc.getXmlFragment(CLAUSE_FRAGMENT));
  return found;
}

/** Sends a tampered update and expects the server to refuse it: nothing saved, nobody sees it. */
async function expectRefused(tamper: (doc: Y.Doc) => void, marker: string) {
  const delegate = openClause(server.url, clauseId, who.australia.cookie);
  const watcher = openClause(server.url, clauseId, who.chair.cookie);
  await Promise.all([delegate.saved(), watcher.saved()]);
  // Rows only ever come after this one (compaction may fold older rows away meanwhile).
  const lastRow = await prisma.clauseUpdate.findFirst({ where: { clauseId }, orderBy: { id: "desc" } });
  const textBefore = await storedText();
  const closed = new Promise<void>((resolve) => delegate.provider.on("close", () => resolve()));
  const told: string[] = [];
  delegate.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
  tamper(delegate.doc);
  await closed;
  // The browser is told to drop the edit rather than send it again on reconnecting.
  expect(told.some(isRefusedEdit)).toBe(true);
  expect(await prisma.clauseUpdate.count({ where: { clauseId, id: { gt: lastRow?.id ?? 0n } } })).toBe(0);
  expect(await storedText()).toBe(textBefore);
  expect(plainText(watcher.doc)).toBe(textBefore);
  expect(plainText(watcher.doc)).not.toContain(marker);
  delegate.destroy();
  watcher.destroy();
}

describe("proposals on the collaboration server", () => {
  it("lets two delegations propose at the same moment, converging on both proposals, indexed", async () => {
    const australia = openClause(server.url, clauseId, who.australia.cookie);
    const canada = openClause(server.url, clauseId, who.canada.cookie);
    await Promise.all([australia.saved(), canada.saved()]);
    const fromAustralia = proposeReplacement(
      australia.doc,
      "child pornography",
      "child sexual abuse material",
      who.australia.author,
    );
    const fromCanada = proposeInsertion(canada.doc, "Acquiring or possessing", " knowingly", who.canada.author);
    await Promise.all([australia.saved(), canada.saved()]);
    await eventually(() => plainText(australia.doc) === plainText(canada.doc) && proposalsIn(canada.doc).length >= 2);
    const proposals = proposalsIn(australia.doc);
    expect(proposals.find((p) => p.id === fromAustralia)).toMatchObject({
      kind: "REPLACEMENT",
      deletedText: "child pornography",
      insertedText: "child sexual abuse material",
    });
    expect(proposals.find((p) => p.id === fromCanada)?.author?.organizationCode).toBe("CAN");
    await indexMatches(australia.doc);
    const row = await prisma.proposal.findUniqueOrThrow({ where: { id: fromAustralia } });
    expect(row).toMatchObject({ kind: "REPLACEMENT", authorId: who.australia.author.authorId, status: "OPEN" });
    expect(row.contextBefore).toMatch(/making available child sexual abuse material $/);
    australia.destroy();
    canada.destroy();
  });

  it("refuses a direct edit of the agreed text from a delegate", async () => {
    const marker = `direct-${Date.now()}`;
    await expectRefused((doc) => {
      const { text, index } = locate(doc, "Acquiring");
      text.insert(index, marker);
    }, marker);
  });

  it("refuses a delegate's direct deletion of agreed words", async () => {
    await expectRefused((doc) => {
      const { text, index } = locate(doc, "Acquiring or possessing");
      text.delete(index, "Acquiring ".length);
    }, "never-there");
  });

  it("refuses a delegate's direct change of structure: a split paragraph, a line break, a joined paragraph", async () => {
    const structureBefore = async () => (await storedText()).split("\n").length;
    const paragraphs = await structureBefore();
    await expectRefused((doc) => {
      // Splits the first paragraph in two without proposing it: its last word moves to a new one.
      doc.transact(() => {
        const [first] = textblocks(doc);
        const text = first.get(0) as Y.XmlText;
        const word = text.toString().slice(-6);
        text.delete(text.length - 6, 6);
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(word)]);
        (first.parent as Y.XmlElement).insert((first.parent as Y.XmlElement).toArray().indexOf(first) + 1, [paragraph]);
      });
    }, "never-there");
    await expectRefused((doc) => {
      const { text } = locate(doc, "Acquiring");
      const paragraph = text.parent as Y.XmlElement;
      paragraph.insert(paragraph.length, [new Y.XmlElement("hardBreak")]);
    }, "never-there");
    await expectRefused((doc) => {
      // Moves the second paragraph's words to the end of the first, removing the boundary.
      const [first, second] = textblocks(doc);
      const words = (second.get(0) as Y.XmlText).toString();
      (first.get(0) as Y.XmlText).insert((first.get(0) as Y.XmlText).length, words);
      (second.parent as Y.XmlElement).delete((second.parent as Y.XmlElement).toArray().indexOf(second), 1);
    }, "never-there");
    expect(await structureBefore()).toBe(paragraphs);
  });

  it("refuses an update that writes outside the clause's text", async () => {
    await expectRefused((doc) => doc.getMap("smuggled").set("note", "hidden"), "never-there");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
    expect(doc.share.has("smuggled")).toBe(false);
  });

  it("refuses a proposal that claims to come from another delegation", async () => {
    const marker = `forged-${Date.now()}`;
    await expectRefused((doc) => proposeInsertion(doc, "Acquiring", marker, who.canada.author), marker);
  });

  it("refuses a proposal stamped with the right person but another delegation", async () => {
    const marker = `forged-org-${Date.now()}`;
    const forged = {
      ...who.australia.author,
      organizationId: who.canada.author.organizationId,
      organizationCode: "CAN",
    };
    await expectRefused((doc) => proposeInsertion(doc, "Acquiring", marker, forged), marker);
  });

  it("refuses a delegate erasing or taking over another delegation's proposal", async () => {
    // Keeps the clause open when Canada leaves: closing it would compact its stored rows while
    // the refusals below are counting them.
    const keeper = openClause(server.url, clauseId, who.chair.cookie);
    const canada = openClause(server.url, clauseId, who.canada.cookie);
    await Promise.all([keeper.saved(), canada.saved()]);
    const marker = ` canadian-${Date.now()}`;
    proposeInsertion(canada.doc, "Financing or facilitating", marker, who.canada.author);
    await canada.saved();
    canada.destroy();
    await expectRefused((doc) => {
      const { text, index } = locate(doc, marker);
      text.delete(index, marker.length);
    }, "never-there");
    await expectRefused((doc) => {
      const { text, index } = locate(doc, marker);
      text.format(index, marker.length, { insertion: null });
    }, "never-there");
    keeper.destroy();
  });

  it("refuses a delegate accepting every proposal themselves", async () => {
    await expectRefused((doc) => {
      const { text, index } = locate(doc, "child sexual abuse material through");
      text.format(index, "child sexual abuse material".length, { insertion: null });
    }, "never-there");
  });

  it("refuses an update whose dependencies the server never received", async () => {
    const delegate = openClause(server.url, clauseId, who.australia.cookie);
    await delegate.saved();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(delegate.doc));
    proposeInsertion(offline, "Acquiring", " first", who.australia.author);
    const afterFirst = Y.encodeStateVector(offline);
    proposeInsertion(offline, "Acquiring", " second", who.australia.author);
    const onlySecond = Y.encodeStateAsUpdate(offline, afterFirst);
    // Rows only ever come after this one (compaction may fold older rows away meanwhile).
    const lastRow = await prisma.clauseUpdate.findFirst({ where: { clauseId }, orderBy: { id: "desc" } });
    const closed = new Promise<void>((resolve) => delegate.provider.on("close", () => resolve()));
    delegate.provider.documentUpdateHandler(onlySecond, null);
    await closed;
    expect(await prisma.clauseUpdate.count({ where: { clauseId, id: { gt: lastRow?.id ?? 0n } } })).toBe(0);
    delegate.destroy();
  });

  it("lets a delegate withdraw their own proposal, and the index follows", async () => {
    const delegate = openClause(server.url, clauseId, who.australia.cookie);
    await delegate.saved();
    const marker = ` withdrawn-${Date.now()}`;
    const id = proposeInsertion(delegate.doc, "Taking part in sexual activity", marker, who.australia.author);
    await delegate.saved();
    await indexMatches(delegate.doc);
    const { text, index } = locate(delegate.doc, marker);
    text.delete(index, marker.length);
    await delegate.saved();
    await indexMatches(delegate.doc);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    delegate.destroy();
  });

  it("applies the chair's acceptance for everyone at once and records the decision", async () => {
    const australia = openClause(server.url, clauseId, who.australia.cookie);
    const canada = openClause(server.url, clauseId, who.canada.cookie);
    await Promise.all([australia.saved(), canada.saved()]);
    const id = proposeReplacement(
      australia.doc,
      "such material in",
      "child sexual abuse material in",
      who.australia.author,
    );
    await australia.saved();
    await indexMatches(australia.doc);
    const shown = (await listClauseProposals(clauseId)).find((p) => p.id === id);
    await decideOnClause({
      clauseId,
      scope: { proposalId: id },
      fingerprint: shown?.fingerprint,
      outcome: "ACCEPTED",
      reason: "Agreed in informals",
      decidedById: who.chair.author.authorId,
    });
    for (const client of [australia, canada]) {
      await eventually(() => plainText(client.doc).includes("knowingly child sexual abuse material in an"));
      expect(proposalsIn(client.doc).some((p) => p.id === id)).toBe(false);
    }
    expect(await storedText()).toContain("knowingly child sexual abuse material in an");
    const row = await prisma.proposal.findUniqueOrThrow({ where: { id }, include: { decisions: true } });
    expect(row.status).toBe("ACCEPTED");
    expect(row.decisions).toHaveLength(1);
    expect(row.decisions[0]).toMatchObject({
      outcome: "ACCEPTED",
      reason: "Agreed in informals",
      decidedById: who.chair.author.authorId,
      deletedText: "such material in",
      insertedText: "child sexual abuse material in",
    });
    expect(row.decisions[0].resultingText).toContain("child sexual abuse material in an");
    expect(row.decisions[0].resultingText).not.toContain("such material");
    await indexMatches(australia.doc);
    australia.destroy();
    canada.destroy();
  });

  it("rejects all of one delegation's proposals, leaving the others open", async () => {
    const australia = openClause(server.url, clauseId, who.australia.cookie);
    const canada = openClause(server.url, clauseId, who.canada.cookie);
    await Promise.all([australia.saved(), canada.saved()]);
    const marker = ` rejected-${randomUUID().slice(0, 6)}`;
    proposeInsertion(canada.doc, "Creating, offering", marker, who.canada.author);
    const kept = proposeDeletion(australia.doc, "whether real or simulated", who.australia.author);
    await Promise.all([australia.saved(), canada.saved()]);
    await eventually(() => plainText(australia.doc).includes(marker));
    await indexMatches(australia.doc);
    const shown = (await listClauseProposals(clauseId)).filter(
      (p) => p.status === "OPEN" && p.delegation.id === who.canada.author.organizationId,
    );
    const { decided } = await decideOnClause({
      clauseId,
      scope: { organizationId: who.canada.author.organizationId },
      fingerprints: Object.fromEntries(shown.map((p) => [p.id, p.fingerprint])),
      outcome: "REJECTED",
      reason: null,
      decidedById: who.chair.author.authorId,
    });
    expect(decided.length).toBeGreaterThanOrEqual(1);
    await eventually(() => !plainText(australia.doc).includes(marker) && !plainText(canada.doc).includes(marker));
    expect(proposalsIn(australia.doc).some((p) => p.id === kept)).toBe(true);
    expect(proposalsIn(australia.doc).some((p) => p.author?.organizationCode === "CAN")).toBe(false);
    const rejected = await prisma.proposal.findMany({
      where: { clauseId, organizationId: who.canada.author.organizationId },
    });
    expect(rejected.every((row) => row.status !== "OPEN")).toBe(true);
    expect(rejected.some((row) => row.status === "REJECTED")).toBe(true);
    await indexMatches(australia.doc);
    australia.destroy();
    canada.destroy();
  });
});
