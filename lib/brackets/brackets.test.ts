// Square brackets on the real collaboration server, with real providers over a websocket and a
// real PostgreSQL: a delegation brackets words through the server's command and everyone sees
// the mark at once, with its row, audit entry and count; the chair removes it, which is recorded
// in the clause's history; every bracket a client writes itself — forged delegation, removing or
// altering another's, a bracket on proposed words, bad attributes, from a delegate or the chair's
// own client — is refused with nothing stored.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { readClause } from "@/lib/clause-model/read-clause";
import { appendClauseUpdate, loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type ClauseClient, eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { selectWords } from "@/lib/comments/test-clause-doc";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { AppError } from "@/lib/errors/app-error";
import { isRefusedEdit } from "@/lib/proposals/refused-edit-message";
import { freshClause, type Person, person } from "@/lib/proposals/test-support/decision-room";
import { locate, proposeDeletion, stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { bracketRemovals } from "./bracket-removals";
import { bracketSelection } from "./bracket-words";
import { bracketsInClause } from "./brackets-in-clause";
import { MAX_OPEN_BRACKETS, placeBracket } from "./place-bracket";
import { removeBracket } from "./remove-bracket";
import { countOpenBrackets } from "./sync-brackets";

let server: CollabTestServer;
let chair: Person;
let australia: Person;
let canada: Person;
const as: Record<"chair" | "secretariat" | "australia" | "canada" | "observer", SessionUser> = {} as never;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  [chair, australia, canada] = await Promise.all(
    ["chair", "australia", "canada"].map((n) => person(`${n}@clausework.demo`)),
  );
  for (const name of ["chair", "secretariat", "australia", "canada", "observer"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    as[name] = (await findSessionUser(id)) as SessionUser;
  }
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

async function storedDoc(clauseId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadClauseState(clauseId);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

const bracketsOf = (doc: Y.Doc) => bracketsInClause(readClause(doc).blocks);

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
  );

/** A clause of the test's own with one bracket Canada placed on "all victims". */
async function bracketedClause(): Promise<{ clauseId: string; bracketId: string }> {
  const clauseId = await freshClause(server.url, chair, ["States shall protect all victims and witnesses."]);
  const { bracketId } = await placeBracket(as.canada, {
    clauseId,
    ...selectWords(await storedDoc(clauseId), "all victims"),
    note: "Too broad.",
  });
  return { clauseId, bracketId };
}

/** The Yjs attribute key a bracket is stored under in this text (`bracket--<hash>`). */
function bracketKey(doc: Y.Doc, words: string): string {
  const { text } = locate(doc, words);
  for (const op of text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
    const key = Object.keys(op.attributes ?? {}).find((k) => k.startsWith("bracket"));
    if (key && op.insert.includes(words)) return key;
  }
  throw new Error(`no bracket on "${words}"`);
}

/** Sends `tamper` as `who` and expects it refused: told, nothing stored, the others unchanged. */
async function expectRefused(clauseId: string, who: Person, tamper: (doc: Y.Doc) => void) {
  const sender = openClause(server.url, clauseId, who.cookie);
  const watcher = openClause(server.url, clauseId, (who === australia ? canada : australia).cookie);
  await Promise.all([sender.saved(), watcher.saved()]);
  const lastRow = await prisma.clauseUpdate.findFirst({ where: { clauseId }, orderBy: { id: "desc" } });
  const before = (await storedDoc(clauseId)).getXmlFragment(CLAUSE_FRAGMENT).toString();
  const closed = new Promise<void>((resolve) => sender.provider.on("close", () => resolve()));
  const told: string[] = [];
  sender.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
  tamper(sender.doc);
  await closed;
  expect(told.some(isRefusedEdit)).toBe(true);
  expect(await prisma.clauseUpdate.count({ where: { clauseId, id: { gt: lastRow?.id ?? 0n } } })).toBe(0);
  expect((await storedDoc(clauseId)).getXmlFragment(CLAUSE_FRAGMENT).toString()).toBe(before);
  expect(watcher.doc.getXmlFragment(CLAUSE_FRAGMENT).toString()).toBe(before);
  sender.destroy();
  watcher.destroy();
}

function bracketAttrs(by: Person, id: string = randomUUID()) {
  return {
    id,
    organizationId: by.author.organizationId,
    organizationCode: by.author.organizationCode,
    personId: by.author.authorId,
    personName: by.author.authorName,
    at: new Date().toISOString(),
    note: null,
  };
}

describe("placing a bracket", () => {
  it("brackets the words for everyone at once, stamped by the server, with its row, audit entry and count", async () => {
    const clauseId = await freshClause(server.url, chair, ["States shall protect all victims and witnesses."]);
    const watcher: ClauseClient = openClause(server.url, clauseId, australia.cookie);
    await watcher.saved();
    const before = Date.now();
    const { bracketId, quote } = await placeBracket(as.canada, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "all victims"),
      note: "Too broad.",
    });
    expect(quote).toBe("all victims");
    // Live: the mark reaches an open client through the collaboration server.
    await eventually(async () => bracketsOf(watcher.doc).length === 1);
    const [bracket] = bracketsOf(watcher.doc);
    expect(bracket).toMatchObject({
      id: bracketId,
      words: "all victims",
      organizationCode: "CAN",
      personId: as.canada.id,
      personName: as.canada.name,
      note: "Too broad.",
    });
    expect(Date.parse(bracket.at)).toBeGreaterThanOrEqual(before - 1000);
    // Stored, counted, audited.
    expect(bracketsOf(await storedDoc(clauseId)).map((b) => b.id)).toEqual([bracketId]);
    expect((await countOpenBrackets([clauseId])).get(clauseId)).toBe(1);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "bracket.placed", targetId: clauseId } });
    expect(audit?.actorUserId).toBe(as.canada.id);
    watcher.destroy();
  });

  it("covers agreed words within one paragraph only, and refuses people who may not bracket", async () => {
    const clauseId = await freshClause(server.url, chair, ["First paragraph.", "Second paragraph."]);
    const doc = await storedDoc(clauseId);
    const across = { from: selectWords(doc, "paragraph.").from, to: selectWords(doc, "Second").to };
    expect(await refusal(placeBracket(as.australia, { clauseId, ...across }))).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("one paragraph"),
    });
    // Words Australia itself proposed are a proposal, not agreed text.
    const client = openClause(server.url, clauseId, australia.cookie);
    await client.saved();
    const { text, index } = locate(client.doc, "First");
    text.insert(index, "Proposed ", { insertion: stamp(australia.author, randomUUID()) });
    await client.saved();
    client.destroy();
    expect(
      await refusal(placeBracket(as.australia, { clauseId, ...selectWords(await storedDoc(clauseId), "Proposed") })),
    ).toMatchObject({ code: "invalid_input", message: expect.stringContaining("agreed words") });
    expect(
      await refusal(placeBracket(as.observer, { clauseId, ...selectWords(await storedDoc(clauseId), "Second") })),
    ).toMatchObject({ code: "forbidden" });
    expect(await prisma.bracket.count({ where: { clauseId } })).toBe(0);
  });

  it("refuses agreed text: a paragraph agreed (lib/paragraph-status), or an article agreed ad referendum", async () => {
    const article = (number: string) => prisma.clause.findFirstOrThrow({ where: { number }, select: { id: true } });
    // Article 33, paragraph 5 is agreed in the demo (lib/seed/demo-paragraph-status.ts).
    const witnesses = (await article("33")).id;
    const words = selectWords(await storedDoc(witnesses), "applies equally to victims");
    expect(await refusal(placeBracket(as.canada, { clauseId: witnesses, ...words }))).toMatchObject({
      code: "conflict",
      message: "Paragraph 5 is agreed; ask the chair to reopen it.",
    });
    // Article 6 is agreed ad referendum as a whole.
    const humanRights = (await article("6")).id;
    const settled = selectWords(await storedDoc(humanRights), "best interests of the child");
    expect(await refusal(placeBracket(as.canada, { clauseId: humanRights, ...settled }))).toMatchObject({
      code: "conflict",
      message: "Article 6 is agreed ad referendum; ask the chair to reopen it.",
    });
    expect(
      await prisma.bracket.count({ where: { clauseId: { in: [witnesses, humanRights] }, personId: as.canada.id } }),
    ).toBe(0);
  });
});

