// Yjs client ids are owned: nobody — the chair included — may write under another person's
// id, or under the ids the server wrote under; a person's own tabs each write under their own,
// and two writers under one id (a modified second tab) cannot lose each other's words.

import { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { isRefusedEdit } from "@/lib/proposals/refused-edit-message";
import { authorFor } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { clauseDocumentName } from "./clause-document-name";
import { loadClauseState } from "./clause-store";
import { recordServerWrite } from "./client-id-ownership";
import { type ClauseClient, eventually, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";
import { freshClause } from "./test-support/fresh-clause";

let server: CollabTestServer;
let other: CollabTestServer;
const open: ClauseClient[] = [];
const people: Record<"victim" | "attacker" | "chair", { cookie: string; author: ProposalAuthor }> = {} as never;

async function person(email: string) {
  const author = await authorFor(email);
  return { author, cookie: await sessionCookie(author.authorId) };
}

function client(url: string, clauseId: string, who: keyof typeof people, proposing = who !== "chair") {
  const c = openClause(url, clauseId, people[who].cookie, proposing ? { proposeAs: people[who].author } : {});
  open.push(c);
  return c;
}

/** Resolves when the server tells this client that its edit was refused; fails if it never does. */
function refusedEdit(c: ClauseClient): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server never refused the edit")), 10_000);
    c.provider.on("stateless", ({ payload }: { payload: string }) => {
      if (!isRefusedEdit(payload)) return;
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function storedText(clauseId: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await loadClauseState(clauseId);
  if (state) Y.applyUpdate(doc, state);
  return doc.getXmlFragment(CLAUSE_FRAGMENT).toString();
}

/** Open sockets on the clause (the server's other clauses belong to other cases). */
const connectionsTo = (clauseId: string) =>
  server.collab.documents.get(clauseDocumentName(clauseId))?.getConnectionsCount() ?? 0;

/** Writes from now on under `clientId` (set after syncing: Yjs renews an id it sees others use). */
function writeUnder(c: ClauseClient, clientId: number) {
  c.doc.clientID = clientId;
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  people.victim = await person("france@clausework.demo");
  people.attacker = await person("russian-federation@clausework.demo");
  people.chair = await person("chair@clausework.demo");
  server = await startCollabTestServer();
  other = await startCollabTestServer();
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
  await other?.stop();
});

describe("Yjs client ids are owned", () => {
  it("refuses a valid proposal written under the victim's client id; the victim's later words are saved and seen", async () => {
    const clauseId = await freshClause("client ids: victim");
    const victim = client(server.url, clauseId, "victim");
    const attacker = client(server.url, clauseId, "attacker");
    const chair = client(server.url, clauseId, "chair");
    await Promise.all([victim.saved(), attacker.saved(), chair.saved()]);
    victim.appendParagraph("France proposes the first words.");
    await victim.saved();
    await eventually(() => attacker.text().includes("France proposes the first words."));

    // The attacker's proposal is valid as a proposal, but written at the victim's next clocks.
    const refused = refusedEdit(attacker);
    writeUnder(attacker, victim.doc.clientID);
    attacker.appendParagraph("Words smuggled in under France's client id.");
    expect(JSON.parse(await refused).notice).toMatch(/another participant's editing identity/);

    victim.appendParagraph("France's later words, typed after the attack.");
    await victim.saved();
    await eventually(() => chair.text().includes("France's later words"));
    const stored = await storedText(clauseId);
    expect(stored).toContain("France's later words, typed after the attack.");
    expect(stored).not.toContain("smuggled");
    expect(chair.text()).not.toContain("smuggled");
    const owner = await prisma.clauseClient.findUniqueOrThrow({
      where: { clauseId_clientId: { clauseId, clientId: BigInt(victim.doc.clientID) } },
    });
    expect(owner.userId).toBe(people.victim.author.authorId);
  });

  it("refuses the chair too, and the same refusal holds on another instance (ownership is in PostgreSQL)", async () => {
    const clauseId = await freshClause("client ids: chair and instances");
    const victim = client(server.url, clauseId, "victim");
    await victim.saved();
    victim.appendParagraph("France writes on instance A.");
    await victim.saved();

    // Instance B has no Redis here: it knows the id's owner from PostgreSQL alone.
    const chair = client(other.url, clauseId, "chair");
    await chair.saved();
    const refused = refusedEdit(chair);
    writeUnder(chair, victim.doc.clientID);
    chair.appendParagraph("The chair writing under France's id.");
    await refused;
    expect(await storedText(clauseId)).not.toContain("The chair writing under France's id.");

    const honest = client(other.url, clauseId, "chair");
    await honest.saved();
    honest.appendParagraph("The chair, under its own id.");
    await honest.saved();
    expect(await storedText(clauseId)).toContain("The chair, under its own id.");
  });

  it("lets one person's two tabs write under their two ids", async () => {
    const clauseId = await freshClause("client ids: two tabs");
    const tabs = [client(server.url, clauseId, "victim"), client(server.url, clauseId, "victim")];
    await Promise.all(tabs.map((tab) => tab.saved()));
    tabs[0].appendParagraph("From the first tab.");
    tabs[1].appendParagraph("From the second tab.");
    await Promise.all(tabs.map((tab) => tab.saved()));
    const stored = await storedText(clauseId);
    expect(stored).toContain("From the first tab.");
    expect(stored).toContain("From the second tab.");
    const owners = await prisma.clauseClient.findMany({ where: { clauseId, userId: people.victim.author.authorId } });
    expect(owners.map((row) => Number(row.clientId)).sort()).toEqual(tabs.map((tab) => tab.doc.clientID).sort());
  });

  it("refuses writing under the ids the server wrote under: the stored text's and a decision's", async () => {
    const clauseId = await freshClause("client ids: the server's");
    const chair = client(server.url, clauseId, "chair");
    await chair.saved();
    // The seeded text was written by the server, before anyone claimed an id.
    const seededId = [...chair.doc.store.clients.keys()][0];
    const refused = refusedEdit(chair);
    writeUnder(chair, seededId);
    chair.appendParagraph("Under the seeded text's id.");
    await refused;

    // A server-side writer records its id in the transaction that stores its update — before
    // any instance holds it, so nobody can claim it first.
    const decision = new Y.Doc();
    decision.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlElement("paragraph")]);
    await recordServerWrite(prisma, clauseId, Y.encodeStateAsUpdate(decision));
    const again = client(server.url, clauseId, "chair");
    await again.saved();
    const refusedAgain = refusedEdit(again);
    writeUnder(again, decision.clientID);
    again.appendParagraph("Under a decision's id.");
    await refusedAgain;
    const stored = await storedText(clauseId);
    expect(stored).not.toContain("Under the seeded text's id.");
    expect(stored).not.toContain("Under a decision's id.");
  });

  it("refuses a second writer under one person's client id at clocks already stored, and tells its browser", async () => {
    const clauseId = await freshClause("client ids: one id, two writers");
    const [first, second] = [client(server.url, clauseId, "victim"), client(server.url, clauseId, "victim")];
    await Promise.all([first.saved(), second.saved()]);
    // The first window loses its connection for a moment and keeps typing.
    first.provider.disconnect();
    await eventually(() => connectionsTo(clauseId) === 1);
    first.appendParagraph("Typed in the first window while its connection was down.");

    // Meanwhile a modified second window of the same person writes under the first's id, at
    // the very clocks the first window has just used: both theirs, so ownership lets it pass.
    writeUnder(second, first.doc.clientID);
    second.appendParagraph("Written by the second window under the first window's id.");
    await second.saved();
    const before = await storedText(clauseId);
    expect(before).toContain("Written by the second window");

    // Back online, the first window sends its words at those clocks: refused, not silently lost.
    const refused = refusedEdit(first);
    void first.provider.connect();
    expect(JSON.parse(await refused).notice).toMatch(/same editing identity/);
    expect(await storedText(clauseId)).toBe(before);
    const reader = client(server.url, clauseId, "chair");
    await reader.saved();
    expect(reader.text()).toBe(before);
  });

  it("saves everything of an honest window that reconnects, also while its old socket is still open", async () => {
    const clauseId = await freshClause("client ids: honest reconnects");
    const tab = client(server.url, clauseId, "victim");
    await tab.saved();
    const refusals: string[] = [];
    const watch = (provider: HocuspocusProvider) =>
      provider.on("stateless", ({ payload }: { payload: string }) => {
        if (isRefusedEdit(payload)) refusals.push(payload);
      });
    watch(tab.provider);
    tab.appendParagraph("Before the connection dropped.");
    await tab.saved();
    tab.provider.disconnect();
    await eventually(() => connectionsTo(clauseId) === 0);
    tab.appendParagraph("Typed while offline.");
    void tab.provider.connect();
    await tab.saved();
    tab.appendParagraph("Typed after reconnecting.");
    await tab.saved();

    // The same window (the same document, so the same client id) on a new socket while the old
    // one is still open: every edit reaches the server twice, the second time an exact resend.
    const again = new HocuspocusProvider({
      url: server.url,
      name: tab.provider.configuration.name,
      document: tab.doc,
      token: "session-cookie",
      WebSocketPolyfill: (tab.provider.configuration.websocketProvider.configuration as { WebSocketPolyfill: unknown })
        .WebSocketPolyfill,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    open.push({ destroy: () => again.destroy() } as ClauseClient);
    watch(again);
    await eventually(() => again.synced);
    tab.appendParagraph("Sent on both sockets.");
    await tab.saved();
    await eventually(() => !again.hasUnsyncedChanges);
    tab.appendParagraph("And once more after that.");
    await tab.saved();
    await eventually(() => !again.hasUnsyncedChanges);

    const stored = await storedText(clauseId);
    for (const words of [
      "Before the connection dropped.",
      "Typed while offline.",
      "Typed after reconnecting.",
      "Sent on both sockets.",
      "And once more after that.",
    ]) {
      expect(stored).toContain(words);
    }
    expect(stored).toBe(tab.text());
    expect(refusals).toEqual([]);
  });
});
