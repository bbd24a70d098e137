// The topics an article is compiled under, set by the chair: `{ "topicIds": [...] }` (the whole set).
import { assignClauseTopics, ZAssignClauseTopics } from "@/lib/compilation/assign-clause-topics";
import { routeDoor } from "@/lib/doors/route-door";

export const PUT = routeDoor("clause.manage", ZAssignClauseTopics, assignClauseTopics);