describe("a delegation bracketing words it has bracketed already", () => {
  it("is told so, and nothing is stored: the same words take one bracket per delegation", async () => {
    const { clauseId } = await bracketedClause();
    const again = () => storedDoc(clauseId).then((doc) => selectWords(doc, "all victims"));
    expect(await refusal(placeBracket(as.canada, { clauseId, ...(await again()) }))).toEqual({
      code: "conflict",
      message: "Your delegation has bracketed these words already.",
    });
    // Twice at the same moment: one bracket.
    await Promise.all([
      refusal(placeBracket(as.australia, { clauseId, ...(await again()) })),
      refusal(placeBracket(as.australia, { clauseId, ...(await again()) })),
    ]);
    // Other words, or the same words for another delegation, are bracketed as before.
    await placeBracket(as.canada, { clauseId, ...selectWords(await storedDoc(clauseId), "all victims and") });
    expect(
      bracketsOf(await storedDoc(clauseId))
        .map((b) => `${b.organizationCode}: ${b.words}`)
        .sort(),
    ).toEqual(["AUS: all victims", "CAN: all victims", "CAN: all victims and"]);
    expect(await prisma.bracket.count({ where: { clauseId } })).toBe(3);
  });
});

describe("a delegation bracketing without end", () => {
  it("is stopped at a limit of open brackets per article, so a clause stays readable for everyone", async () => {
    const words = Array.from({ length: MAX_OPEN_BRACKETS + 2 }, (_, i) => `w${i}`);
    const clauseId = await freshClause(server.url, chair, [words.join(" ")]);
    // Canada's brackets up to the limit, written into the stored text as the command writes them.
    const doc = await storedDoc(clauseId);
    const vector = Y.encodeStateVector(doc);
    for (const word of words.slice(0, MAX_OPEN_BRACKETS)) {
      const { from, to } = selectWords(doc, `${word} `);
      const placed = bracketSelection(doc, { from, to }, { ...bracketAttrs(canada), note: null });
      if (!placed.ok) throw new Error(placed.why);
    }
    await appendClauseUpdate(clauseId, Y.encodeStateAsUpdate(doc, vector), null);
    const last = words.at(-1) as string;
    expect(
      await refusal(placeBracket(as.canada, { clauseId, ...selectWords(await storedDoc(clauseId), last) })),
    ).toEqual({
      code: "conflict",
      message: `Your delegation has ${MAX_OPEN_BRACKETS} passages in brackets in this article: no more can be placed until the chair removes some.`,
    });
    // Another delegation still may.
    await placeBracket(as.australia, { clauseId, ...selectWords(await storedDoc(clauseId), last) });
  });
});

