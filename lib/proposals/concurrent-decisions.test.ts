// Decisions sent at the same moment, against the real collaboration server with real providers
// and a real PostgreSQL: each is taken on the text as the previous one left it, so together they
// give exactly the text of taking them one after another — no agreed word lost, every proposal's
// effect applied once — also while the chair types elsewhere in the clause, and also when this
// instance's live copy of the clause lags behind what another instance stored, and across two
// instances sharing the clause through Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import { appendClauseUpdate, loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type ClauseClient, eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import type { Outcome } from "@/lib/editor/suggestions/decide-in-fragment";
import { isAppError } from "@/lib/errors/app-error";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { redisExtensions } from "@/lib/server/redis-extension";
import { decideOnClause, PROPOSAL_CHANGED } from "./decide-proposals";
import {
  everyoneReads,
  freshClause,
  indexedOpen,
  type Person,
  person,
  predictedText,
  shownFingerprints,
  storedText,
} from "./test-support/decision-room";
import { positionOf, suggestInDoc } from "./test-support/suggest-in-doc";
import { locate, plainText, proposalsIn, stamp } from "./test-support/yjs-proposals";

let server: CollabTestServer;
let chair: Person;
let australia: Person;
let canada: Person;
let newZealand: Person;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  [chair, australia, canada, newZealand] = await Promise.all(
    ["chair", "australia", "canada", "new-zealand"].map((name) => person(`${name}@clausework.demo`)),
  );
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

/** A seeded pseudo-random sequence (mulberry32), so a failing mix can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Room = { clauseId: string; clients: ClauseClient[]; chairClient: ClauseClient; close(): void };

/** `urls`: the instances the chair and each delegation connect to, in turn. */
async function openRoom(paragraphs: string[], urls = [server.url]): Promise<Room> {
  const clauseId = await freshClause(urls[0], chair, paragraphs);
  const clients = [chair, australia, canada, newZealand].map((p, i) =>
    openClause(urls[i % urls.length], clauseId, p.cookie),
  );
  await Promise.all(clients.map((client) => client.saved()));
  const close = () => {
    for (const client of clients) client.destroy();
  };
  return { clauseId, clients, chairClient: clients[0], close };
}

/** `who` proposes on their own client; returns once everyone has the proposal. */
async function propose(room: Room, who: Person, edit: Parameters<typeof suggestInDoc>[2]): Promise<void> {
  const client = room.clients[[chair, australia, canada, newZealand].indexOf(who)];
  suggestInDoc(client.doc, who.author, edit);
  await client.saved();
  const text = () => JSON.stringify([plainText(client.doc), proposalsIn(client.doc).map((p) => p.id)]);
  await eventually(() =>
    room.clients.every(
      (other) => JSON.stringify([plainText(other.doc), proposalsIn(other.doc).map((p) => p.id)]) === text(),
    ),
  );
}

/** Fires every decision at once, each on the words the panel shows, through the instances in turn. */
async function decideAtOnce(
  clauseId: string,
  decisions: [string, Outcome][],
  instances = [server.collab],
): Promise<void> {
  const shown = await shownFingerprints(clauseId);
  await Promise.all(
    decisions.map(([id, outcome], i) =>
      decideOnClause({
        collab: instances[i % instances.length],
        clauseId,
        scope: { proposalId: id },
        fingerprint: shown[id],
        outcome,
        reason: null,
        decidedById: chair.author.authorId,
      }),
    ),
  );
}

/** The proposals of the "many at once" cases: neighbouring words, breaks and a new paragraph. */
const MANY = [
  "Each State Party shall adopt such legislative measures as may be necessary.",
  "Such measures shall respect the rights of victims and witnesses.",
  "Nothing in this article affects existing obligations.",
  "Final words.",
];

