// The clause guard on the real collaboration server, with real providers over a websocket and a
// real PostgreSQL: each class of hostile update is refused — nothing stored, nobody sees it, the
// browser told — and the server goes on serving everyone else.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { readClause } from "@/lib/clause-model/read-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { decideProposals } from "./decide-proposals";
import { isRefusedEdit } from "./refused-edit-message";
import { authorFor, locate, plainText, proposeDeletion, proposeInsertion, stamp } from "./test-support/yjs-proposals";

let server: CollabTestServer;
let clauseId: string;
type Who = "australia" | "canada" | "chair";
const who: Record<Who, { cookie: string; author: ProposalAuthor }> = {} as never;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  clauseId = (await prisma.clause.findFirstOrThrow({ where: { number: "15" } })).id;
  // Proposals are judged here in an open clause (an agreed one refuses them all: lib/paragraph-status).
  await prisma.clause.update({ where: { id: clauseId }, data: { status: "OPEN" } });
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

async function stored(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return doc;
}

/** Sends a hostile update as `as` and expects it refused: nothing stored, nobody sees it, told. */
async function expectRefused(tamper: (doc: Y.Doc) => void, as: Who = "australia") {
  const sender = openClause(server.url, clauseId, who[as].cookie);
  const watcher = openClause(server.url, clauseId, who[as === "canada" ? "australia" : "canada"].cookie);
  await Promise.all([sender.saved(), watcher.saved()]);
  const lastRow = await prisma.clauseUpdate.findFirst({ where: { clauseId }, orderBy: { id: "desc" } });
  const before = (await stored()).getXmlFragment(CLAUSE_FRAGMENT).toString();
  const closed = new Promise<void>((resolve) => sender.provider.on("close", () => resolve()));
  const told: string[] = [];
  sender.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
  tamper(sender.doc);
  await closed;
  expect(told.some(isRefusedEdit)).toBe(true);
  expect(await prisma.clauseUpdate.count({ where: { clauseId, id: { gt: lastRow?.id ?? 0n } } })).toBe(0);
  const after = await stored();
  expect(after.getXmlFragment(CLAUSE_FRAGMENT).toString()).toBe(before);
  // What is stored still reads as a clause, and the others' text is the stored text.
  expect(() => readClause(after)).not.toThrow();
  expect(watcher.doc.getXmlFragment(CLAUSE_FRAGMENT).toString()).toBe(before);
  sender.destroy();
  watcher.destroy();
  await stillServing();
}

/** Someone else can still propose, and it is stored. */
async function stillServing() {
  const canada = openClause(server.url, clauseId, who.canada.cookie);
  await canada.saved();
  const marker = ` still-${randomUUID().slice(0, 8)}`;
  proposeInsertion(canada.doc, firstWords(canada.doc), marker, who.canada.author);
  await canada.saved();
  await eventually(async () => plainText(await stored()).includes(marker));
  // Withdrawn again, so the clause does not fill up.
  const { text, index } = locate(canada.doc, marker);
  text.delete(index, marker.length);
  await canada.saved();
  canada.destroy();
}

/** The first agreed words of the clause, to anchor an edit on. */
function firstWords(doc: Y.Doc): string {
  return plainText(doc).split("\n")[0].slice(0, 12);
}

/** An update written by a fresh client: raw content a modified client can encode. */
function rawUpdate(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  write(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe("the clause guard refuses what the clause model cannot read, from everyone", () => {
  it("a bare text node at the root of the text, from the chair's client", async () => {
    await expectRefused(
      (doc) => doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlText("loose words")]),
      "chair",
    );
  });

  it("a JSON value and a map at the root of the text", async () => {
    await expectRefused(
      (doc) =>
        Y.applyUpdate(
          doc,
          rawUpdate((raw) => raw.getArray(CLAUSE_FRAGMENT).insert(0, [{ evil: 1 }])),
        ),
      "chair",
    );
    await expectRefused((doc) =>
      Y.applyUpdate(
        doc,
        rawUpdate((raw) => raw.getArray(CLAUSE_FRAGMENT).insert(0, [new Y.Map()])),
      ),
    );
    await expectRefused((doc) => doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlHook("hook") as never]));
  });

  it("an unknown element, and an attribute the schema does not have", async () => {
    await expectRefused((doc) => doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlElement("iframe")]), "chair");
    await expectRefused(
      (doc) => (doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement).setAttribute("style", "x"),
      "chair",
    );
  });

  it("an embed inside a delegate's own insertion", async () => {
    await expectRefused((doc) => {
      const { text, index } = locate(doc, firstWords(doc));
      text.insertEmbed(
        index,
        { image: "https://example.org/x.png" },
        { insertion: stamp(who.australia.author, randomUUID()) },
      );
    });
  });

  it("an unknown mark, or an unknown attribute on a proposal mark, in one's own insertion", async () => {
    await expectRefused((doc) => {
      const { text, index } = locate(doc, firstWords(doc));
      text.insert(index, "marked", { insertion: stamp(who.australia.author, randomUUID()), strike: {} });
    });
    await expectRefused((doc) => {
      const { text, index } = locate(doc, firstWords(doc));
      text.insert(index, "marked", { insertion: { ...stamp(who.australia.author, randomUUID()), hidden: "yes" } });
    });
  });

  it("a formatting proposal (nothing downstream reads one)", async () => {
    await expectRefused((doc) => {
      const { text, index } = locate(doc, firstWords(doc));
      text.format(index, 5, { modification: { ...stamp(who.australia.author, randomUUID()), type: "mark" } });
    });
  });

  it("invisible characters in the words: in agreed words from the chair, in a proposal from a delegate", async () => {
    await expectRefused((doc) => {
      const { text, index } = locate(doc, firstWords(doc));
      text.insert(index + 3, "\u200B");
    }, "chair");
    await expectRefused((doc) => proposeInsertion(doc, firstWords(doc), " rights\u202Eon", who.australia.author));
  });
});