describe("a bracket's note", () => {
  it("keeps no invisible characters: text-direction controls and zero-width characters are taken out", async () => {
    const clauseId = await freshClause(server.url, chair, ["States shall protect all victims and witnesses."]);
    const { bracketId } = await placeBracket(as.canada, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "all victims"),
      // Shown as "Too broad." but stored reversed after the override, with a zero-width space.
      note: "Too \u202Edaorb\u202C\u200B.",
    });
    const row = await prisma.bracket.findUniqueOrThrow({ where: { id: bracketId } });
    expect(row.note).toBe("Too daorb.");
    expect(bracketsOf(await storedDoc(clauseId))[0].note).toBe("Too daorb.");
    // A note of invisible characters alone is no note.
    const { bracketId: empty } = await placeBracket(as.australia, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "witnesses"),
      note: "\u200B\u2066",
    });
    expect((await prisma.bracket.findUniqueOrThrow({ where: { id: empty } })).note).toBeNull();
  });
});

describe("removing a bracket", () => {
  it("is the chair's: the mark goes for everyone, the count drops, and the history records the agreement", async () => {
    const { clauseId, bracketId } = await bracketedClause();
    expect(await refusal(removeBracket(as.australia, { clauseId, bracketId }))).toMatchObject({ code: "forbidden" });
    expect(await refusal(removeBracket(as.canada, { clauseId, bracketId }))).toMatchObject({ code: "forbidden" });
    const watcher = openClause(server.url, clauseId, australia.cookie);
    await watcher.saved();
    await eventually(async () => bracketsOf(watcher.doc).length === 1);
    await removeBracket(as.chair, { clauseId, bracketId });
    await eventually(async () => bracketsOf(watcher.doc).length === 0);
    expect(bracketsOf(await storedDoc(clauseId))).toEqual([]);
    expect((await countOpenBrackets([clauseId])).get(clauseId) ?? 0).toBe(0);
    // The clause's history (lib/readings/clause-history.ts) shows this entry.
    expect((await bracketRemovals(clauseId))[0]).toMatchObject({
      words: "all victims",
      delegation: "CAN",
      note: "Too broad.",
      removedBy: as.chair.name,
    });
    expect(await prisma.auditEvent.count({ where: { action: "bracket.removed", targetId: clauseId } })).toBe(1);
    expect(await refusal(removeBracket(as.chair, { clauseId, bracketId }))).toMatchObject({ code: "conflict" });
    watcher.destroy();
  });

  it("stops counting a bracket whose words the chair deleted", async () => {
    const { clauseId } = await bracketedClause();
    const client = openClause(server.url, clauseId, chair.cookie);
    await client.saved();
    const { text, index } = locate(client.doc, "all victims ");
    text.delete(index, "all victims ".length);
    await client.saved();
    await eventually(async () => ((await countOpenBrackets([clauseId])).get(clauseId) ?? 0) === 0);
    client.destroy();
  });
});

