// Imports a Word draft into an instrument, in ONE transaction: its chapters and articles become
// chapters and clauses (through the administration commands), each clause's text is written as
// the shared schema's Yjs state (as the seed writes it), its tracked changes become proposals of
// the delegations the secretariat mapped their Word authors to — marks stamped as suggest mode
// stamps them, indexed like typed proposals — and its comments become threads anchored on their
// words, with their replies and resolved state. A refusal anywhere stores nothing.
//
// The proposals and comments are recorded as the mapped delegation's, made by the person who
// imported them: Word's author names are names typed into Word, not accounts, and the person
// who brought the words in is the one who answers for them.
import { randomUUID } from "node:crypto";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { createChapter } from "@/lib/admin/create-chapter";
import { createClause } from "@/lib/admin/create-clause";
import { requireInstrumentRight } from "@/lib/admin/instrument-rights";
import { setClauseStatus } from "@/lib/admin/set-clause-status";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { type ClauseModel, paragraphsOf } from "@/lib/clause-model/clause-model";
import { clausePlainText } from "@/lib/clause-model/plain-text";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/comment-length";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { markedProgress, storeProgress } from "@/lib/paragraph-status/clause-progress";
import { indexClauseProposals } from "@/lib/proposals/index-clause-proposals";
import { type AuthorStamps, articleBody } from "./article-body";
import { refuseDocx } from "./docx-refusal";
import { previewDraft } from "./draft-preview";
import { type DraftThread, draftThreads } from "./draft-threads";
import type { WordComment } from "./read-comments";
import { readDocx } from "./read-docx";
import { importDelegations } from "./word-import-delegations";
import { LEAVE_OUT, type TWordImport, ZWordImport } from "./word-import-input";

export type ImportedClause = { id: string; number: string; title: string; chapter: string };
export type WordImportResult = { clauses: ImportedClause[]; proposals: number; threads: number; comments: number };

/** A long import is many rows: it may take longer than a command's usual transaction. */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

function bodyOf(comment: WordComment): string {
  const text = comment.text.trim() || "(An empty comment in the Word draft.)";
  if (text.length > MAX_COMMENT_LENGTH) {
    throw refuseDocx(
      `A comment by ${comment.author} is longer than ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters, the most a comment may hold.`,
    );
  }
  return text;
}

function dateOf(date: string | null, fallback: Date): Date {
  const parsed = date ? new Date(date) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : fallback;
}

/** The words a thread's anchor covers in the clause as written (empty: it covers none). */
function quoteOf(model: ClauseModel, threadId: string): string {
  const pieces: string[] = [];
  for (const paragraph of paragraphsOf(model.blocks)) {
    const words = paragraph.inlines
      .map((inline) => (inline.type === "text" && inline.anchors.includes(threadId) ? inline.text : ""))
      .join("");
    if (words) pieces.push(words);
  }
  return pieces.join(" ").trim();
}

/** Each Word author's stamp, after checking the mapping against the instrument's delegations. */
async function stampsFor(
  tx: Tx,
  by: SessionUser,
  instrumentId: string,
  mapping: Record<string, string>,
  authors: { name: string; changes: number; comments: number }[],
): Promise<AuthorStamps> {
  const delegations = new Map((await importDelegations(tx, instrumentId, by)).map((d) => [d.id, d]));
  const stamps: AuthorStamps = new Map();
  for (const author of authors) {
    // Only what the form names: an author called "constructor" inherits nothing from Object.
    const choice = Object.hasOwn(mapping, author.name) ? mapping[author.name] : undefined;
    if (!choice) throw refuseDocx(`Choose the delegation of “${author.name}” (or leave their changes out).`);
    if (choice === LEAVE_OUT) {
      stamps.set(author.name, null);
      continue;
    }
    const delegation = delegations.get(choice);
    if (!delegation)
      throw refuseDocx(`“${author.name}” is mapped to an organisation that does not take part in this instrument.`);
    if (author.changes > 0 && !delegation.maySuggest)
      throw refuseDocx(
        `${delegation.name} may not propose wording, so “${author.name}”'s tracked changes cannot be theirs.`,
      );
    if (author.comments > 0 && !delegation.mayComment)
      throw refuseDocx(`${delegation.name} may not comment, so “${author.name}”'s comments cannot be theirs.`);
    stamps.set(author.name, {
      authorId: by.id,
      authorName: by.name,
      organizationId: delegation.id,
      organizationCode: delegation.code,
      organizationName: delegation.name,
      colour: delegation.colour,
    });
  }
  return stamps;
}

