// Saves to one clause that arrive while a commit is under way go together, in real PostgreSQL:
// each resolves only once its row is there, rows keep their arrival order, fewer statements
// are sent than saves, and one row at fault fails only its own save.
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { appendClauseUpdate, loadClauseState } from "./clause-store";
import { groupedSaves, type PendingRow } from "./grouped-saves";
import { freshClause } from "./test-support/fresh-clause";

async function storedRows(clauseId: string) {
  return prisma.clauseUpdate.findMany({ where: { clauseId }, orderBy: { id: "asc" }, select: { update: true } });
}

describe("grouped saves", () => {
  let chairId: string;
  beforeAll(async () => {
    await seedIfEmpty(prisma);
    chairId = (await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } })).id;
  });

  it("stores every save of a burst in arrival order, in fewer statements than saves", async () => {
    const clauseId = await freshClause("Grouped saves");
    const statements: number[] = [];
    const save = groupedSaves(async (id: string, rows: PendingRow[]) => {
      statements.push(rows.length);
      for (const row of rows)
        await prisma.clauseUpdate.create({
          data: { clauseId: id, update: new Uint8Array(row.update), userId: row.userId },
        });
    });
    const burst = Array.from({ length: 20 }, (_, i) => Buffer.from([1, i]));
    let resolvedBeforeStored = false;
    await Promise.all(
      burst.map(async (update) => {
        await save(clauseId, { update, userId: chairId });
        const rows = await storedRows(clauseId);
        if (!rows.some((row) => Buffer.from(row.update).equals(update))) resolvedBeforeStored = true;
      }),
    );
    expect(resolvedBeforeStored).toBe(false);
    expect((await storedRows(clauseId)).map((row) => [...row.update])).toEqual(burst.map((update) => [...update]));
    // The first went alone; the other nineteen waited for it and went together.
    expect(statements).toEqual([1, 19]);
  });

  it("fails only the save whose row is at fault when a group cannot be stored", async () => {
    const clauseId = await freshClause("Grouped saves, one row at fault");
    const save = groupedSaves(async (id: string, rows: PendingRow[]) => {
      await prisma.$transaction(
        rows.map((row) =>
          prisma.clauseUpdate.create({
            data: { clauseId: id, update: new Uint8Array(row.update), userId: row.userId },
          }),
        ),
      );
    });
    const outcomes = await Promise.allSettled([
      save(clauseId, { update: Buffer.from([2, 0]), userId: chairId }),
      save(clauseId, { update: Buffer.from([2, 1]), userId: chairId }),
      // Not a uuid: PostgreSQL refuses this row, and only this row.
      save(clauseId, { update: Buffer.from([2, 2]), userId: "not-a-person" }),
      save(clauseId, { update: Buffer.from([2, 3]), userId: chairId }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((await storedRows(clauseId)).map((row) => [...row.update])).toEqual([
      [2, 0],
      [2, 1],
      [2, 3],
    ]);
  });

  it("keeps the text of a burst of concurrent edits through the store's own statement", async () => {
    const clauseId = await freshClause("Grouped saves, the store");
    const before = new Y.Doc();
    Y.applyUpdate(before, (await loadClauseState(clauseId)) as Uint8Array);
    const writers = Array.from({ length: 10 }, (_, i) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(before));
      const vector = Y.encodeStateVector(doc);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`Writer ${i} was here.`)]);
      doc.getXmlFragment(CLAUSE_FRAGMENT).push([paragraph]);
      return Y.encodeStateAsUpdate(doc, vector);
    });
    const stored = await Promise.all(writers.map((update) => appendClauseUpdate(clauseId, update, chairId)));
    expect(stored).toEqual(writers.map(() => true));
    const after = new Y.Doc();
    Y.applyUpdate(after, (await loadClauseState(clauseId)) as Uint8Array);
    const text = after.getXmlFragment(CLAUSE_FRAGMENT).toString();
    for (let i = 0; i < 10; i++) expect(text).toContain(`Writer ${i} was here.`);
    expect(await storedRows(clauseId)).toHaveLength(10);
  });
});