describe("at the same moment", () => {
  it("two chairs removing one bracket: one removal is recorded, the other is told", async () => {
    const { clauseId, bracketId } = await bracketedClause();
    const outcomes = await Promise.all([
      refusal(removeBracket(as.chair, { clauseId, bracketId })),
      refusal(removeBracket(as.secretariat, { clauseId, bracketId })),
    ]);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome !== null)).toMatchObject({ code: "conflict" });
    expect(bracketsOf(await storedDoc(clauseId))).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { action: "bracket.removed", targetId: clauseId } })).toBe(1);
  });

  it("the chair removing a bracket while a delegate proposes to delete its words: both are kept", async () => {
    const { clauseId, bracketId } = await bracketedClause();
    const client = openClause(server.url, clauseId, australia.cookie);
    await client.saved();
    const proposalId = proposeDeletion(client.doc, "all victims", australia.author);
    await Promise.all([removeBracket(as.chair, { clauseId, bracketId }), client.saved()]);
    await eventually(async () => bracketsOf(client.doc).length === 0);
    const stored = await storedDoc(clauseId);
    expect(bracketsOf(stored)).toEqual([]);
    const { text } = locate(stored, "all victims");
    const [run] = (text.toDelta() as { insert: string; attributes?: { deletion?: { id: string } } }[]).filter((op) =>
      op.insert.includes("all victims"),
    );
    expect(run.attributes?.deletion?.id).toBe(proposalId);
    client.destroy();
  });
});

