// The collaboration server with real providers over a real websocket, on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { appendClauseUpdate, compactClause, loadClauseState } from "./clause-store";
import { eventually, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";

let server: CollabTestServer;
let clauseId: string;
const cookies: Record<"delegate" | "chair" | "secretariat" | "reader" | "outsider", string> = {
  delegate: "",
  secretariat: "",
  chair: "",
  reader: "",
  outsider: "",
};

/** Someone with this role in the clause's own instrument (other test files add instruments). */
async function userWithRole(role: "CHAIR" | "DELEGATE" | "READER") {
  const { instrumentId } = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
  const participant = await prisma.participant.findFirstOrThrow({
    where: { role, instrumentId, organization: { memberships: { some: {} } } },
    include: { organization: { include: { memberships: true } } },
  });
  return participant.organization.memberships[0].userId;
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  clauseId = (await prisma.clause.findFirstOrThrow({ where: { number: "1" } })).id;
  cookies.delegate = await sessionCookie(await userWithRole("DELEGATE"));
  cookies.chair = await sessionCookie(await userWithRole("CHAIR"));
  // Direct edits are the chair's and secretariat's; delegates only propose (lib/proposals).
  cookies.secretariat = await sessionCookie(
    (await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@clausework.demo" } })).id,
  );
  cookies.reader = await sessionCookie(await userWithRole("READER"));
  const outsiderOrg = await prisma.organization.create({
    data: { name: "Not a participant", code: `OUT${Date.now()}`, kind: "OBSERVER", colour: "#555555" },
  });
  const outsider = await prisma.user.create({
    data: {
      email: `outsider-${Date.now()}@example.org`,
      name: "Outsider",
      memberships: { create: { organizationId: outsiderOrg.id } },
    },
  });
  cookies.outsider = await sessionCookie(outsider.id);
  server = await startCollabTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("collaboration server", () => {
  it("lets the chair and the secretariat co-edit a clause and converge", async () => {
    const a = openClause(server.url, clauseId, cookies.secretariat);
    const b = openClause(server.url, clauseId, cookies.chair);
    await Promise.all([a.saved(), b.saved()]);
    a.appendParagraph("Text typed by the secretariat.");
    b.appendParagraph("Text typed by the chair.");
    await eventually(() => a.text() === b.text() && a.text().includes("chair") && b.text().includes("secretariat"));
    a.destroy();
    b.destroy();
  });

  it("gives delegates a writable connection (for proposals; lib/proposals guards what they write)", async () => {
    const delegate = openClause(server.url, clauseId, cookies.delegate);
    await expect(delegate.authenticated).resolves.toBe("read-write");
    delegate.destroy();
  });

  it("has an edit in PostgreSQL by the time the client is told it is saved", async () => {
    const client = openClause(server.url, clauseId, cookies.chair);
    await client.saved();
    const marker = `durable-${Date.now()}`;
    client.appendParagraph(marker);
    await client.saved();
    // Read straight from the database, not through the server's memory.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadClauseState(clauseId)) as Uint8Array);
    expect(stored.getXmlFragment("default").toString()).toContain(marker);
    client.destroy();
  });

  it("refuses a connection without a session, with a reason", async () => {
    const client = openClause(server.url, clauseId, null);
    await expect(client.refused).resolves.toMatch(/sign in/i);
    client.destroy();
  });

  it("refuses a forged session cookie", async () => {
    const client = openClause(server.url, clauseId, "next-auth.session-token=forged.token.value");
    await expect(client.refused).resolves.toMatch(/sign in/i);
    client.destroy();
  });

  it("does not open clauses of instruments the organisation does not take part in", async () => {
    const client = openClause(server.url, clauseId, cookies.outsider);
    await expect(client.refused).resolves.toMatch(/does not exist/i);
    client.destroy();
  });

  it("answers an unknown clause as not found", async () => {
    const client = openClause(server.url, "00000000-0000-4000-8000-000000000000", cookies.delegate);
    await expect(client.refused).resolves.toMatch(/does not exist/i);
    client.destroy();
  });

  it("gives readers a read-only connection whose edits reach nobody", async () => {
    const reader = openClause(server.url, clauseId, cookies.reader);
    await expect(reader.authenticated).resolves.toBe("readonly");
    const watcher = openClause(server.url, clauseId, cookies.chair);
    await watcher.saved();
    const before = await prisma.clauseUpdate.count({ where: { clauseId } });
    reader.appendParagraph("A reader tries to write.");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watcher.text()).not.toContain("A reader tries to write.");
    expect(await prisma.clauseUpdate.count({ where: { clauseId } })).toBe(before);
    reader.destroy();
    watcher.destroy();
  });

  it("keeps every saved edit across a crash and restart of the server", async () => {
    const client = openClause(server.url, clauseId, cookies.chair);
    await client.saved();
    const marker = `survives-restart-${Date.now()}`;
    client.appendParagraph(marker);
    await client.saved();
    client.destroy();
    const port = Number(new URL(server.url).port);
    await server.stop();
    server = await startCollabTestServer(port);
    const fresh = openClause(server.url, clauseId, cookies.chair);
    await fresh.saved();
    expect(fresh.text()).toContain(marker);
    fresh.destroy();
  });

  it("compacts update rows into the snapshot without changing the text", async () => {
    // Rows as the server writes them while people type (the server also compacts when a clause empties).
    const editor = new Y.Doc();
    Y.applyUpdate(editor, (await loadClauseState(clauseId)) as Uint8Array);
    editor.on("update", (update: Uint8Array) => void appendClauseUpdate(clauseId, update, null));
    for (const word of ["first", "second", "third"]) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`compaction ${word}`)]);
      editor.getXmlFragment("default").push([paragraph]);
    }
    await eventually(async () => (await prisma.clauseUpdate.count({ where: { clauseId } })) >= 3);
    const folded = await compactClause(clauseId);
    expect(folded).toBeGreaterThanOrEqual(3);
    expect(await prisma.clauseUpdate.count({ where: { clauseId } })).toBe(0);
    const after = new Y.Doc();
    Y.applyUpdate(after, (await loadClauseState(clauseId)) as Uint8Array);
    expect(after.getXmlFragment("default").toString()).toBe(editor.getXmlFragment("default").toString());
    const document = await prisma.clauseDocument.findUniqueOrThrow({ where: { clauseId } });
    expect(document.plainText).toContain("compaction third");
    expect(document.plainText).toContain("Text typed by the secretariat.");
  });
});
