// Seeding on a real PostgreSQL: a fresh, migrated database per describe block.

import { PrismaPg } from "@prisma/adapter-pg";
import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { paragraphsOf } from "@/lib/clause-model/clause-model";
import { ALTERNATIVES } from "@/lib/editor/alternatives-mark";
import { verifyPassword } from "../auth/password";
import { bracketsInClause } from "../brackets/brackets-in-clause";
import { clausePlainText } from "../clause-model/plain-text";
import { readClause } from "../clause-model/read-clause";
import { PrismaClient } from "../db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { BRACKET } from "../editor/bracket-mark";
import { CLAUSE_FRAGMENT, clauseSchema } from "../editor/extensions";
import { DEMO_INSTRUMENT } from "./demo-instrument";
import { DEMO_ORGANIZATIONS } from "./demo-organizations";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { seedIfEmpty } from "./seed-demo-data";

/** A clause's JSON without its bracket and alternatives marks. */
function withoutBrackets(node: JSONContent): JSONContent {
  const marks = node.marks?.filter((mark) => mark.type !== BRACKET && mark.type !== ALTERNATIVES);
  const copy: JSONContent = { ...node };
  if (node.marks) {
    if (marks && marks.length > 0) copy.marks = marks;
    else delete copy.marks;
  }
  if (node.content) {
    // Unbracketed neighbours with the same marks read as one text node, as in the source.
    const content: JSONContent[] = [];
    for (const child of node.content.map(withoutBrackets)) {
      const last = content.at(-1);
      if (last?.type === "text" && child.type === "text" && JSON.stringify(last.marks) === JSON.stringify(child.marks))
        content[content.length - 1] = { ...last, text: `${last.text}${child.text}` };
      else content.push(child);
    }
    copy.content = content;
  }
  return copy;
}

/** A freshly migrated database and a client of its own, dropped after the block. */
function useFreshDatabase(): () => PrismaClient {
  let database: TestDatabase | undefined;
  let prisma: PrismaClient | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  }, 60_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });
  return () => {
    if (!prisma) throw new Error("database not ready");
    return prisma;
  };
}

function rowCounts(prisma: PrismaClient) {
  return Promise.all([
    prisma.organization.count(),
    prisma.user.count(),
    prisma.membership.count(),
    prisma.instrument.count(),
    prisma.participant.count(),
    prisma.chapter.count(),
    prisma.clause.count(),
    prisma.clauseDocument.count(),
  ]);
}

const demoClauses = DEMO_INSTRUMENT.chapters.flatMap((chapter) => chapter.clauses);

