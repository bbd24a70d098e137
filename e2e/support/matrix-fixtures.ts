// Fixtures for the authorization matrix: comment threads and proposals by a given author, fresh
// for each attempt, so that one person's outcome (a deletion, a decision) cannot decide the next.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { type ClauseClient, openClause } from "@/lib/collab/test-support/clause-client";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { withDatabase } from "./sessions";
import { expect } from "./test";

// Comment threads are written straight into the database: the door that creates threads is
// tried on its own (thread.create), and some authors here could not write one today — a
// delegation downgraded to reader keeps the comments it wrote.

export type WrittenThread = { threadPath: string; commentPath: string; threadId: string; commentId: string };

export async function writtenThread(
  clauseId: string,
  author: ProposalAuthor,
  resolved = false,
): Promise<WrittenThread> {
  return withDatabase(async (db) => {
    const threadId = (
      await db.query<{ id: string }>(
        `INSERT INTO "CommentThread" (id, "clauseId", "authorId", "authorOrganizationId", "resolvedAt", "resolvedById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING id`,
        [
          clauseId,
          author.authorId,
          author.organizationId,
          resolved ? new Date() : null,
          resolved ? author.authorId : null,
        ],
      )
    ).rows[0].id;
    const commentId = (
      await db.query<{ id: string }>(
        `INSERT INTO "Comment" (id, "threadId", "authorId", "authorOrganizationId", body)
         VALUES (gen_random_uuid(), $1, $2, $3, 'Written for the matrix.') RETURNING id`,
        [threadId, author.authorId, author.organizationId],
      )
    ).rows[0].id;
    const threadPath = `/api/clauses/${clauseId}/threads/${threadId}`;
    return { threadId, commentId, threadPath, commentPath: `${threadPath}/comments/${commentId}` };
  });
}

export type StoredThread = { resolved: boolean; comments: number; body: string; deleted: boolean };

export async function storedThread(thread: WrittenThread): Promise<StoredThread> {
  return withDatabase(
    async (db) =>
      (
        await db.query<StoredThread>(
          `SELECT t."resolvedAt" IS NOT NULL AS resolved, c.body, c."deletedAt" IS NOT NULL AS deleted,
                  (SELECT count(*)::int FROM "Comment" WHERE "threadId" = t.id AND kind = 'COMMENT') AS comments
           FROM "CommentThread" t JOIN "Comment" c ON c.id = $2 WHERE t.id = $1`,
          [thread.threadId, thread.commentId],
        )
      ).rows[0],
  );
}

// Proposal fixtures: fresh words proposed at the start of the clause, stamped with their author
// and written over one connection of the chair per clause. The chair may edit the text
// directly, so the server stores them as they are: that stands for any author, including
// people who may no longer propose (the same bytes a delegate's own editor would send).

/** The first run of text in the clause; a new clause gets its first paragraph (agreed text). */
function firstText(client: ClauseClient): Y.XmlText {
  const walk = (parent: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) return child;
      const found = child instanceof Y.XmlElement ? walk(child) : null;
      if (found) return found;
    }
    return null;
  };
  const found = walk(client.doc.getXmlFragment(CLAUSE_FRAGMENT));
  if (found) return found;
  client.appendParagraph("Text under informal consultations.");
  return firstText(client);
}

export async function proposalStatus(id: string): Promise<string | undefined> {
  return withDatabase(
    async (db) => (await db.query(`SELECT status FROM "Proposal" WHERE id = $1`, [id])).rows[0]?.status,
  );
}

/** The fingerprint of a proposal's words, as the panel shows it (decisions and positions carry it). */
export async function proposalFingerprintOf(id: string): Promise<string> {
  return withDatabase(
    async (db) => (await db.query(`SELECT fingerprint FROM "Proposal" WHERE id = $1`, [id])).rows[0]?.fingerprint,
  );
}

/** `chairCookie`: the chair's session, whose connections write the proposals. */
export function proposalFixtures(socketUrl: string, chairCookie: string) {
  const writers = new Map<string, ClauseClient>();
  let proposalsMade = 0;

  async function writerFor(clauseId: string): Promise<ClauseClient> {
    let writer = writers.get(clauseId);
    if (!writer) {
      writer = openClause(socketUrl, clauseId, chairCookie);
      writers.set(clauseId, writer);
      await writer.saved();
    }
    return writer;
  }

  /** Proposes fresh words by `author`; resolves once the server has indexed the proposal as open. */
  async function freshProposal(clauseId: string, author: ProposalAuthor): Promise<string> {
    const writer = await writerFor(clauseId);
    const id = randomUUID();
    firstText(writer).insert(0, `Matrix proposal ${++proposalsMade}. `, { insertion: stamp(author, id) });
    await writer.saved();
    await expect.poll(() => proposalStatus(id), { intervals: [50], timeout: 10_000 }).toBe("OPEN");
    return id;
  }

  /** Takes a proposal that is still open out of the text, so no attempt leaves one behind. */
  async function closeIfOpen(clauseId: string, id: string): Promise<void> {
    if ((await proposalStatus(id)) !== "OPEN") return;
    const writer = await writerFor(clauseId);
    decideInFragment(writer.doc.getXmlFragment(CLAUSE_FRAGMENT), new Set([id]), "REJECTED");
    await writer.saved();
    await expect.poll(() => proposalStatus(id), { intervals: [50], timeout: 10_000 }).toBe("WITHDRAWN");
  }

  /** Acts on a fresh open proposal by `author` (through a route handler, or the socket). */
  async function onFreshProposal(
    clauseId: string,
    author: ProposalAuthor,
    act: (proposalId: string) => Promise<boolean>,
  ): Promise<boolean> {
    const id = await freshProposal(clauseId, author);
    try {
      return await act(id);
    } finally {
      await closeIfOpen(clauseId, id);
    }
  }

  return {
    onFreshProposal,
    close() {
      for (const writer of writers.values()) writer.destroy();
    },
  };
}