async function storeThread(
  tx: Tx,
  by: SessionUser,
  clauseId: string,
  thread: DraftThread & { id: string; quote: string },
  stamps: AuthorStamps,
  now: Date,
): Promise<number> {
  const starter = stamps.get(thread.start.author);
  if (!starter) return 0;
  const replies = thread.replies.filter((reply) => stamps.get(reply.author));
  const started = dateOf(thread.start.date, now);
  await tx.commentThread.create({
    data: {
      id: thread.id,
      clauseId,
      authorId: by.id,
      authorOrganizationId: starter.organizationId,
      quote: thread.quote || null,
      createdAt: started,
      ...(thread.resolved ? { resolvedAt: now, resolvedById: by.id } : {}),
    },
  });
  const comments = [thread.start, ...replies].map((comment, index) => ({
    threadId: thread.id,
    authorId: by.id,
    authorOrganizationId: stamps.get(comment.author)?.organizationId ?? starter.organizationId,
    body: bodyOf(comment),
    // Replies keep Word's order even where Word gave no date.
    createdAt: new Date(Math.max(dateOf(comment.date, now).getTime(), started.getTime() + index)),
  }));
  await tx.comment.createMany({ data: comments });
  if (thread.resolved) {
    // As resolving a thread records it in its discussion (lib/comments/resolve-thread.ts).
    await tx.comment.create({
      data: {
        threadId: thread.id,
        kind: "RESOLVED",
        authorId: by.id,
        authorOrganizationId: by.organizationId,
        createdAt: new Date(Math.max(now.getTime(), comments.at(-1)?.createdAt.getTime() ?? 0) + 1),
      },
    });
  }
  return comments.length;
}

export async function importWordDraft(by: SessionUser, raw: TWordImport, tx?: Tx): Promise<WordImportResult> {
  const { instrumentId, file, fileName, authors: mapping } = parseInput(ZWordImport, raw);
  return inTransaction(
    tx,
    async (tx) => {
      // Rights first: a person who may not import learns nothing of how the file reads.
      await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
      const draft = readDocx(file, fileName);
      const { authors } = previewDraft(draft);
      const stamps = await stampsFor(tx, by, instrumentId, mapping, authors);
      const now = new Date();
      const at = (date: string | null) => dateOf(date, now).toISOString();
      const threads = draftThreads(draft, draft.comments).threads.map((thread) => ({ ...thread, id: randomUUID() }));
      // Every clause's text is built before the first write: the writes that follow hold the
      // audit trail's lock (each command records its entry), and should not wait on this work.
      const counters = new Map<string, number>();
      const planned = draft.chapters.map((chapter) => ({
        chapter,
        articles: chapter.articles.map((article) => {
          const own = threads.filter((thread) => thread.article === article && stamps.get(thread.start.author));
          const threadOf = new Map(own.filter((t) => t.onWords).map((thread) => [thread.commentId, thread.id]));
          const body = articleBody(article, stamps, threadOf, counters, at);
          const doc = prosemirrorJSONToYDoc(clauseSchema, body, CLAUSE_FRAGMENT);
          const model = readClause(doc);
          const snapshot = Y.encodeStateAsUpdate(doc);
          doc.destroy();
          return { article, model, snapshot, threads: own.map((t) => ({ ...t, quote: quoteOf(model, t.id) })) };
        }),
      }));
      const result: WordImportResult = { clauses: [], proposals: 0, threads: 0, comments: 0 };
      for (const { chapter, articles } of planned) {
        const { chapterId } = await createChapter(
          by,
          { instrumentId, number: chapter.number.slice(0, 20), title: chapter.title.slice(0, 300) },
          tx,
        );
        for (const { article, model, snapshot, threads: own } of articles) {
          const number = article.number.slice(0, 20);
          const title = article.title.slice(0, 300);
          const { clauseId } = await createClause(by, { instrumentId, chapterId, number, title, topics: [] }, tx);
          await tx.clauseDocument.create({
            data: { clauseId, snapshot: Buffer.from(snapshot), plainText: clausePlainText(model) },
          });
          await recordServerWrite(tx, clauseId, snapshot);
          for (const thread of own) {
            result.comments += await storeThread(tx, by, clauseId, thread, stamps, now);
            result.threads++;
          }
          await storeProgress(tx, clauseId, markedProgress(model));
          if (article.status !== "OPEN")
            await setClauseStatus(by, { instrumentId, clauseId, status: article.status }, tx);
          const proposals = proposalsInClause(model);
          await indexClauseProposals(clauseId, proposals, now, tx);
          result.proposals += proposals.length;
          result.clauses.push({ id: clauseId, number, title, chapter: chapter.number });
        }
      }
      await recordAuditEvent(tx, {
        action: "instrument.word-imported",
        actor: by,
        instrumentId,
        target: { type: "instrument", id: instrumentId },
        details: {
          file: fileName,
          chapters: draft.chapters.length,
          clauses: result.clauses.length,
          proposals: result.proposals,
          threads: result.threads,
          authors: [...stamps].map(([name, stamp]) => `${name} → ${stamp ? stamp.organizationCode : "left out"}`),
        },
      });
      return result;
    },
    IMPORT_TRANSACTION,
  );
}
