// What a bell notification says and where it leads: a comment's to its thread, a proposal's
// (a revision, a decision, an undone decision) to the proposal in its clause, history shown.
import type { NotificationView } from "@/lib/comments/list-notifications";

const PROPOSAL_LINKED = new Set<NotificationView["kind"]>([
  "PROPOSAL_DECIDED",
  "DECISION_UNDONE",
  "SPONSOR_INVITED",
  "SPONSOR_ANSWERED",
  "SPONSORED_REVISED",
]);

export function notificationHref(item: NotificationView): string {
  const clause = `/clauses/${item.clause.id}`;
  if (PROPOSAL_LINKED.has(item.kind) && item.proposalId) return `${clause}?proposal=${item.proposalId}`;
  return item.threadId ? `${clause}?thread=${item.threadId}` : clause;
}

/** The sentence after the actor's name, ending with where: "… rejected a proposal you follow in". */
export function notificationVerb(item: NotificationView): string {
  switch (item.kind) {
    case "PROPOSAL_REVISED":
      return "revised a proposal your delegation took a position on in";
    case "PROPOSAL_DECIDED":
      return `${item.decision?.outcome === "ACCEPTED" ? "accepted" : "rejected"} a proposal you follow in`;
    case "DECISION_UNDONE":
      return "undid the decision on a proposal you follow in";
    case "SPONSOR_INVITED":
      return "invited your delegation to co-sponsor a proposal in";
    case "SPONSOR_ANSWERED":
      return "answered your invitation to co-sponsor a proposal in";
    case "SPONSORED_REVISED":
      return "revised a proposal your delegation co-sponsors in";
    case "REOPEN_REQUESTED":
      return "asked to reopen agreed text in";
    case "REOPEN_ANSWERED":
      return "answered your delegation's request to reopen text in";
    case "MENTION":
      return `${item.mentioned ?? "mentioned you"} on`;
    default:
      return item.onProposal ? "commented on a proposal in" : "replied on";
  }
}