async function proposeMany(room: Room): Promise<string[]> {
  await propose(room, australia, (tr, root) => tr.insertText(" and other", positionOf(root, " measures as")));
  await propose(room, canada, (tr, root) => tr.delete(positionOf(root, "such "), positionOf(root, "legislative")));
  await propose(room, australia, (tr, root) =>
    tr.insertText("required", positionOf(root, "necessary"), positionOf(root, "necessary") + "necessary".length),
  );
  await propose(room, canada, (tr, root) => tr.split(positionOf(root, " the rights")));
  await propose(room, newZealand, (tr, root) => tr.split(positionOf(root, " of victims")));
  await propose(room, canada, (tr, root) =>
    tr.delete(positionOf(root, "existing "), positionOf(root, "existing ") + "existing ".length),
  );
  await propose(room, newZealand, (tr, root) => tr.insertText(" any", positionOf(root, "affects") + "affects".length));
  await propose(room, australia, (tr, root) => {
    const end = positionOf(root, "witnesses.") + "witnesses.".length;
    tr.split(end);
    tr.insertText("A proposed paragraph.", end + 2);
  });
  const ids = open(room);
  expect(ids.length).toBeGreaterThanOrEqual(7);
  await indexedOpen(ids);
  return ids;
}

/** Each decided proposal has exactly one decision, with its outcome, and is gone from the text. */
async function expectDecidedOnce(clauseId: string, decisions: [string, Outcome][]) {
  const rows = await prisma.proposal.findMany({
    where: { id: { in: decisions.map(([id]) => id) } },
    include: { decisions: true },
  });
  for (const [id, outcome] of decisions) {
    const row = rows.find((r) => r.id === id);
    expect(row?.status, `proposal ${id}`).toBe(outcome);
    expect(row?.decisions.map((d) => d.outcome)).toEqual([outcome]);
  }
  const left = new Set(proposalsIn(docOf(await storedState(clauseId))).map((p) => p.id));
  expect(decisions.filter(([id]) => left.has(id))).toEqual([]);
}

