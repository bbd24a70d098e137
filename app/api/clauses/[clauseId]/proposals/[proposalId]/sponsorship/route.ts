// The invited delegation's answer: `{ "answer": "ACCEPT" | "DECLINE", "fingerprint" }` — the
// fingerprint of the words it was shown (409 if revised since). The delegation is the session's.
import { routeDoor } from "@/lib/doors/route-door";
import { answerSponsorship, ZAnswerSponsorship } from "@/lib/sponsors/answer-sponsorship";

export const PUT = routeDoor("proposal.answerSponsorship", ZAnswerSponsorship, answerSponsorship);
