// Paragraph status end to end on the server: the real collaboration server with real providers
// over a websocket and a real PostgreSQL. The chair marks a paragraph agreed (it reaches everyone
// in the clause live, counted and audited); a delegation's proposal there is refused with the
// message, stored nowhere; a request to reopen reaches the chair, is declined or answered by
// reopening, and the delegation is told; a clause agreed as a whole refuses every proposal.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setClauseStatus } from "@/lib/admin/set-clause-status";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { readClause } from "@/lib/clause-model/read-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type ClauseClient, eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { isRefusedEdit } from "@/lib/proposals/refused-edit-message";
import { authorFor, plainText, proposeInsertion } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { answerReopenRequest } from "./answer-reopen-request";
import { numberedParagraphs } from "./numbered-paragraphs";
import { listReopenRequests, requestReopen } from "./reopen-requests";
import { setParagraphStatus } from "./set-paragraph-status";

let server: CollabTestServer;
let clauseId: string;
type Who = "chair" | "australia" | "canada";
const people: Record<Who, { user: SessionUser; author: ProposalAuthor; cookie: string }> = {} as never;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  // Article 16's text, in a clause of its own: its first paragraph begins "Each State Party".
  clauseId = await freshClause("Paragraph status", "16");
  for (const name of ["chair", "australia", "canada"] as const) {
    const author = await authorFor(`${name}@clausework.demo`);
    const user = await findSessionUser(author.authorId);
    if (!user) throw new Error(`no session user for ${name}`);
    people[name] = { user, author, cookie: await sessionCookie(author.authorId) };
  }
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

async function storedStatuses(): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return numberedParagraphs(readClause(doc).blocks).map(({ item }) => item.status);
}

function liveStatuses(client: ClauseClient): string[] {
  return numberedParagraphs(readClause(client.doc).blocks).map(({ item }) => item.status);
}

/** A delegation proposes words after `anchor`; resolves with what the server told it, if it refused. */
async function propose(anchor: string, as: Who = "australia"): Promise<{ refused: string | null; marker: string }> {
  const client = openClause(server.url, clauseId, people[as].cookie);
  await client.saved();
  const told: string[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
  const closed = new Promise<"closed">((resolve) => client.provider.on("close", () => resolve("closed")));
  const marker = ` w${randomUUID().slice(0, 8)}`;
  proposeInsertion(client.doc, anchor, marker, people[as].author);
  await Promise.race([client.saved(), closed]);
  const refusal = told.find(isRefusedEdit);
  client.destroy();
  return { refused: refusal ? (JSON.parse(refusal).notice ?? "refused") : null, marker };
}

const firstWords = "Each State Party";

describe("paragraph status on the live clause", () => {
  it("the chair marks a paragraph agreed: everyone in the clause sees it, it is counted, versioned and audited", async () => {
    const watcher = openClause(server.url, clauseId, people.canada.cookie);
    await watcher.saved();
    expect(liveStatuses(watcher)[0]).toBe("OPEN");
    const result = await setParagraphStatus(people.chair.user, { clauseId, paragraph: 1, status: "AGREED" });
    expect(result).toEqual({ paragraph: 1, status: "AGREED", changed: true });
    await eventually(() => liveStatuses(watcher)[0] === "AGREED");
    expect((await storedStatuses())[0]).toBe("AGREED");
    const progress = await prisma.clauseProgress.findUniqueOrThrow({ where: { clauseId } });
    expect({ paragraphs: progress.paragraphs, agreed: progress.agreed }).toEqual({ paragraphs: 5, agreed: 1 });
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "paragraph.status-changed", targetId: clauseId },
      orderBy: { at: "desc" },
    });
    expect(audit?.details).toMatchObject({ paragraph: 1, from: "OPEN", to: "AGREED" });
    expect(await prisma.clauseVersion.count({ where: { clauseId, name: "Paragraph 1 agreed" } })).toBe(1);
    watcher.destroy();
  });

  it("refuses a delegation's proposal in the agreed paragraph with the message, and keeps nothing of it", async () => {
    const { refused, marker } = await propose(firstWords);
    expect(refused).toBe("Paragraph 1 is agreed; ask the chair to reopen it.");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
    expect(plainText(doc)).not.toContain(marker);
    // An open paragraph still takes proposals.
    expect((await propose("For the purposes of this article")).refused).toBeNull();
  });

  it("refuses a status written by a client, the chair's included", async () => {
    for (const as of ["australia", "chair"] as const) {
      const client = openClause(server.url, clauseId, people[as].cookie);
      await client.saved();
      const told: string[] = [];
      client.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
      const closed = new Promise<void>((resolve) => client.provider.on("close", () => resolve()));
      (numberedParagraphs(readClause(client.doc).blocks)[1].item.source as Y.XmlElement).setAttribute(
        "status",
        "AGREED",
      );
      await closed;
      expect(told.some(isRefusedEdit)).toBe(true);
      expect((await storedStatuses())[1]).toBe("OPEN");
      client.destroy();
    }
  });

  it("will not mark agreed a paragraph that still holds open proposals", async () => {
    await expect(
      setParagraphStatus(people.chair.user, { clauseId, paragraph: 2, status: "AGREED" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      setParagraphStatus(people.australia.user, { clauseId, paragraph: 3, status: "AGREED" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a request to reopen reaches the chair; declined, then reopened, the delegation is told each time", async () => {
    await expect(
      requestReopen(people.australia.user, { clauseId, paragraph: 3, reason: "It is open." }),
    ).rejects.toMatchObject({ code: "conflict" });
    const { requestId } = await requestReopen(people.australia.user, {
      clauseId,
      paragraph: 1,
      reason: "Our capital cannot accept “without right”.",
    });
    const chairSees = await listReopenRequests(people.chair.user, { clauseId });
    expect(chairSees.requests.map((r) => [r.id, r.paragraph, r.delegation.code])).toEqual([[requestId, 1, "AUS"]]);
    expect(chairSees.requests[0].quote).toMatch(/^Each State Party/);
    expect(
      await prisma.notification.count({
        where: { userId: people.chair.user.id, reopenRequestId: requestId, readAt: null },
      }),
    ).toBe(1);
    await expect(
      requestReopen(people.australia.user, { clauseId, paragraph: 1, reason: "Again." }),
    ).rejects.toMatchObject({ code: "conflict" });

    await answerReopenRequest(people.chair.user, {
      clauseId,
      requestId,
      decision: "DECLINE",
      answer: "Settled in Vienna.",
    });
    expect((await storedStatuses())[0]).toBe("AGREED");
    const told = await prisma.notification.findFirst({
      where: { userId: people.australia.user.id, reopenRequestId: requestId, kind: "REOPEN_ANSWERED" },
    });
    expect(told).not.toBeNull();
    expect((await listReopenRequests(people.chair.user, { clauseId })).requests).toEqual([]);

    const again = await requestReopen(people.australia.user, { clauseId, paragraph: 1, reason: "New instructions." });
    await expect(
      answerReopenRequest(people.australia.user, { clauseId, requestId: again.requestId, decision: "REOPEN" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await answerReopenRequest(people.chair.user, { clauseId, requestId: again.requestId, decision: "REOPEN" });
    expect((await storedStatuses())[0]).toBe("OPEN");
    const answered = await prisma.reopenRequest.findUniqueOrThrow({ where: { id: again.requestId } });
    expect(answered.status).toBe("REOPENED");
    expect(
      await prisma.notification.count({ where: { reopenRequestId: again.requestId, kind: "REOPEN_ANSWERED" } }),
    ).toBeGreaterThan(0);
    // Open again: the delegation may propose in it.
    expect((await propose(firstWords)).refused).toBeNull();
  });

  it("a clause agreed as a whole refuses every delegation's proposal until the chair reopens it", async () => {
    const instrumentId = (await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } })).instrumentId;
    const number = (await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } })).number;
    await setClauseStatus(people.chair.user, { instrumentId, clauseId, status: "AGREED_AD_REF" });
    expect((await propose("For the purposes of this article", "canada")).refused).toBe(
      `Article ${number} is agreed ad referendum; ask the chair to reopen it.`,
    );
    const { requestId } = await requestReopen(people.canada.user, {
      clauseId,
      paragraph: null,
      reason: "Capital review.",
    });
    await answerReopenRequest(people.chair.user, { clauseId, requestId, decision: "REOPEN" });
    expect((await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } })).status).toBe("OPEN");
    expect((await prisma.reopenRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("REOPENED");
    expect((await propose("For the purposes of this article", "canada")).refused).toBeNull();
  });
});

