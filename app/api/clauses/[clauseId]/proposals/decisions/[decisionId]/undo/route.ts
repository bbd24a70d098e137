// Undo a decision just taken (within 2 minutes, by the clause's chair and secretariat). No body:
// the URL names the clause and the decision. 409 with the reason when it can no longer be undone
// safely (too late, already undone, or its words edited since).
import { routeDoor } from "@/lib/doors/route-door";
import { undoDecision, ZUndoDecision } from "@/lib/proposals/undo-decision";

export const POST = routeDoor("proposal.undoDecision", ZUndoDecision, undoDecision);