describe("seedIfEmpty on an empty database", () => {
  const db = useFreshDatabase();
  let seeded: boolean;

  beforeAll(async () => {
    seeded = await seedIfEmpty(db());
  }, 60_000);

  it("reports that it seeded", () => {
    expect(seeded).toBe(true);
  });

  it("creates the instrument with its chapters and clauses in order", async () => {
    const instrument = await db().instrument.findUniqueOrThrow({
      where: { slug: DEMO_INSTRUMENT.slug },
      include: {
        chapters: { orderBy: { position: "asc" }, include: { clauses: { orderBy: { position: "asc" } } } },
      },
    });
    expect(instrument.title).toBe(DEMO_INSTRUMENT.title);
    expect(instrument.chapters.length).toBeGreaterThanOrEqual(3);
    const clauses = instrument.chapters.flatMap((chapter) => chapter.clauses);
    expect(clauses.length).toBeGreaterThanOrEqual(9);
    expect(clauses.map((c) => [c.number, c.title, c.status, c.topics])).toEqual(
      demoClauses.map((c) => [c.number, c.title, c.status, c.topics]),
    );
    expect(clauses.every((c) => c.instrumentId === instrument.id)).toBe(true);
  });

  it("gives every organisation at least one member and its role in the instrument", async () => {
    const organizations = await db().organization.findMany({
      include: { memberships: true, participants: true },
    });
    expect(organizations).toHaveLength(DEMO_ORGANIZATIONS.length);
    for (const demo of DEMO_ORGANIZATIONS) {
      const organization = organizations.find((o) => o.code === demo.code);
      expect(organization?.memberships.length, demo.code).toBeGreaterThanOrEqual(1);
      expect(organization?.participants.map((p) => p.role)).toEqual([demo.role]);
    }
    expect(await db().user.count()).toBe(DEMO_USERS.length);
  });

  it("stores each clause as Yjs state that decodes to its source text", async () => {
    const clauses = await db().clause.findMany({ include: { document: true } });
    for (const demo of demoClauses) {
      const clause = clauses.find((c) => c.number === demo.number);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, clause?.document?.snapshot ?? new Uint8Array());
      const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
      // The seed then brackets disputed words (demo-brackets.ts), marks alternatives
      // (demo-alternatives.ts) and sets paragraph statuses (demo-paragraph-status.ts, tested
      // there): the text is the source's.
      expect(withoutStatuses(withoutBrackets(root.toJSON())), `article ${demo.number}`).toEqual(demo.body);
      expect(clause?.document?.plainText).toBe(clausePlainText(readClause(doc)));
      doc.destroy();
    }
  });

  it("models the alternatives as sets: Alt 1 marked in the text, further options sponsored, several delegations supporting", async () => {
    const sets = await db().alternativeSet.findMany({ include: { options: true, supports: true } });
    expect(sets.length).toBeGreaterThanOrEqual(5);
    const clauses = await db().clause.findMany({ include: { document: true } });
    const marked = new Set<string>();
    for (const clause of clauses) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, clause.document?.snapshot ?? new Uint8Array());
      for (const paragraph of paragraphsOf(readClause(doc).blocks))
        for (const inline of paragraph.inlines)
          if (inline.type === "text" && inline.alternatives) marked.add(inline.alternatives);
      expect(clause.document?.plainText).not.toMatch(/\[Alt \d/);
      doc.destroy();
    }
    for (const set of sets) {
      expect(marked.has(set.id)).toBe(true);
      expect(set.options.find((o) => o.position === 1)?.sponsorCode).toBeNull();
      expect(set.options.find((o) => o.position === 2)?.sponsorCode).toBeTruthy();
      expect(new Set(set.supports.map((s) => s.organizationCode)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it("brackets disputed words of open articles only, several delegations' brackets, one row each", async () => {
    const clauses = await db().clause.findMany({ include: { document: true } });
    const rows = await db().bracket.findMany();
    for (const clause of clauses) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, clause.document?.snapshot ?? new Uint8Array());
      const brackets = bracketsInClause(readClause(doc).blocks);
      doc.destroy();
      expect(brackets.length > 0, `article ${clause.number}`).toBe(clause.status === "OPEN");
      expect(brackets.map((b) => b.id).sort()).toEqual(
        rows
          .filter((row) => row.clauseId === clause.id)
          .map((row) => row.id)
          .sort(),
      );
      if (clause.number === "14") {
        const onPornography = brackets.filter((b) => b.words === "child pornography").map((b) => b.organizationCode);
        expect(new Set(onPornography)).toEqual(new Set(["AUS", "NZL"]));
        expect(brackets.filter((b) => b.words === "child sexual abuse material")[0]?.organizationCode).toBe("RUS");
      }
    }
    expect(new Set(rows.map((row) => row.organizationCode)).size).toBeGreaterThanOrEqual(8);
  });

  it("keeps both terms of the CSAM dispute in article 14", async () => {
    const clause = await db().clause.findFirstOrThrow({ where: { number: "14" }, include: { document: true } });
    expect(clause.document?.plainText).toContain("child sexual abuse material");
    expect(clause.document?.plainText).toContain("child pornography");
  });

  it("lets every demo user sign in with the demo password", async () => {
    const users = await db().user.findMany({ select: { passwordHash: true } });
    const hashes = new Set(users.map((u) => u.passwordHash));
    expect(hashes.size).toBe(1); // hashed once, shared
    const [hash] = hashes;
    expect(await verifyPassword(DEMO_PASSWORD, hash ?? "")).toBe(true);
    expect(await verifyPassword("not-the-password", hash ?? "")).toBe(false);
  });

  it("does nothing the second time", async () => {
    const before = await rowCounts(db());
    expect(await seedIfEmpty(db())).toBe(false);
    expect(await rowCounts(db())).toEqual(before);
  });
});

describe("seedIfEmpty called twice at once", () => {
  const db = useFreshDatabase();

  it("seeds exactly once", async () => {
    const results = await Promise.all([seedIfEmpty(db()), seedIfEmpty(db())]);
    expect(results.sort()).toEqual([false, true]);
    expect(await db().instrument.count()).toBe(1);
  }, 60_000);
});

/** The clause's JSON without its list items' status attributes. */
function withoutStatuses(node: JSONContent): JSONContent {
  const { attrs, content, ...rest } = node;
  const kept = node.type === "listItem" ? undefined : attrs;
  return { ...rest, ...(kept ? { attrs: kept } : {}), ...(content ? { content: content.map(withoutStatuses) } : {}) };
}
