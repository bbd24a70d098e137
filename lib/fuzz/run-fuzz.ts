// The hostile-client fuzz run: on a real collaboration server with real providers and a real
// PostgreSQL, random hostile updates from a delegate and a reader — broken structure, forged
// marks and names, other people's Yjs client ids, forged presence — are interleaved with honest
// proposals, the chair's typing and the chair's decisions. After every move it checks that:
// - the agreed text changed only by the chair's hand, and nobody's proposal by anyone else's;
// - only the clause's text was written, and the stored clause still reads as a clause;
// - every honest client shows exactly the stored text, and honest work was never refused;
// - presence still shows the chair as the chair;
// - both exports still render (and, at the end of a case, a decision still works).
import { randomUUID } from "node:crypto";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { loadClauseState } from "@/lib/collab/clause-store";
import { type ClauseClient, eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { authorFor, stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { type ClauseFacts, clauseFacts } from "./clause-facts";
import { type HostileMove, hostileMoves } from "./hostile-moves";
import { decide, exportBoth, unreadableReason } from "./product-readers";
import { type Random, seededRandom } from "./seeded-random";

type Person = { author: ProposalAuthor; cookie: string };
export type FuzzPeople = { chair: Person; delegate: Person; otherDelegate: Person; reader: Person };

export async function fuzzPeople(): Promise<FuzzPeople> {
  const person = async (email: string): Promise<Person> => {
    const author = await authorFor(email);
    return { author, cookie: await sessionCookie(author.authorId) };
  };
  return {
    chair: await person("chair@clausework.demo"),
    delegate: await person("australia@clausework.demo"),
    otherDelegate: await person("canada@clausework.demo"),
    reader: await person("press@clausework.demo"),
  };
}

async function stored(clauseId: string): Promise<{ state: Uint8Array; facts: ClauseFacts }> {
  const state = (await loadClauseState(clauseId)) as Uint8Array;
  return { state, facts: clauseFacts(state) };
}

/** Agreed runs of a client's text: where an honest person may propose or the chair may type. */
function agreedSpot(doc: Y.Doc, random: Random): { text: Y.XmlText; index: number; length: number } | null {
  const spots: { text: Y.XmlText; index: number; length: number }[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      // An agreed paragraph is locked: an honest delegate does not propose in it.
      if (child instanceof Y.XmlElement) {
        if (!child.getAttribute("status")) visit(child);
      } else if (child instanceof Y.XmlText) {
        let index = 0;
        for (const op of child.toDelta() as { insert: unknown; attributes?: object }[]) {
          const length = typeof op.insert === "string" ? op.insert.length : 1;
          const plain = typeof op.insert === "string" && !op.attributes && !op.insert.includes("\u200B");
          if (plain && length > 3) spots.push({ text: child, index, length });
          index += length;
        }
      }
    }
  };
  visit(doc.getXmlFragment("default"));
  if (spots.length === 0) return null;
  const spot = random.pick(spots);
  // Inside the run, at a space, so words are never split.
  const content = (spot.text.toDelta() as { insert: string }[])
    .map((op) => (typeof op.insert === "string" ? op.insert : " "))
    .join("");
  const local = content.slice(spot.index + 1, spot.index + spot.length - 1);
  const spaces = [...local.matchAll(/ /g)].map((m) => (m.index as number) + spot.index + 1);
  const at = spaces.length > 0 ? random.pick(spaces) : spot.index + 1;
  return { text: spot.text, index: at, length: Math.max(1, Math.min(8, spot.index + spot.length - at - 1)) };
}

const newStamp = (author: ProposalAuthor) => stamp(author, randomUUID());

/** Resolves once a read-only client has received the clause. */
function synced(client: ClauseClient): Promise<void> {
  return eventually(() => client.provider.synced || client.doc.getXmlFragment("default").length > 0, 8_000);
}

/** Resolves with "saved", or "timeout" if the server did not acknowledge in time. */
function savedOrTimeout(client: ClauseClient): Promise<string> {
  return Promise.race([
    client.saved().then(() => "saved"),
    new Promise<string>((resolve) => setTimeout(() => resolve("not acknowledged"), 8_000)),
  ]);
}

/** Sends one hostile change from a fresh connection; resolves when it was refused or acknowledged. */
async function sendHostile(
  url: string,
  clauseId: string,
  person: Person,
  change: (doc: Y.Doc) => void,
  clientId?: number,
) {
  const client = openClause(url, clauseId, person.cookie);
  try {
    await Promise.race([client.saved(), client.refused, synced(client)]);
    // Yjs writes new structs under doc.clientID: borrowing someone else's is one assignment.
    if (clientId !== undefined) client.doc.clientID = clientId;
    const before = Y.encodeStateVector(client.doc);
    client.doc.transact(() => change(client.doc));
    // A move that found nothing to change sends nothing.
    if (Y.encodeStateAsUpdate(client.doc, before).length <= 2) return "nothing to do";
    // Set up after the change, so "saved" means the server acknowledged it.
    const settled = new Promise<string>((resolve) => {
      client.provider.on("close", () => resolve("closed"));
      client.refused.then(() => resolve("refused"));
      client.saved().then(() => resolve("saved"));
    });
    return await Promise.race([settled, new Promise<string>((resolve) => setTimeout(() => resolve("timeout"), 4_000))]);
  } finally {
    client.destroy();
  }
}

/** Forges presence: states for someone else's client id, oversized, or many at once. */
async function sendForgedPresence(
  url: string,
  clauseId: string,
  person: Person,
  targetClientId: number,
  random: Random,
) {
  const client = openClause(url, clauseId, person.cookie);
  try {
    await Promise.race([client.saved(), client.refused, synced(client)]);
    const kind = random.below(3);
    const ids = kind === 2 ? Array.from({ length: 20 }, () => 1 + random.below(2 ** 31)) : [targetClientId];
    for (const id of ids) {
      const fakeDoc = new Y.Doc();
      fakeDoc.clientID = id;
      const fake = new Awareness(fakeDoc);
      fake.setLocalState(
        kind === 1
          ? null
          : {
              user: { name: "The Chair (forged)", color: "#000000" },
              padding: kind === 2 ? "x".repeat(256 * 1024) : "",
            },
      );
      const meta = fake.meta.get(id);
      if (meta) meta.clock = 1_000_000 + random.below(1000);
      applyAwarenessUpdate(client.provider.awareness as Awareness, encodeAwarenessUpdate(fake, [id]), "forged");
      fake.destroy();
      fakeDoc.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    client.destroy();
  }
}

export type FuzzFailure = { seed: number; step: number; move: string; problem: string };
/** How each kind of move ended (refused, saved, …), counted across cases: shows what was tried. */
export type FuzzTally = Map<string, number>;

type Room = { chair: ClauseClient; delegate: ClauseClient; reader: ClauseClient };

function textOf(client: ClauseClient) {
  return client.doc.getXmlFragment("default").toString();
}

/** Runs one seeded case of `steps` moves on a fresh clause. Returns the first broken invariant. */
export async function runFuzzCase(
  url: string,
  people: FuzzPeople,
  seed: number,
  steps: number,
  tally: FuzzTally = new Map(),
): Promise<FuzzFailure | null> {
  const random = seededRandom(seed);
  const clauseId = await freshClause("Fuzz case", random.pick(["14", "16", "5"]));
  const room: Room = {
    chair: openClause(url, clauseId, people.chair.cookie),
    delegate: openClause(url, clauseId, people.delegate.cookie),
    reader: openClause(url, clauseId, people.reader.cookie),
  };
  try {
    await Promise.all([room.chair.saved(), room.delegate.saved(), synced(room.reader)]);
    room.chair.provider.awareness?.setLocalState({ user: { name: people.chair.author.authorName }, cursor: null });
    for (let step = 0; step < steps; step++) {
      const failure = await runStep(url, people, room, clauseId, random, seed, step, tally);
      if (failure) return failure;
    }
    // A decision still works on whatever the hostile moves left behind.
    const open = await prisma.proposal.findMany({ where: { clauseId, status: "OPEN" } });
    if (open.length > 0) {
      try {
        await decide(
          clauseId,
          random.pick(open),
          random.pick(["ACCEPTED", "REJECTED"] as const),
          people.chair.author.authorId,
        );
      } catch (error) {
        return { seed, step: steps, move: "final decision", problem: `a decision failed: ${(error as Error).message}` };
      }
    }
    return null;
  } finally {
    for (const client of Object.values(room)) client.destroy();
  }
}

type Move = {
  name: string;
  byChair: boolean;
  honest: boolean;
  /** Whose proposals the move may change: a person may always revise their own. */
  by: string;
  run(): Promise<string>;
};

function chooseMove(url: string, people: FuzzPeople, room: Room, clauseId: string, random: Random): Move {
  const hostile = (move: HostileMove, person: Person, clientId?: number): Move => ({
    name: `${person === people.reader ? "reader" : "delegate"}: ${move.name}${clientId !== undefined ? " (under another's client id)" : ""}`,
    byChair: false,
    honest: false,
    by: person.author.authorId,
    run: async () => {
      const others = [...clauseFacts(Y.encodeStateAsUpdate(room.chair.doc)).proposals]
        .filter(([, p]) => p.authorId !== person.author.authorId)
        .map(([id]) => id);
      const context = { random, me: person.author, other: people.otherDelegate.author, othersProposalIds: others };
      return sendHostile(url, clauseId, person, (doc) => move.apply(doc, context), clientId);
    },
  });
  const roll = random.next();
  if (roll < 0.45) return hostile(random.pick(hostileMoves), random.chance(0.8) ? people.delegate : people.reader);
  if (roll < 0.52) {
    // A valid proposal, but written under someone else's Yjs client id: the chair's, or the
    // reader's (who never writes, so nobody may take it).
    const victim = random.chance(0.7) ? room.chair : room.reader;
    const propose: HostileMove = {
      name: "proposes words",
      apply: (doc) => {
        const spot = agreedSpot(doc, random);
        spot?.text.insert(spot.index, ` ${random.words(2)}`, { insertion: newStamp(people.delegate.author) });
      },
    };
    return hostile(propose, people.delegate, victim.doc.clientID);
  }
  if (roll < 0.6)
    return {
      name: "reader: forges presence",
      byChair: false,
      honest: false,
      by: people.reader.author.authorId,
      run: async () => {
        await sendForgedPresence(
          url,
          clauseId,
          random.chance(0.5) ? people.reader : people.delegate,
          room.chair.doc.clientID,
          random,
        );
        return "sent";
      },
    };
  if (roll < 0.75)
    return {
      name: "delegate: proposes (honestly)",
      byChair: false,
      honest: true,
      by: people.delegate.author.authorId,
      run: async () => {
        const spot = agreedSpot(room.delegate.doc, random);
        if (!spot) return "nothing to do";
        const mark = newStamp(people.delegate.author);
        room.delegate.doc.transact(() => {
          if (random.chance(0.5))
            spot.text.insert(spot.index, ` ${random.words(1 + random.below(3))}`, { insertion: mark });
          else spot.text.format(spot.index, spot.length, { deletion: mark });
        });
        return savedOrTimeout(room.delegate);
      },
    };
  if (roll < 0.87)
    return {
      name: "chair: types (honestly)",
      byChair: true,
      honest: true,
      by: people.chair.author.authorId,
      run: async () => {
        const spot = agreedSpot(room.chair.doc, random);
        if (!spot) return "nothing to do";
        room.chair.doc.transact(() => {
          if (random.chance(0.6)) spot.text.insert(spot.index, ` ${random.words(1 + random.below(2))}`);
          else spot.text.delete(spot.index, Math.min(3, spot.length));
        });
        return savedOrTimeout(room.chair);
      },
    };
  return {
    name: "chair: decides",
    byChair: true,
    honest: true,
    by: people.chair.author.authorId,
    run: async () => {
      const open = await prisma.proposal.findMany({ where: { clauseId, status: "OPEN" } });
      if (open.length === 0) return "nothing to do";
      await decide(
        clauseId,
        random.pick(open),
        random.pick(["ACCEPTED", "REJECTED"] as const),
        people.chair.author.authorId,
      );
      return "decided";
    },
  };
}

async function runStep(
  url: string,
  people: FuzzPeople,
  room: Room,
  clauseId: string,
  random: Random,
  seed: number,
  step: number,
  tally: FuzzTally,
): Promise<FuzzFailure | null> {
  const move = chooseMove(url, people, room, clauseId, random);
  const fail = (problem: string): FuzzFailure => ({ seed, step, move: move.name, problem });
  const before = await stored(clauseId);
  let outcome: string;
  try {
    outcome = await move.run();
  } catch (error) {
    return fail(`the move failed: ${(error as Error).message}`);
  }
  const key = `${move.name} → ${outcome}`;
  if (process.env.FUZZ_VERBOSE) console.log(`seed ${seed} step ${step}: ${key}`);
  tally.set(key, (tally.get(key) ?? 0) + 1);
  if (move.honest && outcome !== "saved" && outcome !== "decided" && outcome !== "nothing to do")
    return fail(`honest work was not kept (${outcome})`);
  const after = await stored(clauseId);
  const unreadable = unreadableReason(after.state);
  if (unreadable) return fail(`the stored clause no longer reads: ${unreadable}`);
  const foreignRoots = [...after.facts.roots].filter((root) => root !== "default");
  if (foreignRoots.length > 0) return fail(`stored writes outside the clause: ${foreignRoots.join(", ")}`);
  if (!move.byChair && after.facts.agreed !== before.facts.agreed)
    return fail(`the agreed text changed without the chair:\n- ${before.facts.agreed}\n+ ${after.facts.agreed}`);
  if (!move.byChair) {
    for (const [id, was] of before.facts.proposals) {
      if (was.authorId === move.by) continue;
      const now = after.facts.proposals.get(id);
      if (!now || now.words !== was.words || now.authorId !== was.authorId)
        return fail(`proposal ${id} of ${was.authorId} changed: ${was.words} → ${now?.words ?? "(gone)"}`);
    }
  }
  try {
    exportBoth(after.state);
  } catch (error) {
    return fail(`an export failed: ${(error as Error).message}`);
  }
  // Everyone sees exactly what is stored (the reader too).
  try {
    await eventually(async () => {
      const xml = (await stored(clauseId)).facts.xml;
      return [room.chair, room.delegate, room.reader].every((client) => textOf(client) === xml);
    }, 8_000);
  } catch {
    const xml = (await stored(clauseId)).facts.xml;
    const differ = Object.entries(room)
      .filter(([, client]) => textOf(client) !== xml)
      .map(([name]) => name);
    return fail(`clients do not show the stored text: ${differ.join(", ")}`);
  }
  // Presence: the chair is still in the room under the chair's own name.
  const chairState = room.reader.provider.awareness?.getStates().get(room.chair.doc.clientID) as
    | { user?: { name?: string } }
    | undefined;
  if (chairState && chairState.user?.name !== people.chair.author.authorName)
    return fail(`the chair's presence reads "${chairState.user?.name}"`);
  if (!chairState && step > 0) return fail("the chair vanished from presence");
  return null;
}
