// Decisions that reach people, and their undo, on a real PostgreSQL with a real collaboration
// server and real providers: who is told (and who is not), the discussion closing and
// reopening, undo giving back exactly the text of before (marks, authors and times), positions
// counting again, and the refusals — too late, already undone, words edited since, not a chair.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type ClauseClient, eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { countOpenThreads } from "@/lib/comments/count-open-threads";
import { createThread } from "@/lib/comments/create-thread";
import { listNotifications } from "@/lib/comments/list-notifications";
import { listThreads } from "@/lib/comments/list-threads";
import { markNotificationsRead } from "@/lib/comments/mark-notifications-read";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import { isAppError } from "@/lib/errors/app-error";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { decideProposals } from "./decide-proposals";
import { listClauseProposals } from "./list-clause-proposals";
import { takePosition } from "./take-position";
import { freshClause, indexedOpen, type Person, person, shownFingerprints } from "./test-support/decision-room";
import { positionOf, suggestInDoc } from "./test-support/suggest-in-doc";
import { locate, plainText, proposeDeletion, proposeInsertion } from "./test-support/yjs-proposals";
import { ALREADY_UNDONE, EDITED_SINCE, TOO_LATE, UNDO_WINDOW_MS, undoDecision, undoOnClause } from "./undo-decision";

let server: CollabTestServer;
const people = ["chair", "secretariat", "australia", "canada", "germany", "france"] as const;
type Name = (typeof people)[number];
const who = {} as Record<Name, Person & { user: SessionUser }>;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  for (const name of people) {
    const p = await person(`${name}@clausework.demo`);
    const user = await findSessionUser(p.author.authorId);
    if (!user) throw new Error(`no session user for ${name}`);
    who[name] = { ...p, user };
  }
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

/** The clause's stored text with every mark and attribute, as the server would serve it. */
async function storedXml(clauseId: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return doc.getXmlFragment(CLAUSE_FRAGMENT).toString();
}

const xmlOf = (client: ClauseClient) => client.doc.getXmlFragment(CLAUSE_FRAGMENT).toString();

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Notifications about decisions in this clause, as the person's bell shows them. */
async function decisionBell(name: Name, clauseId: string) {
  const { items } = await listNotifications(who[name].user);
  return items.filter(
    (item) => item.clause.id === clauseId && (item.kind === "PROPOSAL_DECIDED" || item.kind === "DECISION_UNDONE"),
  );
}

type Room = { clauseId: string; australia: ClauseClient; chair: ClauseClient; close(): void };

async function openRoom(paragraphs: string[]): Promise<Room> {
  const clauseId = await freshClause(server.url, who.chair, paragraphs);
  const australia = openClause(server.url, clauseId, who.australia.cookie);
  const chair = openClause(server.url, clauseId, who.chair.cookie);
  await Promise.all([australia.saved(), chair.saved()]);
  return {
    clauseId,
    australia,
    chair,
    close: () => {
      australia.destroy();
      chair.destroy();
    },
  };
}

async function decideAll(room: Room, outcome: "ACCEPTED" | "REJECTED", reason?: string) {
  return decideProposals(who.chair.user, {
    clauseId: room.clauseId,
    scope: { all: true },
    outcome,
    reason,
    fingerprints: await shownFingerprints(room.clauseId),
  });
}