async function storedState(clauseId: string) {
  return (await loadClauseState(clauseId)) as Uint8Array;
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function open(room: Room) {
  return proposalsIn(room.chairClient.doc).map((p) => p.id);
}

describe("decisions sent at the same moment", () => {
  const mixes: [Outcome, Outcome][] = [
    ["REJECTED", "REJECTED"],
    ["ACCEPTED", "ACCEPTED"],
    ["ACCEPTED", "REJECTED"],
    ["REJECTED", "ACCEPTED"],
  ];
  it.each(mixes)(
    "on two neighbouring proposed paragraph breaks (%s, %s) keep every agreed word",
    async (first, second) => {
      const room = await openRoom(["Alpha one. Beta two. Gamma three.", "Delta four."]);
      await propose(room, australia, (tr, root) => tr.split(positionOf(root, " Beta")));
      await propose(room, canada, (tr, root) => tr.split(positionOf(root, " Gamma")));
      const [a, c] = open(room);
      expect(open(room)).toHaveLength(2);
      await indexedOpen([a, c]);
      const decisions: [string, Outcome][] = [
        [a, first],
        [c, second],
      ];
      const expected = predictedText(room.chairClient.doc, decisions);
      // The prediction itself keeps every agreed word, in order.
      expect(expected.replace(/\n/g, "")).toBe("Alpha one. Beta two. Gamma three.Delta four.");
      await decideAtOnce(room.clauseId, decisions);
      expect(await storedText(room.clauseId)).toBe(expected);
      await everyoneReads(room.clients, expected);
      await expectDecidedOnce(room.clauseId, decisions);
      room.close();
    },
  );

  it.each([1, 2, 3])(
    "many at once on neighbouring words and breaks, accepted and rejected at random (seed %i), while the chair types",
    async (seed) => {
      const room = await openRoom(MANY);
      const ids = await proposeMany(room);
      const next = random(seed);
      const decisions: [string, Outcome][] = ids.map((id) => [id, next() < 0.5 ? "ACCEPTED" : "REJECTED"]);
      const predicted = predictedText(room.chairClient.doc, decisions);

      // The chair types in the last paragraph, keystroke by keystroke, while the decisions run.
      const typed: string[] = [];
      let typing = true;
      const keystrokes = (async () => {
        for (let i = 0; typing || i < 5; i++) {
          const { text } = locate(room.chairClient.doc, "Final words.");
          const word = ` t${i}`;
          text.insert(text.length, word);
          typed.push(word);
          await new Promise((resolve) => setTimeout(resolve, 3));
        }
        await room.chairClient.saved();
      })();
      await decideAtOnce(room.clauseId, decisions);
      typing = false;
      await keystrokes;

      const expected = predicted.replace("Final words.", `Final words.${typed.join("")}`);
      await eventually(async () => (await storedText(room.clauseId)) === expected);
      await everyoneReads(room.clients, expected);
      await expectDecidedOnce(room.clauseId, decisions);
      room.close();
    },
  );

  it("decides on the stored text when this instance's live copy lags behind another's", async () => {
    const room = await openRoom(["The right to due process shall be respected."]);
    await propose(room, australia, (tr, root) => tr.insertText(" fair", positionOf(root, " process")));
    const [id] = open(room);
    await indexedOpen([id]);
    const shown = await shownFingerprints(room.clauseId);
    // Another instance stored Australia's revision of its words; it has not reached this one.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(room.chairClient.doc));
    const before = Y.encodeStateVector(elsewhere);
    const { text, index } = locate(elsewhere, " fair");
    elsewhere.transact(() => {
      text.delete(index, " fair".length);
      text.insert(index, " speedy", { insertion: stamp(australia.author, id) });
    });
    await appendClauseUpdate(room.clauseId, Y.encodeStateAsUpdate(elsewhere, before), australia.author.authorId);

    const decide = (fingerprint: string) =>
      decideOnClause({
        clauseId: room.clauseId,
        scope: { proposalId: id },
        fingerprint,
        outcome: "ACCEPTED",
        reason: null,
        decidedById: chair.author.authorId,
      });
    const refusal = await decide(shown[id]).catch((error: unknown) => error);
    expect(isAppError(refusal) && refusal.code).toBe("conflict");
    expect((refusal as Error).message).toBe(PROPOSAL_CHANGED);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");

    // Decided on the words as stored, the revision and the decision reach everyone together.
    await decide(proposalFingerprint({ kind: "INSERTION", insertedText: " speedy", deletedText: "" }));
    const expected = "The right to due speedy process shall be respected.";
    expect(await storedText(room.clauseId)).toBe(expected);
    await everyoneReads(room.clients, expected);
    room.close();
  });
});

// Two instances need a Redis server; .ci/run sets REDIS_URL to the machine's.
describe.skipIf(!process.env.REDIS_URL)("decisions sent at the same moment through two instances", () => {
  const prefix = `clausework-decisions-${process.pid}-${Date.now()}`;
  let first: CollabTestServer;
  let second: CollabTestServer;

  beforeAll(async () => {
    first = await startCollabTestServer(0, redisExtensions(process.env.REDIS_URL, prefix));
    second = await startCollabTestServer(0, redisExtensions(process.env.REDIS_URL, prefix));
  });

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it.each([4, 5])(
    "take them one at a time on the stored text, whichever instance each reaches (seed %i)",
    async (seed) => {
      const room = await openRoom(MANY, [first.url, second.url]);
      const ids = await proposeMany(room);
      const next = random(seed);
      const decisions: [string, Outcome][] = ids.map((id) => [id, next() < 0.5 ? "ACCEPTED" : "REJECTED"]);
      const expected = predictedText(room.chairClient.doc, decisions);
      await decideAtOnce(room.clauseId, decisions, [first.collab, second.collab]);
      expect(await storedText(room.clauseId)).toBe(expected);
      await everyoneReads(room.clients, expected);
      await expectDecidedOnce(room.clauseId, decisions);
      room.close();
    },
  );
});
