// Fills an empty database with the demo negotiation: organisations, people, the draft
// convention and each clause's collaborative (Yjs) state.
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { hashPassword } from "../auth/password";
import { clausePlainText } from "../clause-model/plain-text";
import { readClause } from "../clause-model/read-clause";
import { lockUntilCommit } from "../db/advisory-lock";
import type { PrismaClient } from "../db/generated/client";
import { CLAUSE_FRAGMENT, clauseSchema } from "../editor/extensions";
import { seedDemoAlternatives } from "./demo-alternatives";
import { seedDemoBrackets } from "./demo-brackets";
import { DEMO_INSTRUMENT } from "./demo-instrument";
import { DEMO_ORGANIZATIONS } from "./demo-organizations";
import { seedParagraphStatuses } from "./demo-paragraph-status";
import { seedReferenceWork } from "./demo-reference-work";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { seedSponsorsAndTopics } from "./seed-sponsors-and-topics";

/**
 * Seeds the demo data if the database holds no instrument yet. Everything is written in one
 * transaction. Returns true if it seeded, false if there was already an instrument.
 */
export async function seedIfEmpty(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.instrument.count()) > 0) return false;

  // Slow work before the transaction opens: scrypt once for all accounts (they share the
  // password), and each clause's Yjs state, built from its JSON this one time only.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const chapters = DEMO_INSTRUMENT.chapters.map((chapter) => ({
    ...chapter,
    clauses: chapter.clauses.map((clause) => ({ ...clause, ...clauseDocument(clause.body) })),
  }));

  return prisma.$transaction(
    async (tx) => {
      // Held until commit, so two processes starting at once seed only once.
      await lockUntilCommit(tx, { kind: "seed-demo-data" });
      if ((await tx.instrument.count()) > 0) return false;

      const organizations = await tx.organization.createManyAndReturn({
        data: DEMO_ORGANIZATIONS.map(({ code, name, kind, colour }) => ({ code, name, kind, colour })),
        select: { id: true, code: true },
      });
      const organizationId = new Map(organizations.map((o) => [o.code, o.id]));
      const idOf = (code: string) => {
        const id = organizationId.get(code);
        if (!id) throw new Error(`Demo data names an unknown organisation: ${code}`);
        return id;
      };

      const users = await tx.user.createManyAndReturn({
        data: DEMO_USERS.map(({ email, name }) => ({ email, name, passwordHash })),
        select: { id: true, email: true },
      });
      const userId = new Map(users.map((u) => [u.email, u.id]));
      await tx.membership.createMany({
        data: DEMO_USERS.map((u) => ({
          userId: userId.get(u.email) as string,
          organizationId: idOf(u.organizationCode),
        })),
      });

      const instrument = await tx.instrument.create({
        data: {
          slug: DEMO_INSTRUMENT.slug,
          title: DEMO_INSTRUMENT.title,
          shortTitle: DEMO_INSTRUMENT.shortTitle,
          participants: { create: DEMO_ORGANIZATIONS.map((o) => ({ organizationId: idOf(o.code), role: o.role })) },
        },
        select: { id: true },
      });

      for (const [chapterPosition, chapter] of chapters.entries()) {
        await tx.chapter.create({
          data: {
            instrumentId: instrument.id,
            number: chapter.number,
            title: chapter.title,
            position: chapterPosition,
            clauses: {
              create: chapter.clauses.map((clause, position) => ({
                instrumentId: instrument.id,
                number: clause.number,
                title: clause.title,
                topics: clause.topics,
                status: clause.status,
                position,
                document: { create: { snapshot: clause.snapshot, plainText: clause.plainText } },
              })),
            },
          },
        });
      }
      await seedDemoBrackets(tx, instrument.id);
      await seedDemoAlternatives(tx, instrument.id);
      await seedReferenceWork(tx, instrument.id);
      await seedSponsorsAndTopics(tx, instrument.id);
      await seedParagraphStatuses(tx, instrument.id);
      return true;
    },
    { timeout: 60_000 },
  );
}

function clauseDocument(body: JSONContent) {
  const doc = prosemirrorJSONToYDoc(clauseSchema, body, CLAUSE_FRAGMENT);
  const document = { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)), plainText: clausePlainText(readClause(doc)) };
  doc.destroy();
  return document;
}
