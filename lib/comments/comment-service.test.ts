// The comment service on a real PostgreSQL, with a real collaboration server and real
// providers: threads, replies, edits, deletions, resolutions, permissions, mentions,
// notifications, live anchors and detached threads.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { ClauseContext } from "@/lib/clauses/clause-context";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import { STATUS_FOR } from "@/lib/doors/error-status";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { isAppError } from "@/lib/errors/app-error";
import { listClauseProposals } from "@/lib/proposals/list-clause-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { countOpenThreads } from "./count-open-threads";
import * as commands from "./create-thread";
import * as deletion from "./delete-comment";
import * as editing from "./edit-comment";
import { listMentionCandidates } from "./list-mention-candidates";
import { listNotifications } from "./list-notifications";
import * as listing from "./list-threads";
import * as reading from "./mark-notifications-read";
import { mentionToken } from "./mentions";
import * as replying from "./reply-to-thread";
import * as resolving from "./resolve-thread";
import { anchoredText, plainText, selectWords } from "./test-clause-doc";

const WORDS = "shield from reprisals and intimidation";
let server: CollabTestServer;
let clauseId: string;
let otherClauseId: string;

async function contextFor(email: string, clause = clauseId): Promise<ClauseContext> {
  const { id } = await prisma.user.findUniqueOrThrow({ where: { email } });
  const user = await findSessionUser(id);
  if (!user) throw new Error(`no session user for ${email}`);
  const access = await findClauseAccess(user, clause);
  if (!access) throw new Error("no clause");
  return { user, actor: access.actor, clause: access.clause, target: access.target };
}
const as = (name: string) => contextFor(`${name}@clausework.demo`);

/** The bell of the person with this id, as the notifications route shows it to them. */
async function bellOf(userId: string) {
  const user = await findSessionUser(userId);
  if (!user) throw new Error(`no session user ${userId}`);
  return listNotifications(user);
}

// The commands take the person and what the request names; these read the tests in the words
// of one person facing one clause.
type Words = { body: string; anchor?: { from: string; to: string }; proposalId?: string };
const createThread = (ctx: ClauseContext, input: Words) =>
  commands.createThread(ctx.user, { clauseId: ctx.clause.id, ...input });
const replyToThread = (ctx: ClauseContext, threadId: string, { body }: { body: string }) =>
  replying.replyToThread(ctx.user, { clauseId: ctx.clause.id, threadId, body });
const editComment = (ctx: ClauseContext, threadId: string, commentId: string, { body }: { body: string }) =>
  editing.editComment(ctx.user, { clauseId: ctx.clause.id, threadId, commentId, body });
const deleteComment = (ctx: ClauseContext, threadId: string, commentId: string) =>
  deletion.deleteComment(ctx.user, { clauseId: ctx.clause.id, threadId, commentId });
const setThreadResolved = (ctx: ClauseContext, threadId: string, resolved: boolean) =>
  resolving.setThreadResolved(ctx.user, { clauseId: ctx.clause.id, threadId, resolved });
const listThreads = (ctx: ClauseContext, options: { proposalId?: string } = {}) =>
  listing.listThreads(ctx.user, { clauseId: ctx.clause.id, ...options });
const markNotificationsRead = async (userId: string, which: reading.TMarkNotificationsRead) => {
  const user = await findSessionUser(userId);
  if (!user) throw new Error(`no session user ${userId}`);
  return reading.markNotificationsRead(user, which);
};