describe("two delegates of one delegation asking at the same moment", () => {
  it("make one request, the other told it was asked already", async () => {
    // Article 33's text, whose paragraph 5 is agreed in the demo.
    const witnesses = await freshClause("Reopen requests at once", "33");
    const legal = await findSessionUser((await authorFor("australia-legal@clausework.demo")).authorId);
    if (!legal) throw new Error("no session user for australia-legal");
    const outcomes = await Promise.allSettled(
      [people.australia.user, legal].map((user) =>
        requestReopen(user, { clauseId: witnesses, paragraph: 5, reason: "Capital review." }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({
      reason: { code: "conflict" },
    });
    expect(await prisma.reopenRequest.count({ where: { clauseId: witnesses } })).toBe(1);
  });
});

describe("the chair agreeing a paragraph while a delegation proposes in it", () => {
  it("never leaves an open proposal in an agreed paragraph: one of the two goes first", async () => {
    // Rounds at slightly different moments: the proposal judged before, during and after.
    for (let round = 0; round < 6; round++) {
      const witnesses = await freshClause(`Agreeing while proposing ${round}`, "33");
      const client = openClause(server.url, witnesses, people.australia.cookie);
      await client.saved();
      const closed = new Promise<void>((resolve) => client.provider.on("close", () => resolve()));
      setTimeout(() => proposeInsertion(client.doc, "The steps referred to", " indeed", people.australia.author), 0);
      await new Promise((resolve) => setTimeout(resolve, round * 3));
      const agreed = await setParagraphStatus(people.chair.user, {
        clauseId: witnesses,
        paragraph: 2,
        status: "AGREED",
      })
        .then(() => true)
        .catch(() => false);
      await Promise.race([client.saved(), closed]);
      client.destroy();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadClauseState(witnesses)) as Uint8Array);
      const second = numberedParagraphs(readClause(doc).blocks)[1].item;
      const proposed = plainText(doc).includes(" indeed");
      expect({ round, agreed: second.status === "AGREED", proposed: proposed && agreed }).toEqual({
        round,
        agreed,
        proposed: false,
      });
    }
  });
});
