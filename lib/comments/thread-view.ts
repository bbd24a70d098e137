// A thread as the people in the clause see it: its words, its discussion in order, and what
// this viewer may do with it (decided here by the permissions module, shown as buttons).

import type { ClauseContext } from "@/lib/clauses/clause-context";
import type { Prisma } from "@/lib/db/generated/client";
import { can } from "@/lib/permissions/can";
import type { ProposalSummary } from "./proposal-summary";
import { threadTarget as targetOf } from "./thread-target";

const person = {
  select: {
    id: true,
    name: true,
    memberships: { select: { organization: { select: { code: true } } }, take: 1, orderBy: { createdAt: "asc" } },
  },
} as const;
const organization = { select: { id: true, code: true, name: true, colour: true } } as const;

export const THREAD_INCLUDE = {
  author: { select: { id: true, name: true } },
  authorOrganization: organization,
  resolvedBy: person,
  comments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { id: true, name: true } }, authorOrganization: organization },
  },
} satisfies Prisma.CommentThreadInclude;

export type ThreadRow = Prisma.CommentThreadGetPayload<{ include: typeof THREAD_INCLUDE }>;

export type PersonView = {
  id: string;
  name: string;
  organizationCode: string;
  organizationName: string;
  colour: string;
};

export type CommentView = {
  id: string;
  kind: "COMMENT" | "RESOLVED" | "REOPENED";
  author: PersonView;
  /** Empty when deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  mayEdit: boolean;
  mayDelete: boolean;
};

export type ThreadView = {
  id: string;
  clauseId: string;
  proposalId: string | null;
  /** The proposal it discusses, as it stands now (null when it is not about a proposal). */
  proposal: ProposalSummary | null;
  /** The words it was started on; null for a thread on the whole clause (or a proposal). */
  quote: string | null;
  detached: boolean;
  createdAt: string;
  author: PersonView;
  resolved: { at: string; by: string } | null;
  comments: CommentView[];
  mayReply: boolean;
  mayResolve: boolean;
  mayReopen: boolean;
};

function personView(
  user: { id: string; name: string },
  organization: { code: string; name: string; colour: string },
): PersonView {
  return {
    id: user.id,
    name: user.name,
    organizationCode: organization.code,
    organizationName: organization.name,
    colour: organization.colour,
  };
}

/** Pure: `proposal` is what the thread discusses, read by view-threads.ts. */
export function toThreadView(
  thread: ThreadRow,
  { actor }: Pick<ClauseContext, "actor">,
  proposal: ProposalSummary | null = null,
): ThreadView {
  const threadTarget = targetOf(thread, thread.comments);
  const open = thread.resolvedAt === null;
  const resolver = thread.resolvedBy;
  return {
    id: thread.id,
    clauseId: thread.clauseId,
    proposalId: thread.proposalId,
    proposal,
    quote: thread.quote,
    detached: thread.detachedAt !== null,
    createdAt: thread.createdAt.toISOString(),
    author: personView(thread.author, thread.authorOrganization),
    resolved:
      thread.resolvedAt && resolver
        ? {
            at: thread.resolvedAt.toISOString(),
            by: `${resolver.name}${resolver.memberships[0] ? ` (${resolver.memberships[0].organization.code})` : ""}`,
          }
        : null,
    comments: thread.comments.map((comment) => {
      const target = { authorId: comment.authorId, authorOrganizationId: comment.authorOrganizationId };
      const live = comment.kind === "COMMENT" && comment.deletedAt === null;
      return {
        id: comment.id,
        kind: comment.kind,
        author: personView(comment.author, comment.authorOrganization),
        body: comment.deletedAt ? "" : comment.body,
        createdAt: comment.createdAt.toISOString(),
        editedAt: comment.editedAt?.toISOString() ?? null,
        deleted: comment.deletedAt !== null,
        mayEdit: live && can(actor, "comment.edit", target),
        mayDelete: live && can(actor, "comment.delete", target),
      };
    }),
    mayReply: open && can(actor, "comment.reply", threadTarget),
    mayResolve: open && can(actor, "thread.resolve", threadTarget),
    mayReopen: !open && can(actor, "thread.reopen", threadTarget),
  };
}