describe("the clause guard refuses forged proposals from delegates", () => {
  it("agreed words marked with another delegation's proposal id", async () => {
    const canada = openClause(server.url, clauseId, who.canada.cookie);
    await canada.saved();
    const theirs = proposeInsertion(canada.doc, firstWords(canada.doc), " canadian words", who.canada.author);
    await canada.saved();
    await expectRefused((doc) => proposeDeletion(doc, firstWords(doc), who.australia.author, theirs));
    const { text, index } = locate(canada.doc, " canadian words");
    text.delete(index, " canadian words".length);
    await canada.saved();
    canada.destroy();
  });

  it("an id that is not a proposal id, and the id of a proposal another person withdrew", async () => {
    await expectRefused((doc) =>
      proposeInsertion(doc, firstWords(doc), " words", who.australia.author, "not-a-uuid" as never),
    );
    // Canada proposes and withdraws: the marks are gone, the Proposal table remembers whose id it is.
    const canada = openClause(server.url, clauseId, who.canada.cookie);
    await canada.saved();
    const theirs = proposeInsertion(canada.doc, firstWords(canada.doc), " withdrawn words", who.canada.author);
    await canada.saved();
    await eventually(async () => (await prisma.proposal.count({ where: { id: theirs } })) === 1);
    const { text, index } = locate(canada.doc, " withdrawn words");
    text.delete(index, " withdrawn words".length);
    await canada.saved();
    await eventually(async () => (await prisma.proposal.findUnique({ where: { id: theirs } }))?.status === "WITHDRAWN");
    canada.destroy();
    await expectRefused((doc) => proposeInsertion(doc, firstWords(doc), " mine now", who.australia.author, theirs));
  });

  it("one's own insertion turned into a deletion of agreed words under the same id", async () => {
    const australia = openClause(server.url, clauseId, who.australia.cookie);
    await australia.saved();
    const id = proposeInsertion(australia.doc, firstWords(australia.doc), " knowingly", who.australia.author);
    await australia.saved();
    australia.destroy();
    await expectRefused((doc) => {
      const words = plainText(doc).split("\n")[1].slice(0, 8);
      proposeDeletion(doc, words, who.australia.author, id);
    });
  });

  it("a proposal the chair decided while the clause stayed open, brought back under its id", async () => {
    // Someone keeps the clause open throughout, so the server's memory of its proposals is the one judging.
    const keeper = openClause(server.url, clauseId, who.canada.cookie);
    const australia = openClause(server.url, clauseId, who.australia.cookie);
    await Promise.all([keeper.saved(), australia.saved()]);
    const id = proposeInsertion(australia.doc, firstWords(australia.doc), " soon rejected", who.australia.author);
    await australia.saved();
    const indexed = async () => prisma.proposal.findUnique({ where: { id } });
    await eventually(async () => Boolean((await indexed())?.fingerprint));
    australia.destroy();
    const chair = await findSessionUser(who.chair.author.authorId);
    await decideProposals(chair as SessionUser, {
      clauseId,
      scope: { proposalId: id },
      outcome: "REJECTED",
      fingerprint: (await indexed())?.fingerprint ?? undefined,
    });
    expect((await indexed())?.status).toBe("REJECTED");
    await expectRefused((doc) => proposeInsertion(doc, firstWords(doc), " back again", who.australia.author, id));
    keeper.destroy();
  });

  it("a proposal stamped with a time that is not now", async () => {
    await expectRefused((doc) => {
      const { text, index } = locate(doc, firstWords(doc));
      const old = new Date(Date.now() - 10 * 60_000).toISOString();
      text.insert(index, "backdated ", { insertion: { ...stamp(who.australia.author, randomUUID()), at: old } });
    });
  });
});