describe("the guard refuses every bracket a client writes itself", () => {
  it("a delegate's bracket with another delegation's name (forged delegation)", async () => {
    const { clauseId } = await bracketedClause();
    await expectRefused(clauseId, australia, (doc) => {
      const { text, index } = locate(doc, "witnesses");
      text.format(index, "witnesses".length, { "bracket--forged": bracketAttrs(canada) });
    });
  });

  it("a delegate's bracket in its own name that the server never placed", async () => {
    const { clauseId } = await bracketedClause();
    await expectRefused(clauseId, australia, (doc) => {
      const { text, index } = locate(doc, "witnesses");
      text.format(index, "witnesses".length, { bracket: bracketAttrs(australia) });
    });
  });

  it("a delegate removing another delegation's bracket", async () => {
    const { clauseId } = await bracketedClause();
    await expectRefused(clauseId, australia, (doc) => {
      const { text, index } = locate(doc, "all victims");
      text.format(index, "all victims".length, { [bracketKey(doc, "all victims")]: null });
    });
  });

  it("a delegate altering a bracket (its note, its delegation)", async () => {
    const { clauseId, bracketId } = await bracketedClause();
    const row = await prisma.bracket.findUniqueOrThrow({ where: { id: bracketId } });
    await expectRefused(clauseId, australia, (doc) => {
      const { text, index } = locate(doc, "all victims");
      const key = bracketKey(doc, "all victims");
      text.format(index, "all victims".length, {
        [key]: { ...bracketAttrs(canada, bracketId), at: row.placedAt.toISOString(), note: "Agreed after all." },
      });
    });
  });

  it("a bracket copied onto a delegate's own proposed words", async () => {
    const { clauseId, bracketId } = await bracketedClause();
    const row = await prisma.bracket.findUniqueOrThrow({ where: { id: bracketId } });
    await expectRefused(clauseId, australia, (doc) => {
      const { text, index } = locate(doc, "witnesses");
      text.insert(index, "child ", {
        insertion: stamp(australia.author, randomUUID()),
        [bracketKey(doc, "all victims")]: {
          ...bracketAttrs(canada, bracketId),
          at: row.placedAt.toISOString(),
          note: "Too broad.",
        },
      });
    });
  });

  it("bad attributes: an unknown one, an id that is not an id, a time that is not a time", async () => {
    const { clauseId } = await bracketedClause();
    for (const bad of [
      { ...bracketAttrs(australia), colour: "red" },
      { ...bracketAttrs(australia), id: "1" },
      { ...bracketAttrs(australia), at: "yesterday" },
    ]) {
      await expectRefused(clauseId, australia, (doc) => {
        const { text, index } = locate(doc, "witnesses");
        text.format(index, "witnesses".length, { bracket: bad });
      });
    }
  });

  it("the chair's own client placing or altering a bracket (only the commands do)", async () => {
    const { clauseId, bracketId } = await bracketedClause();
    await expectRefused(clauseId, chair, (doc) => {
      const { text, index } = locate(doc, "witnesses");
      text.format(index, "witnesses".length, { bracket: bracketAttrs(chair) });
    });
    await expectRefused(clauseId, chair, (doc) => {
      const { text, index } = locate(doc, "all victims");
      text.format(index, "all victims".length, {
        [bracketKey(doc, "all victims")]: { ...bracketAttrs(australia, bracketId) },
      });
    });
  });

  it("the chair's own client copying a delegation's bracket onto words of another paragraph", async () => {
    const clauseId = await freshClause(server.url, chair, [
      "States shall protect all victims and witnesses.",
      "Second paragraph.",
      "Third paragraph, which Canada never bracketed.",
    ]);
    const { bracketId } = await placeBracket(as.canada, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "all victims"),
      note: "Too broad.",
    });
    const row = await prisma.bracket.findUniqueOrThrow({ where: { id: bracketId } });
    await expectRefused(clauseId, chair, (doc) => {
      const { text, index } = locate(doc, "Third paragraph");
      text.format(index, "Third paragraph".length, {
        [bracketKey(doc, "all victims")]: {
          ...bracketAttrs(canada, bracketId),
          at: row.placedAt.toISOString(),
          note: "Too broad.",
        },
      });
    });
  });

  it("lets a delegate propose to delete bracketed words: the bracket stays on them", async () => {
    const { clauseId, bracketId } = await bracketedClause();
    const client = openClause(server.url, clauseId, australia.cookie);
    await client.saved();
    proposeDeletion(client.doc, "all victims", australia.author);
    await client.saved();
    client.destroy();
    const stored = await storedDoc(clauseId);
    expect(bracketsOf(stored).map((b) => b.id)).toEqual([bracketId]);
    expect(readClause(stored).blocks).toHaveLength(1);
  });
});
