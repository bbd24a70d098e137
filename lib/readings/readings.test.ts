// Versions on a real PostgreSQL and a real collaboration server: the chair saves one, a status
// change and a batch of decisions each make one, a version outlives compaction and a restart of
// the database connection, compare names who changed what, and a restricted clause's versions
// are as hidden as the clause.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setClauseStatus } from "@/lib/admin/set-clause-status";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { placeBracket } from "@/lib/brackets/place-bracket";
import { compactClause, loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { selectWords } from "@/lib/comments/test-clause-doc";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { decideOnClause } from "@/lib/proposals/decide-proposals";
import {
  freshClause,
  indexedOpen,
  type Person,
  person,
  shownFingerprints,
  storedText,
} from "@/lib/proposals/test-support/decision-room";
import { locate, proposeInsertion } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { compareClauseVersions } from "./compare-clause-versions";
import { listClauseVersions, showClauseVersion } from "./list-clause-versions";
import { saveClauseVersion } from "./save-clause-version";

let server: CollabTestServer;
let chair: Person;
let australia: Person;
const as: Record<"chair" | "australia" | "canada", SessionUser> = {} as never;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  [chair, australia] = await Promise.all(["chair", "australia"].map((name) => person(`${name}@clausework.demo`)));
  for (const name of ["chair", "australia", "canada"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    as[name] = (await findSessionUser(id)) as SessionUser;
  }
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
  );

/** A clause of this test's own, once its text is stored. */
async function clauseWith(paragraphs: string[]): Promise<string> {
  const clauseId = await freshClause(server.url, chair, paragraphs);
  await eventually(async () => (await storedText(clauseId)).includes(paragraphs[paragraphs.length - 1]));
  return clauseId;
}

/** The clause's stored text as a document of its own. */
async function storedDoc(clauseId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadClauseState(clauseId);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** The chair types directly in the clause (an edit, not a proposal). */
async function chairWrites(clauseId: string, after: string, words: string) {
  const client = openClause(server.url, clauseId, chair.cookie);
  await client.saved();
  const { text, index } = locate(client.doc, after);
  text.insert(index + after.length, words);
  await client.saved();
  client.destroy();
}

describe("versions of a clause", () => {
  it("keep the text as it was through later edits, compaction and a new connection", async () => {
    const clauseId = await clauseWith(["States shall cooperate.", "Victims and witnesses matter."]);
    await placeBracket(as.australia, { clauseId, ...selectWords(await storedDoc(clauseId), "and witnesses") });
    const saved = await saveClauseVersion(as.chair, { clauseId, name: "after the first reading", note: "Vienna" });
    await chairWrites(clauseId, "States shall", " closely");
    expect(await compactClause(clauseId)).toBeGreaterThan(0);
    await prisma.$disconnect();
    const version = await showClauseVersion(as.canada, { clauseId, versionId: saved.versionId });
    expect(version).toMatchObject({
      name: "after the first reading",
      note: "Vienna",
      trigger: "SAVED",
      madeBy: as.chair.name,
      status: "OPEN",
      brackets: ["[and witnesses] AUS"],
      paragraphs: [
        { label: "", depth: 0, text: "States shall cooperate." },
        { label: "", depth: 0, text: "Victims and witnesses matter." },
      ],
    });
    // Its own state reads as it was, whatever compaction did to the clause's rows.
    const stored = await prisma.clauseVersion.findUniqueOrThrow({ where: { id: saved.versionId } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    expect(doc.getXmlFragment("default").toString()).toContain("States shall cooperate.");
    // A version cannot be changed, not even by the application's own connection.
    await expect(
      prisma.clauseVersion.update({ where: { id: saved.versionId }, data: { name: "rewritten" } }),
    ).rejects.toThrow();
    // Compared with now: the chair's own words, named as the chair's.
    const compared = await compareClauseVersions(as.canada, { clauseId, from: saved.versionId, to: "current" });
    expect(compared.changes).toEqual([
      {
        kind: "insert",
        text: "closely ",
        paragraph: { row: 0, from: "", to: "" },
        delegation: null,
        attribution: { by: "chair", name: expect.any(String) },
      },
    ]);
  });

  it("are made when the status changes and after each batch of decisions, and attribute accepted words", async () => {
    const clauseId = await clauseWith(["Each State Party shall adopt measures."]);
    const { instrumentId } = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
    const first = await saveClauseVersion(as.chair, { clauseId, name: "after the first reading" });

    const delegate = openClause(server.url, clauseId, australia.cookie);
    await delegate.saved();
    const proposalId = proposeInsertion(delegate.doc, "shall adopt", " effective", australia.author);
    await delegate.saved();
    delegate.destroy();
    await indexedOpen([proposalId]);
    const withProposal = await compareClauseVersions(as.canada, { clauseId, from: first.versionId, to: "current" });
    expect(withProposal.changes).toEqual([]);
    expect(withProposal.proposals.opened).toEqual([
      expect.objectContaining({
        id: proposalId,
        insertedText: " effective",
        delegation: expect.objectContaining({ id: as.australia.organizationId }),
      }),
    ]);

    await decideOnClause({
      clauseId,
      scope: { proposalId },
      outcome: "ACCEPTED",
      reason: null,
      fingerprint: (await shownFingerprints(clauseId))[proposalId],
      decidedById: as.chair.id,
      instrumentId,
      collab: server.collab,
    });
    await setClauseStatus(as.chair, { instrumentId, clauseId, status: "AGREED_AD_REF" });
    const second = await saveClauseVersion(as.chair, { clauseId, name: "after the second reading" });

    const versions = await listClauseVersions(as.australia, { clauseId });
    expect(versions.map((v) => [v.name, v.trigger, v.status])).toEqual([
      ["after the second reading", "SAVED", "AGREED_AD_REF"],
      ["Agreed ad referendum", "STATUS_CHANGED", "AGREED_AD_REF"],
      ["1 proposal accepted", "DECIDED", "OPEN"],
      ["after the first reading", "SAVED", "OPEN"],
    ]);
    const compared = await compareClauseVersions(as.canada, { clauseId, from: first.versionId, to: second.versionId });
    expect(compared.changes).toEqual([
      expect.objectContaining({
        kind: "insert",
        text: "effective ",
        delegation: expect.objectContaining({ code: australia.author.organizationCode }),
        attribution: expect.objectContaining({
          by: "proposal",
          proposalId,
          decision: expect.objectContaining({ decidedBy: as.chair.name }),
        }),
      }),
    ]);
    // The version the decision made already names it.
    const decided = versions.find((v) => v.trigger === "DECIDED")?.id as string;
    const toDecided = await compareClauseVersions(as.canada, { clauseId, from: first.versionId, to: decided });
    expect(toDecided.changes).toEqual([
      expect.objectContaining({ attribution: expect.objectContaining({ proposalId }) }),
    ]);
    // Read backwards, the same words are a deletion, still Australia's.
    const backwards = await compareClauseVersions(as.canada, { clauseId, from: second.versionId, to: first.versionId });
    expect(backwards.changes).toEqual([
      expect.objectContaining({
        kind: "delete",
        text: "effective ",
        attribution: expect.objectContaining({ proposalId }),
      }),
    ]);
    expect(await loadClauseState(clauseId)).not.toBeNull();
  });

  it("are saved by the chair only, and a restricted clause's versions do not exist for outsiders", async () => {
    const clauseId = await clauseWith(["Informal consultations text."]);
    expect(await refusal(saveClauseVersion(as.australia, { clauseId, name: "mine" }))).toEqual({
      code: "forbidden",
      message: NOT_ALLOWED,
    });
    expect(await refusal(saveClauseVersion(as.chair, { clauseId, name: "  " }))).toMatchObject({
      code: "invalid_input",
    });
    const saved = await saveClauseVersion(as.chair, { clauseId, name: "before consultations" });
    await prisma.clauseRestriction.create({ data: { clauseId, organizationId: as.australia.organizationId } });
    const hidden = { code: "not_found", message: NOT_FOUND };
    expect(await refusal(listClauseVersions(as.canada, { clauseId }))).toEqual(hidden);
    expect(await refusal(showClauseVersion(as.canada, { clauseId, versionId: saved.versionId }))).toEqual(hidden);
    expect(await refusal(compareClauseVersions(as.canada, { clauseId, from: saved.versionId, to: "current" }))).toEqual(
      hidden,
    );
    expect((await listClauseVersions(as.australia, { clauseId })).map((v) => v.id)).toEqual([saved.versionId]);
    // Another clause's version is not this clause's.
    const other = await clauseWith(["Other."]);
    expect(await refusal(showClauseVersion(as.chair, { clauseId: other, versionId: saved.versionId }))).toMatchObject({
      code: "not_found",
    });
    const entries = await prisma.auditEvent.count({ where: { action: "clause.version-saved", targetId: clauseId } });
    expect(entries).toBe(1);
  });
});
