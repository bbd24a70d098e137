// Versions of a chapter on a real PostgreSQL: the chair saves one (a version of every clause in
// it), others list and compare it with now clause by clause, a clause restricted away from them is
// missing from the answer, and a delegation may not save one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { appendClauseUpdate, loadClauseState } from "@/lib/collab/clause-store";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED } from "@/lib/errors/messages";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { compareInstrumentVersions, listInstrumentVersions, saveInstrumentVersion } from "./instrument-versions";

const as: Record<"chair" | "australia" | "canada", SessionUser> = {} as never;
let instrumentId: string;
let chapterId: string;
const clauseIds: string[] = [];

/** A clause of this test's own, in a chapter of this test's own, with one paragraph. */
async function clauseIn(position: number, text: string): Promise<string> {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [paragraph]);
  const clause = await prisma.clause.create({
    data: {
      instrumentId,
      chapterId,
      number: `R${position}`,
      title: `Readings clause ${position}`,
      topics: [],
      position,
      document: { create: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) } },
    },
  });
  return clause.id;
}

beforeAll(async () => {
  await seedIfEmpty(prisma);
  for (const name of ["chair", "australia", "canada"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    as[name] = (await findSessionUser(id)) as SessionUser;
  }
  instrumentId = (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).instrumentId;
  const last = await prisma.chapter.findFirstOrThrow({ where: { instrumentId }, orderBy: { position: "desc" } });
  chapterId = (
    await prisma.chapter.create({
      data: {
        instrumentId,
        number: "R",
        title: "Readings test",
        position: last.position + 1 + Math.floor(Math.random() * 10_000),
      },
    })
  ).id;
  clauseIds.push(
    await clauseIn(1, "Alpha words stay."),
    await clauseIn(2, "Beta words change."),
    await clauseIn(3, "Gamma in consultations."),
  );
  await prisma.clauseRestriction.create({
    data: { clauseId: clauseIds[2], organizationId: as.australia.organizationId },
  });
});

afterAll(async () => {
  await prisma.chapter.deleteMany({ where: { id: chapterId } });
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
  );

describe("versions of a chapter", () => {
  it("keep every clause, and compare with now clause by clause over what each person sees", async () => {
    expect(await refusal(saveInstrumentVersion(as.canada, { instrumentId, chapterId, name: "ours" }))).toEqual({
      code: "forbidden",
      message: NOT_ALLOWED,
    });
    const saved = await saveInstrumentVersion(as.chair, { instrumentId, chapterId, name: "after the first reading" });
    expect(saved).toMatchObject({ name: "after the first reading", clauses: 3 });
    expect(await prisma.clauseVersion.count({ where: { instrumentVersionId: saved.versionId } })).toBe(3);

    // The chair rewrites a word of the second clause (stored as an update row, as an edit is).
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadClauseState(clauseIds[1])) as Uint8Array);
    const before = Y.encodeStateVector(doc);
    const text = (doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete("Beta words ".length, "change".length);
    text.insert("Beta words ".length, "changed");
    await appendClauseUpdate(clauseIds[1], Y.encodeStateAsUpdate(doc, before), as.chair.id);

    const listed = await listInstrumentVersions(as.canada, { instrumentId });
    expect(listed[0]).toMatchObject({
      id: saved.versionId,
      chapter: { id: chapterId, number: "R" },
      madeBy: as.chair.name,
    });

    const forCanada = await compareInstrumentVersions(as.canada, {
      instrumentId,
      from: saved.versionId,
      to: "current",
    });
    const ours = forCanada.clauses.filter((c) => clauseIds.includes(c.clause.id));
    // Canada does not see the clause restricted to Australia; clauses outside the chapter are unmatched.
    expect(ours.map((c) => [c.clause.number, c.changed])).toEqual([
      ["R1", false],
      ["R2", true],
    ]);
    expect(ours[1].comparison?.changes.map((c) => [c.kind, c.text])).toEqual([
      ["delete", "change."],
      ["insert", "changed."],
    ]);
    const outside = forCanada.clauses.find((c) => !clauseIds.includes(c.clause.id));
    expect(outside).toMatchObject({ fromVersionId: null, comparison: null });

    const forAustralia = await compareInstrumentVersions(as.australia, {
      instrumentId,
      from: saved.versionId,
      to: "current",
    });
    expect(forAustralia.clauses.filter((c) => clauseIds.includes(c.clause.id)).map((c) => c.clause.number)).toEqual([
      "R1",
      "R2",
      "R3",
    ]);
  });

  it("of a chapter restricted away from a person do not exist for them: not listed, not compared", async () => {
    const saved = await saveInstrumentVersion(as.chair, { instrumentId, chapterId, name: "in the informals" });
    await prisma.chapterRestriction.create({ data: { chapterId, organizationId: as.australia.organizationId } });
    try {
      const forCanada = await listInstrumentVersions(as.canada, { instrumentId });
      expect(forCanada.map((v) => v.id)).not.toContain(saved.versionId);
      expect(forCanada.some((v) => v.chapter?.id === chapterId)).toBe(false);
      expect(
        await refusal(compareInstrumentVersions(as.canada, { instrumentId, from: saved.versionId, to: "current" })),
      ).toMatchObject({ code: "not_found" });
      // Those it is shared with still find it.
      expect((await listInstrumentVersions(as.australia, { instrumentId })).map((v) => v.id)).toContain(
        saved.versionId,
      );
    } finally {
      await prisma.chapterRestriction.deleteMany({ where: { chapterId } });
    }
  });
});
