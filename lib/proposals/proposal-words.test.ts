// Decisions and positions follow the words, against the real collaboration server with real
// providers and a real PostgreSQL: a decision on words that changed since the chair saw them is
// refused whole, and a position given on words the author has since revised stops counting
// until the delegation, told by the bell, confirms or changes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type ClauseClient, eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { listNotifications } from "@/lib/comments/list-notifications";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { type DecideInput, decideOnClause, MISSING_FINGERPRINT, PROPOSAL_CHANGED } from "./decide-proposals";
import { listClauseProposals } from "./list-clause-proposals";
import { recordPosition } from "./take-position";
import {
  freshClause,
  indexedOpen,
  type Person,
  person,
  shownFingerprints,
  storedText,
} from "./test-support/decision-room";
import { locate, plainText, proposeInsertion, stamp } from "./test-support/yjs-proposals";

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

async function room(text: string) {
  const clauseId = await freshClause(server.url, chair, [text]);
  const clients = [australia, canada].map((p) => openClause(server.url, clauseId, p.cookie));
  await Promise.all(clients.map((client) => client.saved()));
  return {
    clauseId,
    australiaClient: clients[0],
    canadaClient: clients[1],
    close: () => clients.map((c) => c.destroy()),
  };
}

/** The author rewrites words of their own proposed insertion, keeping the proposal's id. */
async function revise(client: ClauseClient, id: string, from: string, to: string) {
  const { text, index } = locate(client.doc, from);
  client.doc.transact(() => {
    text.delete(index, from.length);
    text.insert(index, to, { insertion: stamp(australia.author, id) });
  });
  await client.saved();
  await eventually(async () => (await prisma.proposal.findUniqueOrThrow({ where: { id } })).insertedText.includes(to));
}

const decide = (clauseId: string, rest: Partial<DecideInput> & Pick<DecideInput, "scope">) =>
  decideOnClause({ clauseId, outcome: "ACCEPTED", reason: null, decidedById: chair.author.authorId, ...rest });

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a decision is pinned to the words the chair saw", () => {
  it("refuses a decision on words revised since, and takes it on the words shown now", async () => {
    const r = await room("The measures shall respect the rights of victims.");
    const id = proposeInsertion(r.australiaClient.doc, "the rights", " and dignity", australia.author);
    await r.australiaClient.saved();
    await indexedOpen([id]);
    const seen = await shownFingerprints(r.clauseId);
    await revise(r.australiaClient, id, " and dignity", " and privacy");
    const before = await storedText(r.clauseId);

    const changed = await refusal(decide(r.clauseId, { scope: { proposalId: id }, fingerprint: seen[id] }));
    expect(changed).toMatchObject({ code: "conflict", message: PROPOSAL_CHANGED });
    const missing = await refusal(decide(r.clauseId, { scope: { proposalId: id } }));
    expect(missing).toMatchObject({ code: "invalid_input", message: MISSING_FINGERPRINT });
    expect(await storedText(r.clauseId)).toBe(before);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");

    // The panel reloads and shows the new words: decided on those, it goes through.
    const now = await shownFingerprints(r.clauseId);
    expect(now[id]).toBe(proposalFingerprint({ kind: "INSERTION", insertedText: " and privacy", deletedText: "" }));
    await decide(r.clauseId, { scope: { proposalId: id }, fingerprint: now[id] });
    expect(await storedText(r.clauseId)).toBe("The measures shall respect the rights and privacy of victims.");
    const decision = await prisma.proposalDecision.findFirstOrThrow({ where: { proposalId: id } });
    expect(decision.insertedText).toBe(" and privacy");
    r.close();
  });

  it("refuses a decision on all or a delegation's proposals whole, if one is new or revised since", async () => {
    const r = await room("Each State shall cooperate with other States.");
    const first = proposeInsertion(r.australiaClient.doc, "cooperate", " fully", australia.author);
    await r.australiaClient.saved();
    await indexedOpen([first]);
    const seen = await shownFingerprints(r.clauseId);
    // Canada proposes after the chair opened the list: "accept all" did not mean this one.
    await eventually(() => plainText(r.canadaClient.doc).includes(" fully"));
    const later = proposeInsertion(r.canadaClient.doc, "other States", " in good faith", canada.author);
    await r.canadaClient.saved();
    await indexedOpen([later]);
    const unseen = await refusal(decide(r.clauseId, { scope: { all: true }, fingerprints: seen }));
    expect(unseen.code).toBe("conflict");
    expect(unseen.details).toMatchObject({ unseen: [later] });

    // A delegation's: one of Australia's proposals was revised since the list was read.
    const second = proposeInsertion(r.australiaClient.doc, "Each State", " Party", australia.author);
    await r.australiaClient.saved();
    await indexedOpen([second]);
    const australian = await shownFingerprints(r.clauseId, australia.author.organizationId);
    await revise(r.australiaClient, first, " fully", " closely");
    const revised = await refusal(
      decide(r.clauseId, { scope: { organizationId: australia.author.organizationId }, fingerprints: australian }),
    );
    expect(revised.code).toBe("conflict");
    expect(revised.details).toMatchObject({ changed: [first] });
    const statuses = await prisma.proposal.findMany({ where: { id: { in: [first, second, later] } } });
    expect(statuses.map((row) => row.status)).toEqual(["OPEN", "OPEN", "OPEN"]);

    const { decided } = await decide(r.clauseId, {
      scope: { all: true },
      fingerprints: await shownFingerprints(r.clauseId),
      outcome: "REJECTED",
    });
    expect(decided.sort()).toEqual([first, second, later].sort());
    expect(await storedText(r.clauseId)).toBe("Each State shall cooperate with other States.");
    r.close();
  });
});