describe("a decision reaches people and can be undone", () => {
  it("tells the author, the delegations that took a position and the discussion, closes it, and undo gives back the text exactly", async () => {
    const room = await openRoom(["Each State Party shall adopt measures.", "Victims shall be protected."]);
    const { clauseId } = room;
    const inserted = proposeInsertion(room.australia.doc, "adopt", " appropriate", who.australia.author);
    const deleted = proposeDeletion(room.australia.doc, "shall be", who.australia.author);
    await room.australia.saved();
    await indexedOpen([inserted, deleted]);
    const shown = await shownFingerprints(clauseId);
    await takePosition(who.canada.user, {
      clauseId,
      proposalId: inserted,
      stance: "SUPPORTS",
      fingerprint: shown[inserted],
    });
    const discussion = await createThread(who.germany.user, { clauseId, body: "We doubt this.", proposalId: inserted });
    await eventually(async () => (await storedXml(clauseId)) === xmlOf(room.chair));
    const before = await storedXml(clauseId);

    const { decided, decisionId } = await decideAll(room, "REJECTED", "Not agreed in the informals");
    expect(decided.sort()).toEqual([inserted, deleted].sort());
    await eventually(
      () => plainText(room.australia.doc) === "Each State Party shall adopt measures.\nVictims shall be protected.",
    );

    // Told: the author of both; Canada (a position) and Germany (the discussion) of the one they followed.
    const australiaBell = await decisionBell("australia", clauseId);
    expect(australiaBell.map((n) => n.proposalId).sort()).toEqual([inserted, deleted].sort());
    expect(australiaBell[0]).toMatchObject({
      kind: "PROPOSAL_DECIDED",
      preview: "Rejected by the chair: Not agreed in the informals",
      decision: { outcome: "REJECTED", reason: "Not agreed in the informals", undone: false },
      actor: { organizationCode: "CHAIR" },
      read: false,
    });
    for (const name of ["canada", "germany"] as const) {
      expect((await decisionBell(name, clauseId)).map((n) => n.proposalId)).toEqual([inserted]);
    }
    // Not told: a delegation that did not follow it, and the chair who decided.
    expect(await decisionBell("france", clauseId)).toEqual([]);
    expect(await decisionBell("chair", clauseId)).toEqual([]);

    // The discussion is closed with the outcome, and counts as open no more.
    expect((await countOpenThreads([clauseId])).get(clauseId) ?? 0).toBe(0);
    const [asGermany] = await listThreads(who.germany.user, { clauseId, proposalId: inserted });
    expect(asGermany.id).toBe(discussion.id);
    expect(asGermany.resolved).not.toBeNull();
    expect(asGermany.proposal?.decision).toEqual({ outcome: "REJECTED", reason: "Not agreed in the informals" });
    // Those who took part may reopen it; a delegation that did not may not.
    expect(asGermany.mayReopen).toBe(true);
    const [asFrance] = await listThreads(who.france.user, { clauseId, proposalId: inserted });
    expect(asFrance.mayReopen).toBe(false);

    // Germany has read of it; Australia has not.
    await markNotificationsRead(who.germany.user, { all: true });

    // Another chair of the instrument undoes it.
    const { restored } = await undoDecision(who.secretariat.user, { clauseId, decisionId });
    expect(restored.sort()).toEqual([inserted, deleted].sort());
    expect(await storedXml(clauseId)).toBe(before);
    await eventually(() => xmlOf(room.australia) === before && xmlOf(room.chair) === before);
    const proposals = await listClauseProposals(clauseId);
    const byId = new Map(proposals.map((p) => [p.id, p]));
    expect(byId.get(inserted)?.status).toBe("OPEN");
    expect(byId.get(deleted)?.status).toBe("OPEN");
    // Canada's position counts again: the words it was given on are back.
    expect(byId.get(inserted)?.positions).toEqual([expect.objectContaining({ stance: "SUPPORTS", current: true })]);
    expect(byId.get(inserted)?.decisions.at(-1)?.undone?.by).toBe(who.secretariat.user.name);
    // The index agrees once it has read the restored text.
    await indexedOpen([inserted, deleted]);

    // The discussion is open again.
    expect((await countOpenThreads([clauseId])).get(clauseId)).toBe(1);
    // Unread news of the decision is gone; who read it is told it was undone.
    expect(await decisionBell("australia", clauseId)).toEqual([]);
    expect((await decisionBell("germany", clauseId)).map((n) => n.kind)).toEqual([
      "DECISION_UNDONE",
      "PROPOSAL_DECIDED",
    ]);
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "proposal.decision-undone", targetId: clauseId },
    });
    expect(audit?.actorUserId).toBe(who.secretariat.user.id);
    // The clause's history has the decision's version and its undoing's, with the proposals open again.
    const versions = await prisma.clauseVersion.findMany({ where: { clauseId }, orderBy: { createdAt: "asc" } });
    expect(versions.map((v) => v.name)).toEqual(["2 proposals rejected", "2 proposals rejected, undone"]);
    const reopened = versions[1].openProposals as { id: string }[];
    expect(reopened.map((p) => p.id).sort()).toEqual([inserted, deleted].sort());
    expect(versions[0].openProposals).toEqual([]);

    expect(await refusal(undoDecision(who.chair.user, { clauseId, decisionId }))).toBe(ALREADY_UNDONE);
    room.close();
  });

  for (const outcome of ["ACCEPTED", "REJECTED"] as const) {
    it(`gives back exactly the text of before after ${outcome.toLowerCase()} paragraph breaks, a new paragraph and a replacement`, async () => {
      const room = await openRoom([
        "Each State Party shall adopt such measures as may be necessary.",
        "Such measures shall respect the rights of victims.",
      ]);
      const { clauseId } = room;
      const made = [
        ...suggestInDoc(room.australia.doc, who.australia.author, (tr, root) =>
          tr.split(positionOf(root, " the rights")),
        ),
        ...suggestInDoc(room.australia.doc, who.australia.author, (tr, root) =>
          tr.insertText("required", positionOf(root, "necessary"), positionOf(root, "necessary") + "necessary".length),
        ),
        ...suggestInDoc(room.australia.doc, who.australia.author, (tr, root) => {
          const end = positionOf(root, "victims.") + "victims.".length;
          tr.split(end);
          tr.insertText("A proposed paragraph.", end + 2);
        }),
      ];
      await room.australia.saved();
      await indexedOpen([...new Set(made)]);
      await eventually(async () => (await storedXml(clauseId)) === xmlOf(room.chair));
      const before = await storedXml(clauseId);
      const { decisionId } = await decideAll(room, outcome);
      await eventually(
        async () => (await storedXml(clauseId)) !== before && xmlOf(room.chair) === (await storedXml(clauseId)),
      );
      await undoDecision(who.chair.user, { clauseId, decisionId });
      expect(await storedXml(clauseId)).toBe(before);
      await eventually(() => xmlOf(room.australia) === before && xmlOf(room.chair) === before);
      await indexedOpen([...new Set(made)]);
      room.close();
    });
  }

  it("undoes a decision while others type in other paragraphs, keeping their words", async () => {
    const room = await openRoom(["Each State Party shall adopt measures.", "Victims shall be protected."]);
    const { clauseId } = room;
    const id = proposeInsertion(room.australia.doc, "adopt", " appropriate", who.australia.author);
    await room.australia.saved();
    await indexedOpen([id]);
    const firstBefore = (await storedXml(clauseId)).split("</paragraph>")[0];
    const { decisionId } = await decideAll(room, "ACCEPTED");
    await eventually(() => plainText(room.chair.doc).startsWith("Each State Party shall adopt appropriate measures."));
    // The chair types in the other paragraph.
    const { text, index } = locate(room.chair.doc, "protected");
    text.insert(index + "protected".length, " at all times");
    await room.chair.saved();

    await undoDecision(who.chair.user, { clauseId, decisionId });
    await eventually(
      () =>
        plainText(room.chair.doc) ===
        "Each State Party shall adopt appropriate measures.\nVictims shall be protected at all times.",
    );
    const after = await storedXml(clauseId);
    expect(after.split("</paragraph>")[0]).toBe(firstBefore);
    expect(after).toContain("protected at all times");
    room.close();
  });

  it("refuses to undo once the words were edited since, too late, or for a delegate — and changes nothing", async () => {
    const room = await openRoom(["Each State Party shall adopt measures.", "Victims shall be protected."]);
    const { clauseId } = room;
    const id = proposeInsertion(room.australia.doc, "adopt", " appropriate", who.australia.author);
    await room.australia.saved();
    await indexedOpen([id]);
    const { decisionId } = await decideAll(room, "ACCEPTED", "Agreed");
    await eventually(() => plainText(room.chair.doc).startsWith("Each State Party shall adopt appropriate"));

    // Not a chair.
    const forbidden = await refusal(undoDecision(who.australia.user, { clauseId, decisionId }));
    expect(forbidden).not.toBe("");
    // Too late.
    const decision = await prisma.chairDecision.findUniqueOrThrow({ where: { id: decisionId } });
    const late = new Date(decision.createdAt.getTime() + UNDO_WINDOW_MS + 1_000);
    const undoAs = (now?: Date) =>
      undoOnClause({ clauseId, decisionId, by: who.chair.user, instrumentId: null, collab: server.collab, now });
    expect(await refusal(undoAs(late))).toBe(TOO_LATE);

    // Someone types in the decided paragraph: the undo would misplace their words.
    const { text, index } = locate(room.chair.doc, "measures");
    text.insert(index, "effective ");
    await room.chair.saved();
    const edited = await storedXml(clauseId);
    expect(await refusal(undoAs())).toBe(EDITED_SINCE);
    expect(await storedXml(clauseId)).toBe(edited);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("ACCEPTED");
    expect((await prisma.chairDecision.findUniqueOrThrow({ where: { id: decisionId } })).undoneAt).toBeNull();
    room.close();
  });

  it("closes the discussion of a withdrawn proposal, and opens it again when the withdrawal is undone", async () => {
    const room = await openRoom(["Each State Party shall adopt measures."]);
    const { clauseId } = room;
    const id = proposeInsertion(room.australia.doc, "adopt", " appropriate", who.australia.author);
    await room.australia.saved();
    await indexedOpen([id]);
    const thread = await createThread(who.germany.user, { clauseId, body: "Why?", proposalId: id });

    const fragment = room.australia.doc.getXmlFragment(CLAUSE_FRAGMENT);
    const withdrawing = Symbol("withdraw");
    const history = new Y.UndoManager(fragment, { trackedOrigins: new Set([withdrawing]) });
    decideInFragment(fragment, new Set([id]), "REJECTED", withdrawing);
    await room.australia.saved();
    await eventually(async () => {
      const row = await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } });
      return row.resolvedAt !== null && row.closedOnWithdrawal;
    });
    const [closed] = await listThreads(who.germany.user, { clauseId, proposalId: id });
    expect(closed.proposal?.status).toBe("WITHDRAWN");
    expect(closed.mayReopen).toBe(true);

    history.undo();
    await room.australia.saved();
    await eventually(
      async () => (await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).resolvedAt === null,
    );
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    history.destroy();
    room.close();
  });

  it("lets a participant reopen a discussion the decision closed; it then stays open when the decision is undone", async () => {
    const room = await openRoom(["Each State Party shall adopt measures."]);
    const { clauseId } = room;
    const id = proposeInsertion(room.australia.doc, "adopt", " appropriate", who.australia.author);
    await room.australia.saved();
    await indexedOpen([id]);
    const thread = await createThread(who.germany.user, { clauseId, body: "Why?", proposalId: id });
    const { decisionId } = await decideAll(room, "REJECTED");
    const reopened = await setThreadResolved(who.germany.user, { clauseId, threadId: thread.id, resolved: false });
    expect(reopened.resolved).toBeNull();
    await undoDecision(who.chair.user, { clauseId, decisionId });
    const comments = await prisma.comment.findMany({ where: { threadId: thread.id }, orderBy: { createdAt: "asc" } });
    // Comment, closed by the decision, reopened by Germany — and nothing more from the undo.
    expect(comments.map((c) => c.kind)).toEqual(["COMMENT", "RESOLVED", "REOPENED"]);
    room.close();
  });
});
