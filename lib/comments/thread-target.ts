// The facts about a thread that who-may-resolve-or-reopen depends on (decided in can.ts): who
// started it, who wrote in it, and whether a proposal's outcome closed it rather than a person.
import type { Target } from "@/lib/permissions/can";

type ThreadFacts = {
  authorId: string;
  authorOrganizationId: string;
  closedByDecisionId: string | null;
  closedOnWithdrawal: boolean;
};

export function threadTarget(
  thread: ThreadFacts,
  comments: readonly { kind: string; authorId: string; deletedAt: Date | null }[],
): Target {
  return {
    authorId: thread.authorId,
    authorOrganizationId: thread.authorOrganizationId,
    participantIds: [
      ...new Set(comments.filter((c) => c.kind === "COMMENT" && c.deletedAt === null).map((c) => c.authorId)),
    ],
    closedByOutcome: thread.closedByDecisionId !== null || thread.closedOnWithdrawal,
  };
}
