import "server-only";
// A clause's comment threads as the "proposals" export carries them: each with its comments in
// order (mentions written as "@Name", deleted comments and the resolve/reopen entries left out,
// since Word has no place for them) and whether it is resolved. Read as of a version's moment
// when the export is of a version: threads and comments made later are left out, and a thread
// resolved later counts as open.
import { parseComment } from "@/lib/comments/mentions";
import { prisma } from "@/lib/db/prisma";

export type ExportComment = {
  /** "<Delegation> (<person>)", as tracked changes are authored. */
  author: string;
  /** The delegation's code, Word's "initials". */
  initials: string;
  at: Date;
  body: string;
};

export type ExportThread = {
  id: string;
  /** The proposal it discusses: anchored on that proposal's words when they are in the text. */
  proposalId: string | null;
  /** The words it was started on, for a thread whose words are gone (shown on the article's heading). */
  quote: string | null;
  resolved: boolean;
  comments: ExportComment[];
};

export function authorLabel(organizationName: string, personName: string): string {
  return `${organizationName} (${personName})`;
}

function plainBody(body: string): string {
  return parseComment(body)
    .map((segment) => (segment.type === "text" ? segment.text : `@${segment.label}`))
    .join("");
}

/** The threads of the clauses, by clause id; `asOf`: the moment of the version exported (null: now). */
export async function loadExportThreads(clauseIds: string[], asOf: Date | null): Promise<Map<string, ExportThread[]>> {
  const made = asOf ? { createdAt: { lte: asOf } } : {};
  const rows = await prisma.commentThread.findMany({
    where: { clauseId: { in: clauseIds }, ...made },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      clauseId: true,
      proposalId: true,
      quote: true,
      resolvedAt: true,
      comments: {
        where: { kind: "COMMENT", deletedAt: null, ...made },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          body: true,
          createdAt: true,
          author: { select: { name: true } },
          authorOrganization: { select: { name: true, code: true } },
        },
      },
    },
  });
  const threads = new Map<string, ExportThread[]>();
  for (const row of rows) {
    if (row.comments.length === 0) continue;
    const thread: ExportThread = {
      id: row.id,
      proposalId: row.proposalId,
      quote: row.quote,
      resolved: row.resolvedAt !== null && (!asOf || row.resolvedAt <= asOf),
      comments: row.comments.map((comment) => ({
        author: authorLabel(comment.authorOrganization.name, comment.author.name),
        initials: comment.authorOrganization.code,
        at: comment.createdAt,
        body: plainBody(comment.body),
      })),
    };
    threads.set(row.clauseId, [...(threads.get(row.clauseId) ?? []), thread]);
  }
  return threads;
}
