// The shared client against a migrated database: it reads DATABASE_URL at first use, and the
// generated client, the pg adapter and the migrations agree on every column type.
import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "./prisma";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase;
const runDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url; // after the import: the client must not exist yet
});

afterAll(async () => {
  await disconnectPrisma();
  process.env.DATABASE_URL = runDatabaseUrl;
  await database.drop();
});

it("writes and reads every kind of column through the pg adapter", async () => {
  const instrument = await prisma.instrument.create({
    data: { slug: "ict-crime", title: "Draft convention", shortTitle: "ICT crime" },
  });
  const chapter = await prisma.chapter.create({
    data: { instrumentId: instrument.id, number: "II", title: "Criminalisation", position: 2 },
  });
  const clause = await prisma.clause.create({
    data: {
      instrumentId: instrument.id,
      chapterId: chapter.id,
      number: "14",
      title: "Child sexual abuse material",
      topics: ["csam", "victims"],
      position: 1,
    },
  });
  const update = await prisma.clauseUpdate.create({
    data: { clauseId: clause.id, update: Buffer.from([1, 2, 3]) },
  });

  const read = await prisma.clause.findUniqueOrThrow({ where: { id: clause.id }, include: { updates: true } });
  expect(read.status).toBe("OPEN");
  expect(read.topics).toEqual(["csam", "victims"]);
  expect(read.updatedAt).toBeInstanceOf(Date);
  expect(typeof update.id).toBe("bigint");
  expect([...(read.updates[0]?.update ?? [])]).toEqual([1, 2, 3]);
  expect(instrument.observersMayComment).toBe(true);
});
