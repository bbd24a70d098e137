// Who is told of a chair's decision, on a real PostgreSQL: the author, the delegations that took
// a position and the people of its discussion — but, once the clause (or its chapter) is
// restricted away from a delegation, nobody of it: no notification is stored for a clause that
// does not exist for them, even though they took a position or wrote before the restriction.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/commands/in-transaction";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { notifyDecision } from "./notify-decision";

const CODES = ["CHAIR", "AUS", "CAN", "DEU", "FRA"] as const;
type Code = (typeof CODES)[number];
const org = {} as Record<Code, string>;
const members = {} as Record<Code, string[]>;
let chair: string;
let author: string;
let instrumentId: string;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  instrumentId = (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).instrumentId;
  for (const code of CODES) {
    const organization = await prisma.organization.findFirstOrThrow({
      where: { code },
      include: { memberships: { select: { userId: true } } },
    });
    org[code] = organization.id;
    members[code] = organization.memberships.map((m) => m.userId);
  }
  chair = (await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } })).id;
  author = (await prisma.user.findUniqueOrThrow({ where: { email: "australia@clausework.demo" } })).id;
});

/**
 * A clause in a chapter of its own with one proposal by Australia, on which Canada and Germany
 * took positions and France wrote in its discussion; then the restrictions given; then the
 * chair rejects it. Returns who was stored a notification.
 */
async function decideUnder(restricted: { chapter: Code[]; clause: Code[] }): Promise<Set<string>> {
  // A position of its own, clear of chapters other test files may be adding meanwhile.
  const position = 100_000 + Math.floor(Math.random() * 1_000_000);
  const chapter = await prisma.chapter.create({
    data: { instrumentId, number: `T${position}`, title: "Notification test", position },
  });
  const clause = await prisma.clause.create({
    data: { instrumentId, chapterId: chapter.id, number: `N-${randomUUID().slice(0, 8)}`, title: "Test", position: 0 },
  });
  const proposal = await prisma.proposal.create({
    data: {
      id: randomUUID(),
      clauseId: clause.id,
      kind: "INSERTION",
      insertedText: "without delay",
      authorId: author,
      organizationId: org.AUS,
      proposedAt: new Date(),
    },
  });
  for (const code of ["CAN", "DEU"] as const)
    await prisma.proposalPosition.create({
      data: { proposalId: proposal.id, organizationId: org[code], userId: members[code][0], stance: "SUPPORTS" },
    });
  const france = members.FRA[0];
  await prisma.commentThread.create({
    data: {
      clauseId: clause.id,
      proposalId: proposal.id,
      authorId: france,
      authorOrganizationId: org.FRA,
      comments: { create: { authorId: france, authorOrganizationId: org.FRA, body: "France cannot agree." } },
    },
  });
  await prisma.chapterRestriction.createMany({
    data: restricted.chapter.map((code) => ({ chapterId: chapter.id, organizationId: org[code] })),
  });
  await prisma.clauseRestriction.createMany({
    data: restricted.clause.map((code) => ({ clauseId: clause.id, organizationId: org[code] })),
  });
  const decision = await prisma.chairDecision.create({
    data: {
      clauseId: clause.id,
      decidedById: chair,
      outcome: "REJECTED",
      proposalIds: [proposal.id],
      undoUpdate: new Uint8Array(),
      touched: [],
    },
  });
  await inTransaction(undefined, (tx) =>
    notifyDecision(tx, {
      id: decision.id,
      clauseId: clause.id,
      instrumentId,
      decidedById: chair,
      proposals: [{ id: proposal.id, authorId: author }],
    }),
  );
  const stored = await prisma.notification.findMany({
    where: { chairDecisionId: decision.id },
    select: { userId: true },
  });
  return new Set(stored.map((n) => n.userId));
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe("telling people of a decision on a restricted clause", () => {
  it("tells the author, the delegations that took a position and the discussion when nothing is restricted", async () => {
    const told = await decideUnder({ chapter: [], clause: [] });
    expect(sorted(told)).toEqual(sorted([author, ...members.CAN, ...members.DEU, members.FRA[0]]));
    expect(told.has(chair)).toBe(false);
  });

  it("stores nothing for delegations the clause is restricted away from", async () => {
    const told = await decideUnder({ chapter: [], clause: ["AUS", "CAN"] });
    expect(sorted(told)).toEqual(sorted([author, ...members.CAN]));
  });

  it("counts the chapter's restriction with the clause's: only those on both lists are told", async () => {
    const told = await decideUnder({ chapter: ["AUS", "DEU"], clause: ["AUS", "CAN"] });
    expect(sorted(told)).toEqual([author]);
  });
});
