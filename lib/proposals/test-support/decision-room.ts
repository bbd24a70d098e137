// A clause room for decision tests: a fresh clause whose agreed text the chair writes, delegates
// who propose on it through real providers, and what the chair's panel shows.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { loadClauseState } from "@/lib/collab/clause-store";
import { type ClauseClient, eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment, type Outcome } from "@/lib/editor/suggestions/decide-in-fragment";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { listClauseProposals } from "../list-clause-proposals";
import { authorFor, plainText } from "./yjs-proposals";

export type Person = { author: ProposalAuthor; cookie: string };

export async function person(email: string): Promise<Person> {
  const author = await authorFor(email);
  return { author, cookie: await sessionCookie(author.authorId) };
}

/** A new clause at the end of clause 14's chapter, its agreed text written by the chair. */
export async function freshClause(url: string, chair: Person, paragraphs: string[]): Promise<string> {
  const base = await prisma.clause.findFirstOrThrow({ where: { number: "14" } });
  const last = await prisma.clause.findFirstOrThrow({
    where: { chapterId: base.chapterId },
    orderBy: { position: "desc" },
  });
  const clause = await prisma.clause.create({
    data: {
      instrumentId: base.instrumentId,
      chapterId: base.chapterId,
      number: `T-${randomUUID().slice(0, 8)}`,
      title: "Decision test clause",
      topics: [],
      position: last.position + 1,
    },
  });
  const writer = openClause(url, clause.id, chair.cookie);
  await writer.saved();
  writer.doc.transact(() => {
    for (const text of paragraphs) writer.appendParagraph(text);
  });
  await writer.saved();
  writer.destroy();
  return clause.id;
}

/** The clause's text as stored in PostgreSQL, one line per paragraph. */
export async function storedText(clauseId: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return plainText(doc);
}

/** Waits until every one of `ids` is an open proposal in the table, as the panel lists them. */
export async function indexedOpen(ids: string[]): Promise<void> {
  await eventually(async () => {
    const rows = await prisma.proposal.findMany({ where: { id: { in: ids }, status: "OPEN" } });
    return rows.length === ids.length;
  });
}

/** What the chair's panel shows: each open proposal's fingerprint, by id. */
export async function shownFingerprints(clauseId: string, organizationId?: string): Promise<Record<string, string>> {
  const shown = await listClauseProposals(clauseId);
  return Object.fromEntries(
    shown
      .filter((p) => p.status === "OPEN" && (!organizationId || p.delegation.id === organizationId))
      .map((p) => [p.id, p.fingerprint]),
  );
}

/** The text after taking these decisions one after another on a copy of `doc`. */
export function predictedText(doc: Y.Doc, decisions: [string, Outcome][]): string {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  for (const [id, outcome] of decisions) decideInFragment(copy.getXmlFragment(CLAUSE_FRAGMENT), new Set([id]), outcome);
  return plainText(copy);
}

/** Waits until every client reads `text`. */
export async function everyoneReads(clients: ClauseClient[], text: string): Promise<void> {
  await eventually(() => clients.every((client) => plainText(client.doc) === text));
}
