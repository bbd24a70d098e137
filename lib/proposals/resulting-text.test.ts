// A decision's record says what the passage reads afterwards, as the clause model predicts the
// decision (lib/clause-model/decided-passages.ts) — checked against the stored clause after the
// real decision, through the real collaboration server: also when neighbouring proposals are
// decided together, and when another proposal stays open beside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { clausePlainText } from "@/lib/clause-model/plain-text";
import { predictDecision } from "@/lib/clause-model/predict-decision";
import { readClause } from "@/lib/clause-model/read-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { decideOnClause } from "./decide-proposals";
import { freshClause, indexedOpen, type Person, person, shownFingerprints } from "./test-support/decision-room";
import { proposeDeletion, proposeInsertion, proposeReplacement } from "./test-support/yjs-proposals";

let server: CollabTestServer;
let chair: Person;
let australia: Person;
let canada: Person;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  [chair, australia, canada] = await Promise.all(
    ["chair", "australia", "canada"].map((name) => person(`${name}@clausework.demo`)),
  );
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

/** The stored clause's agreed text (open proposals not made), one line per paragraph. */
async function storedAgreedLines(clauseId: string): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return clausePlainText(predictDecision(readClause(doc), "all", "REJECTED"), { between: "\n" }).split("\n");
}

async function recorded(id: string): Promise<string> {
  const row = await prisma.proposalDecision.findFirstOrThrow({ where: { proposalId: id } });
  return row.resultingText;
}

describe("the text a decision records", () => {
  it("is the passage as stored after the decision", async () => {
    const clauseId = await freshClause(server.url, chair, [
      "Each State Party shall promptly notify the depositary in writing.",
      "Nothing in this article affects existing obligations.",
    ]);
    const [aus, can] = [
      openClause(server.url, clauseId, australia.cookie),
      openClause(server.url, clauseId, canada.cookie),
    ];
    await Promise.all([aus.saved(), can.saved()]);
    const replaced = proposeReplacement(aus.doc, "promptly", "without delay", australia.author);
    await aus.saved();
    await eventually(() => can.text().includes("without delay"));
    const struck = proposeDeletion(can.doc, " in writing", canada.author);
    const beside = proposeInsertion(can.doc, "Nothing", " whatsoever", canada.author);
    await can.saved();
    await indexedOpen([replaced, struck, beside]);

    // Two neighbours decided together: each record reads the passage with both applied.
    const shown = await shownFingerprints(clauseId);
    await decideOnClause({
      clauseId,
      scope: { all: true },
      fingerprints: { [replaced]: shown[replaced], [struck]: shown[struck], [beside]: shown[beside] },
      outcome: "ACCEPTED",
      reason: null,
      decidedById: chair.author.authorId,
    });
    expect(await prisma.proposalDecision.count({ where: { proposalId: { in: [replaced, struck, beside] } } })).toBe(3);
    const lines = await storedAgreedLines(clauseId);
    expect(lines[0]).toBe("Each State Party shall without delay notify the depositary.");
    expect(await recorded(replaced)).toBe(lines[0]);
    expect(await recorded(struck)).toBe(lines[0]);
    expect(await recorded(beside)).toBe(lines[1]);
    aus.destroy();
    can.destroy();
  });

  it("leaves out the words of a proposal still open beside it, as the agreed text does", async () => {
    const clauseId = await freshClause(server.url, chair, ["The Parties shall cooperate in good faith."]);
    const [aus, can] = [
      openClause(server.url, clauseId, australia.cookie),
      openClause(server.url, clauseId, canada.cookie),
    ];
    await Promise.all([aus.saved(), can.saved()]);
    const rejected = proposeDeletion(aus.doc, " in good faith", australia.author);
    await aus.saved();
    await eventually(() => can.text().includes("deletion"));
    const open = proposeInsertion(can.doc, "cooperate", " fully", canada.author);
    await can.saved();
    await indexedOpen([rejected, open]);

    const shown = await shownFingerprints(clauseId);
    await decideOnClause({
      clauseId,
      scope: { proposalId: rejected },
      fingerprint: shown[rejected],
      outcome: "REJECTED",
      reason: null,
      decidedById: chair.author.authorId,
    });
    const [line] = await storedAgreedLines(clauseId);
    expect(line).toBe("The Parties shall cooperate in good faith.");
    expect(await recorded(rejected)).toBe(line);
    aus.destroy();
    can.destroy();
  });
});
