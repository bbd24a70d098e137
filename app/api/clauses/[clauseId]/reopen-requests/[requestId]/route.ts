// The chair answers a request to reopen: POST `{ "decision": "REOPEN" }` or
// `{ "decision": "DECLINE", "answer": "why it stays agreed" }`.
import { routeDoor } from "@/lib/doors/route-door";
import { answerReopenRequest, ZAnswerReopenRequest } from "@/lib/paragraph-status/answer-reopen-request";

export const POST = routeDoor("reopen.answer", ZAnswerReopenRequest, answerReopenRequest);