/** The refusal, with the status a door answers it with. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: STATUS_FOR[error.code], message: error.message };
    const issues = (error as { issues?: { message: string }[] }).issues;
    if (issues) return { status: 400, message: issues.map((issue) => issue.message).join("; ") };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function storedDoc(clause = clauseId): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clause)) as Uint8Array);
  return doc;
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "comments-test-secret";
  await seedIfEmpty(prisma);
  clauseId = (await prisma.clause.findFirstOrThrow({ where: { title: "Protection of witnesses" } })).id;
  otherClauseId = (
    await prisma.clause.findFirstOrThrow({ where: { title: "Assistance to and protection of victims" } })
  ).id;
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

describe("threads on the exact wording", () => {
  it("anchors a thread on the selected words, in the stored document and live for everyone in the clause", async () => {
    const watcher = openClause(server.url, clauseId, await sessionCookie((await as("canada")).user.id));
    await watcher.saved();
    const events: string[] = [];
    watcher.provider.on("stateless", ({ payload }: { payload: string }) => events.push(JSON.parse(payload).type));

    // The observer holds a read-only connection, yet may comment: the server places the mark.
    const observer = await as("observer");
    const thread = await createThread(observer, {
      body: "Shielding should extend to online harassment.",
      anchor: selectWords(await storedDoc(), WORDS),
    });
    expect(thread).toMatchObject({
      quote: WORDS,
      detached: false,
      author: { name: "Nia Okafor", organizationCode: "LARKSPUR" },
      comments: [{ body: "Shielding should extend to online harassment.", kind: "COMMENT" }],
    });
    expect(anchoredText(await storedDoc()).get(thread.id)).toBe(WORDS);
    await eventually(() => anchoredText(watcher.doc).get(thread.id) === WORDS);
    await eventually(() => events.includes("thread.created"));
    watcher.destroy();
  });

  it("lands the anchor on the right words although others typed after the selection was made", async () => {
    const range = selectWords(await storedDoc(), "members of the witness’s family");
    const typist = openClause(server.url, clauseId, await sessionCookie((await as("chair")).user.id));
    await typist.saved();
    const paragraph = typist.doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
    const firstText = (paragraph.toArray()[0] as Y.XmlElement).toArray()[0] as Y.XmlElement;
    (firstText.toArray()[0] as Y.XmlText).insert(0, "Concurrently typed words. ");
    await typist.saved();
    const thread = await createThread(await as("australia"), { body: "Define family.", anchor: range });
    expect(thread.quote).toBe("members of the witness’s family");
    expect(anchoredText(await storedDoc()).get(thread.id)).toBe("members of the witness’s family");
    expect(plainText(await storedDoc())).toContain("Concurrently typed words. Each State Party");
    typist.destroy();
  });

  it("starts a thread on the whole clause", async () => {
    const chair = await as("chair");
    const whole = await createThread(chair, { body: "General remarks on article 33." });
    expect(whole).toMatchObject({ quote: null, proposalId: null, proposal: null });
    expect((await listThreads(chair)).map((t) => t.id)).toContain(whole.id);
  });

  it("discusses a proposal in one thread, tells its author, and shows it on the proposal", async () => {
    const australia = await as("australia");
    const proposalId = randomUUID();
    await prisma.proposal.create({
      data: {
        id: proposalId,
        clauseId,
        kind: "REPLACEMENT",
        insertedText: "any person who cooperates",
        deletedText: "witnesses",
        authorId: australia.user.id,
        organizationId: australia.user.organizationId,
        proposedAt: new Date(),
      },
    });
    const canada = await as("canada");
    const first = await createThread(canada, { body: "Too broad for us.", proposalId });
    expect(first).toMatchObject({
      proposalId,
      quote: null,
      proposal: { kind: "REPLACEMENT", status: "OPEN", insertedText: "any person who cooperates" },
    });
    expect(first.proposal?.delegation.code).toBe(australia.user.organizationCode);
    // A second "Discuss" (here by the chair) joins the same thread instead of starting another.
    const second = await createThread(await as("chair"), { body: "Let us hear Australia.", proposalId });
    expect(second.id).toBe(first.id);
    expect(second.comments.map((c) => c.body)).toEqual(["Too broad for us.", "Let us hear Australia."]);
    expect((await listThreads(canada, { proposalId })).map((t) => t.id)).toEqual([first.id]);
    const told = await listNotifications(australia.user);
    expect(told.items.filter((n) => n.threadId === first.id).length).toBeGreaterThan(0);
    const [listed] = (await listClauseProposals(clauseId)).filter((p) => p.id === proposalId);
    expect(listed.discussion).toEqual({ threadId: first.id, comments: 2, resolved: false });
  });

  it("refuses to discuss a proposal of another clause, an unknown one, or words and a proposal at once", async () => {
    const canada = await as("canada");
    const elsewhere = randomUUID();
    await prisma.proposal.create({
      data: {
        id: elsewhere,
        clauseId: otherClauseId,
        kind: "INSERTION",
        insertedText: "online",
        authorId: canada.user.id,
        organizationId: canada.user.organizationId,
        proposedAt: new Date(),
      },
    });
    const before = await prisma.comment.count();
    expect(await refusal(createThread(canada, { body: "Here?", proposalId: elsewhere }))).toMatchObject({
      status: 404,
      message: expect.stringMatching(/not in this clause/),
    });
    expect((await refusal(createThread(canada, { body: "Here?", proposalId: randomUUID() }))).status).toBe(404);
    const both = createThread(canada, {
      body: "Both?",
      proposalId: elsewhere,
      anchor: selectWords(await storedDoc(), WORDS),
    });
    expect((await refusal(both)).status).toBe(400);
    expect(await prisma.comment.count()).toBe(before);
  });

  it("refuses empty and over-long comments, and stores nothing", async () => {
    const canada = await as("canada");
    const before = await prisma.comment.count();
    expect((await refusal(createThread(canada, { body: "   " }))).message).toMatch(/write a comment/i);
    expect((await refusal(createThread(canada, { body: "x".repeat(10_001) }))).message).toMatch(/at most 10,000/);
    const thread = (await listThreads(canada))[0];
    expect((await refusal(replyToThread(canada, thread.id, { body: "" }))).status).toBe(400);
    expect(await prisma.comment.count()).toBe(before);
  });

  it("refuses a selection whose words are gone, and stores nothing", async () => {
    const before = await prisma.commentThread.count();
    const bogus = { from: "AQIDBA==", to: "AQIDBQ==" };
    expect(
      (await refusal(createThread(await as("canada"), { body: "On these words", anchor: bogus }))).message,
    ).toMatch(/no longer in the clause/);
    expect(await prisma.commentThread.count()).toBe(before);
  });

  it("keeps markup in a comment as plain text", async () => {
    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const thread = await createThread(await as("canada"), { body: payload });
    expect(thread.comments[0].body).toBe(payload);
  });
});

describe("the discussion", () => {
  it("keeps replies in order, edits shown as edited, deletions as markers, resolution with who and when", async () => {
    const australia = await as("australia");
    const canada = await as("canada");
    const chair = await as("chair");
    let thread = await createThread(australia, { body: "Is 'appropriate' too weak?" });
    thread = await replyToThread(canada, thread.id, { body: "We think it is fine." });
    thread = await replyToThread(australia, thread.id, { body: "We would prefer 'effective'." });
    expect(thread.comments.map((c) => c.author.organizationCode)).toEqual(["AUS", "CAN", "AUS"]);

    thread = await editComment(canada, thread.id, thread.comments[1].id, { body: "We think it is adequate." });
    expect(thread.comments[1]).toMatchObject({ body: "We think it is adequate." });
    expect(thread.comments[1].editedAt).not.toBeNull();

    thread = await deleteComment(australia, thread.id, thread.comments[2].id);
    expect(thread.comments[2]).toMatchObject({ deleted: true, body: "" });
    expect(thread.comments).toHaveLength(3);

    thread = await setThreadResolved(chair, thread.id, true);
    expect(thread.resolved?.by).toBe("Inés Valderrama (CHAIR)");
    expect(thread.comments.at(-1)).toMatchObject({ kind: "RESOLVED", author: { organizationCode: "CHAIR" } });
    expect((await refusal(replyToThread(canada, thread.id, { body: "Late." }))).message).toMatch(/resolved/);
    thread = await setThreadResolved(australia, thread.id, false);
    expect(thread.resolved).toBeNull();
    expect(thread.comments.at(-1)).toMatchObject({ kind: "REOPENED", author: { organizationCode: "AUS" } });
  });

  it("keeps both replies when two people reply at the same moment", async () => {
    const thread = await createThread(await as("france"), { body: "Which age applies?" });
    const [a, b] = await Promise.all([
      replyToThread(await as("germany"), thread.id, { body: "Under 18." }),
      replyToThread(await as("eu"), thread.id, { body: "National age of consent." }),
    ]);
    expect(a.id).toBe(b.id);
    const stored = (await listThreads(await as("france"))).find((t) => t.id === thread.id);
    expect(stored?.comments.map((c) => c.body).sort()).toEqual([
      "National age of consent.",
      "Under 18.",
      "Which age applies?",
    ]);
  });

  it("counts open threads per clause", async () => {
    const counts = await countOpenThreads([clauseId, otherClauseId]);
    const open = await prisma.commentThread.count({ where: { clauseId, resolvedAt: null } });
    expect(counts.get(clauseId)).toBe(open);
    expect(counts.get(otherClauseId)).toBeUndefined();
  });
});

describe("permissions", () => {
  it("lets only the author edit or delete a comment — not the chair", async () => {
    const thread = await createThread(await as("canada"), { body: "Canada's view." });
    const commentId = thread.comments[0].id;
    for (const other of ["australia", "chair"]) {
      const ctx = await as(other);
      expect((await refusal(editComment(ctx, thread.id, commentId, { body: "Rewritten" }))).status).toBe(403);
      expect((await refusal(deleteComment(ctx, thread.id, commentId))).status).toBe(403);
    }
    expect(thread.comments[0].mayEdit).toBe(true);
    const seenByAustralia = (await listThreads(await as("australia"))).find((t) => t.id === thread.id);
    expect(seenByAustralia?.comments[0]).toMatchObject({ mayEdit: false, mayDelete: false });
  });

  it("lets the thread's author and the chair resolve, and nobody else", async () => {
    const thread = await createThread(await as("canada"), { body: "To resolve." });
    expect((await refusal(setThreadResolved(await as("australia"), thread.id, true))).status).toBe(403);
    expect((await setThreadResolved(await as("canada"), thread.id, true)).resolved).not.toBeNull();
    expect((await refusal(setThreadResolved(await as("australia"), thread.id, false))).status).toBe(403);
    expect((await setThreadResolved(await as("secretariat"), thread.id, false)).resolved).toBeNull();
  });

  it("lets readers see threads but not write", async () => {
    const press = await as("press");
    expect((await listThreads(press)).length).toBeGreaterThan(0);
    expect((await refusal(createThread(press, { body: "Press question" }))).status).toBe(403);
    const thread = (await listThreads(press))[0];
    expect(thread.mayReply).toBe(false);
    expect((await refusal(replyToThread(press, thread.id, { body: "Hello" }))).status).toBe(403);
  });

  it("silences observers when the instrument makes them read-only", async () => {
    const instrumentId = (await as("observer")).clause.instrumentId;
    await prisma.instrument.update({ where: { id: instrumentId }, data: { observersMayComment: false } });
    try {
      const observer = await as("observer");
      expect((await refusal(createThread(observer, { body: "Not allowed" }))).status).toBe(403);
      const thread = (await listThreads(observer))[0];
      expect((await refusal(replyToThread(observer, thread.id, { body: "Not allowed" }))).status).toBe(403);
    } finally {
      await prisma.instrument.update({ where: { id: instrumentId }, data: { observersMayComment: true } });
    }
  });

  it("answers a thread of another clause, or an unknown one, as not found", async () => {
    const elsewhere = await createThread(await contextFor("canada@clausework.demo", otherClauseId), {
      body: "Elsewhere",
    });
    const canada = await as("canada");
    for (const id of [elsewhere.id, "00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      expect((await refusal(replyToThread(canada, id, { body: "Hi" }))).status).toBe(404);
      expect((await refusal(setThreadResolved(canada, id, true))).status).toBe(404);
      expect((await refusal(editComment(canada, id, elsewhere.comments[0].id, { body: "x" }))).status).toBe(404);
    }
    const mine = await createThread(canada, { body: "Here" });
    // A comment id from another thread is not found either.
    expect((await refusal(editComment(canada, mine.id, elsewhere.comments[0].id, { body: "x" }))).status).toBe(404);
  });
});

describe("mentions and notifications", () => {
  it("offers the people and delegations taking part in the instrument", async () => {
    const candidates = await listMentionCandidates((await as("canada")).clause.instrumentId);
    expect(candidates).toContainEqual(
      expect.objectContaining({ kind: "user", label: "Chloe Whitfield", detail: "AUS" }),
    );
    // A delegation is mentioned by its name; its code is what else the list shows (and finds).
    expect(candidates).toContainEqual(
      expect.objectContaining({ kind: "org", label: "Caribbean Community (CARICOM)", detail: "CARICOM" }),
    );
    expect(candidates).toContainEqual(expect.objectContaining({ kind: "org", label: "Canada", detail: "CAN" }));
  });

  it("tells a mentioned person, every member of a mentioned delegation, and earlier participants", async () => {
    const users = Object.fromEntries(
      (await prisma.user.findMany()).map((user) => [user.email.split("@")[0], user.id] as const),
    );
    const aus = await prisma.organization.findUniqueOrThrow({ where: { code: "AUS" } });
    const outsiderOrg = await prisma.organization.create({
      data: { name: "Outsiders", code: `OUT${Date.now()}`, kind: "OBSERVER", colour: "#555555" },
    });
    const outsider = await prisma.user.create({
      data: {
        email: `out-${Date.now()}@example.org`,
        name: "Out",
        memberships: { create: { organizationId: outsiderOrg.id } },
      },
    });

    const body = `${mentionToken("user", users.jamaica, "Andre Campbell")} and ${mentionToken("org", aus.id, "AUS")}, see ${mentionToken("user", outsider.id, "Out")} ${mentionToken("user", users.canada, "me")}`;
    const thread = await createThread(await as("canada"), { body });
    const told = await prisma.notification.findMany({ where: { threadId: thread.id } });
    expect(told.map((n) => n.userId).sort()).toEqual([users.jamaica, users.australia, users["australia-legal"]].sort());
    expect(told.every((n) => n.kind === "MENTION")).toBe(true);

    // A reply tells those who took part before (not the replier).
    await replyToThread(await as("jamaica"), thread.id, { body: "Noted." });
    const canadaSees = await bellOf(users.canada);
    expect(canadaSees.items[0]).toMatchObject({
      kind: "REPLY",
      threadId: thread.id,
      preview: "Noted.",
      actor: { name: "Andre Campbell", organizationCode: "JAM" },
      read: false,
    });

    const jamaica = await bellOf(users.jamaica);
    expect(jamaica.unread).toBeGreaterThan(0);
    expect(jamaica.items[0].preview).toContain("@Andre Campbell and @AUS");
    await markNotificationsRead(users.jamaica, { ids: [jamaica.items[0].id] });
    expect((await bellOf(users.jamaica)).unread).toBe(jamaica.unread - 1);
    await markNotificationsRead(users.jamaica, { all: true });
    expect((await bellOf(users.jamaica)).unread).toBe(0);
    // Nobody can mark someone else's notifications.
    const australiaBefore = (await bellOf(users.australia)).unread;
    await markNotificationsRead(users.jamaica, {
      ids: (await bellOf(users.australia)).items.map((n) => n.id),
    });
    expect((await bellOf(users.australia)).unread).toBe(australiaBefore);
  });

  it("hides the notifications of a clause restricted away from the person, until access comes back", async () => {
    const canada = await as("canada");
    const australia = await as("australia");
    const chair = await as("chair");
    const thread = await createThread(australia, {
      body: `${mentionToken("user", canada.user.id, canada.user.name)} and ${mentionToken("user", chair.user.id, chair.user.name)}, please look.`,
    });
    const before = await listNotifications(canada.user);
    expect(before.items.map((n) => n.threadId)).toContain(thread.id);
    await prisma.clauseRestriction.create({ data: { clauseId, organizationId: australia.user.organizationId } });
    try {
      const hidden = await listNotifications(canada.user);
      expect(hidden.items.map((n) => n.threadId)).not.toContain(thread.id);
      expect(hidden.items.every((n) => n.clause.id !== clauseId)).toBe(true);
      expect(hidden.unread).toBeLessThan(before.unread);
      // The chair sees every clause, restricted or not.
      expect((await listNotifications(chair.user)).items.map((n) => n.threadId)).toContain(thread.id);
    } finally {
      await prisma.clauseRestriction.delete({
        where: { clauseId_organizationId: { clauseId, organizationId: australia.user.organizationId } },
      });
    }
    expect((await listNotifications(canada.user)).items.map((n) => n.threadId)).toContain(thread.id);
  });

  it("tells people newly mentioned by an edit once, and forgets a deleted comment", async () => {
    const users = Object.fromEntries((await prisma.user.findMany()).map((u) => [u.email.split("@")[0], u.id] as const));
    const canada = await as("canada");
    const thread = await createThread(canada, { body: "No one yet." });
    const edited = await editComment(canada, thread.id, thread.comments[0].id, {
      body: `Now ${mentionToken("user", users.france, "Camille Roussel")}`,
    });
    await editComment(canada, thread.id, thread.comments[0].id, {
      body: `Still ${mentionToken("user", users.france, "Camille Roussel")}`,
    });
    expect(await prisma.notification.count({ where: { threadId: edited.id, userId: users.france } })).toBe(1);
    await deleteComment(canada, thread.id, thread.comments[0].id);
    expect(await prisma.notification.count({ where: { threadId: edited.id } })).toBe(0);
  });
});

describe("detached threads", () => {
  it("are marked detached when their words are deleted, keep their quote, and attach again on undo", async () => {
    const words = "Rules of evidence";
    const thread = await createThread(await as("philippines"), {
      body: "Whose rules?",
      anchor: selectWords(await storedDoc(), words),
    });
    const editor = openClause(server.url, clauseId, await sessionCookie((await as("chair")).user.id));
    await editor.saved();
    await eventually(() => anchoredText(editor.doc).get(thread.id) === words);

    // Delete exactly the anchored words through the editor's own document.
    const undo = new Y.UndoManager(editor.doc.getXmlFragment(CLAUSE_FRAGMENT));
    const findText = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText && child.toString().includes(words)) return child;
        if (child instanceof Y.XmlElement) {
          const found = findText(child);
          if (found) return found;
        }
      }
      return null;
    };
    const text = findText(editor.doc.getXmlFragment(CLAUSE_FRAGMENT)) as Y.XmlText;
    const plain = text
      .toDelta()
      .map((op: { insert: string }) => op.insert)
      .join("");
    text.delete(plain.indexOf(words), words.length);
    await editor.saved();

    await eventually(
      async () => (await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).detachedAt !== null,
    );
    const detached = (await listThreads(await as("philippines"))).find((t) => t.id === thread.id);
    expect(detached).toMatchObject({ detached: true, quote: words });

    undo.undo();
    await editor.saved();
    await eventually(
      async () => (await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).detachedAt === null,
    );
    editor.destroy();
  });
});
