// The round trip: a Word file made by the project's own export ("with proposals": tracked
// changes and comments) of an instrument, imported back into an empty instrument, gives the same
// chapters, clauses, text, proposals (by delegation) and threads (with replies and resolution).

import { beforeAll, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createInstrument } from "@/lib/admin/create-instrument";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { agreedForm } from "@/lib/clause-model/agreed-form";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { readClause } from "@/lib/clause-model/read-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import { listThreads } from "@/lib/comments/list-threads";
import { prisma } from "@/lib/db/prisma";
import { exportInstrument } from "@/lib/exports/export-instrument";
import { listClauseProposals } from "@/lib/proposals/list-clause-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { guessDelegation } from "./guess-delegation";
import { importWordDraft } from "./import-word-draft";
import { previewWordDraft } from "./preview-word-draft";
import { CANADA_AUTHOR, draftConvention, KENYA_AUTHOR, withStatuses } from "./test-support/word-fixtures";

// The export module is the server's; its marker does not apply to a test.
vi.mock("server-only", () => ({}));

let secretariat: SessionUser;
let ids: { jam: string; can: string };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

async function emptyInstrument(slug: string): Promise<string> {
  const demo = await prisma.instrument.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
  const { instrumentId } = await createInstrument(secretariat, {
    instrumentId: demo.id,
    title: slug,
    shortTitle: slug,
    slug,
  });
  await prisma.participant.createMany({
    data: [
      { instrumentId, organizationId: ids.jam, role: "DELEGATE" },
      { instrumentId, organizationId: ids.can, role: "DELEGATE" },
    ],
  });
  return instrumentId;
}

async function modelOf(clauseId: string): Promise<ClauseModel> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return readClause(doc);
}

/** What must survive the round trip, read through the clause model, the proposals and comments lists. */
async function whatItHolds(instrumentId: string) {
  const chapters = await prisma.chapter.findMany({
    where: { instrumentId },
    orderBy: { position: "asc" },
    include: { clauses: { orderBy: { position: "asc" } } },
  });
  return Promise.all(
    chapters.map(async (chapter) => ({
      chapter: `${chapter.number}. ${chapter.title}`,
      clauses: await Promise.all(
        chapter.clauses.map(async (clause) => {
          const model = await modelOf(clause.id);
          return {
            clause: `${clause.number}. ${clause.title} (${clause.status})`,
            // Threads are new rows in the copy: their anchors are compared by where they sit, not by id.
            text: agreedForm(model.blocks).replace(UUID, "thread"),
            proposals: (await listClauseProposals(clause.id)).map((p) => ({
              kind: p.kind,
              delegation: p.delegation.code,
              inserted: p.insertedText,
              deleted: p.deletedText,
              at: p.proposedAt,
            })),
            threads: (await listThreads(secretariat, { clauseId: clause.id })).map((t) => ({
              quote: t.quote,
              resolved: t.resolved !== null,
              comments: t.comments.filter((c) => c.kind === "COMMENT").map((c) => [c.author.organizationCode, c.body]),
            })),
          };
        }),
      ),
    })),
  );
}

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@clausework.demo" } });
  secretariat = (await findSessionUser(user.id)) as SessionUser;
  const code = async (c: string) => (await prisma.organization.findUniqueOrThrow({ where: { code: c } })).id;
  ids = { jam: await code("JAM"), can: await code("CAN") };
});

it("a Word file made by the export, imported into an empty instrument, gives the same clauses, proposals and threads", async () => {
  const original = await emptyInstrument("round-trip-from");
  await importWordDraft(secretariat, {
    instrumentId: original,
    file: await draftConvention(),
    authors: { [KENYA_AUTHOR]: ids.jam, [CANADA_AUTHOR]: ids.can },
  });
  await importWordDraft(secretariat, { instrumentId: original, file: await withStatuses() });
  const exported = await exportInstrument(secretariat, {
    instrumentId: original,
    format: "docx",
    variant: "proposals",
  });
  const file = bytesOf(exported.body);

  const copy = await emptyInstrument("round-trip-to");
  const preview = await previewWordDraft(secretariat, { instrumentId: copy, file });
  // The export names its authors "<Delegation> (<person>)": each guess is the delegation itself.
  const authors = Object.fromEntries(
    preview.authors.map((a) => [a.name, guessDelegation(a.name, preview.delegations)]),
  );
  expect(Object.values(authors).sort()).toEqual([ids.can, ids.jam].sort());
  await importWordDraft(secretariat, { instrumentId: copy, file, fileName: exported.fileName, authors });

  const before = await whatItHolds(original);
  const after = await whatItHolds(copy);
  expect(after).toEqual(before);
  expect(before.flatMap((c) => c.clauses).flatMap((c) => c.proposals)).toHaveLength(3);
  expect(before.flatMap((c) => c.clauses).flatMap((c) => c.threads)).toHaveLength(2);
});
