// The delegation's position on a proposal: `{ "stance": "SUPPORTS" | "OPPOSES" | "RESERVES",
// "fingerprint" }` — the fingerprint of the words the panel showed (409 if revised since).
// PUT: a delegation has one position per proposal, which it may change or confirm.
import { routeDoor } from "@/lib/doors/route-door";
import { takePosition, ZTakePosition } from "@/lib/proposals/take-position";

export const PUT = routeDoor("proposal.takePosition", ZTakePosition, takePosition);