describe("positions follow the words", () => {
  it("a support given on “due process” stops counting once it reads “national security”, until re-stated", async () => {
    const r = await room("Any restriction shall be provided by law and necessary.");
    const id = proposeInsertion(r.australiaClient.doc, "necessary", " for due process", australia.author);
    await r.australiaClient.saved();
    await indexedOpen([id]);
    const nzUser = { id: newZealand.author.authorId, organizationId: newZealand.author.organizationId };
    const supports = async (fingerprint: string) =>
      recordPosition({
        clauseId: r.clauseId,
        proposalId: id,
        organizationId: newZealand.author.organizationId,
        userId: newZealand.author.authorId,
        stance: "SUPPORTS",
        fingerprint,
      });
    const shown = async () => (await listClauseProposals(r.clauseId)).find((p) => p.id === id);
    const onDueProcess = (await shown())?.fingerprint as string;
    await supports(onDueProcess);
    expect((await shown())?.positions).toEqual([
      expect.objectContaining({
        stance: "SUPPORTS",
        current: true,
        delegation: expect.objectContaining({ code: "NZL" }),
      }),
    ]);
    const revisedNotices = async (user: { id: string; organizationId: string }) =>
      (await listNotifications(user)).items.filter((n) => n.kind === "PROPOSAL_REVISED" && n.clause.id === r.clauseId);

    // The author rewrites the words: New Zealand's support was not given on these.
    await revise(r.australiaClient, id, "due process", "national security");
    await eventually(async () => (await shown())?.positions[0]?.current === false);
    const notices = await revisedNotices(nzUser);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ read: false, threadId: null, onProposal: true });
    expect(notices[0].actor.organizationCode).toBe("AUS");
    expect(notices[0].preview).toContain("national security");
    // Nobody else is told: not the author, not a delegation without a position.
    expect(
      await revisedNotices({ id: australia.author.authorId, organizationId: australia.author.organizationId }),
    ).toEqual([]);
    expect(await revisedNotices({ id: canada.author.authorId, organizationId: canada.author.organizationId })).toEqual(
      [],
    );
    // Revised again before New Zealand answers: told once, not at every keystroke.
    await revise(r.australiaClient, id, "national security", "national security and public order");
    expect(await revisedNotices(nzUser)).toHaveLength(1);

    // A support sent on the old words is refused; restated on the words shown, it counts again.
    const stale = await supports(onDueProcess).then(
      () => null,
      (e: unknown) => e,
    );
    expect(stale).toMatchObject({ code: "conflict", message: PROPOSAL_CHANGED });
    await supports((await shown())?.fingerprint as string);
    expect((await shown())?.positions).toEqual([expect.objectContaining({ stance: "SUPPORTS", current: true })]);
    expect((await revisedNotices(nzUser)).map((n) => n.read)).toEqual([true]);
    r.close();
  });
});
