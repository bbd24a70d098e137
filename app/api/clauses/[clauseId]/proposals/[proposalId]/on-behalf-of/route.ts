// Whom the proposal speaks for, set by its author's delegation: `{ "onBehalfOf": "CARICOM" }`
// ("" clears it).
import { routeDoor } from "@/lib/doors/route-door";
import { nameSponsorGroup, ZNameSponsorGroup } from "@/lib/sponsors/name-sponsor-group";

export const PUT = routeDoor("proposal.nameSponsorGroup", ZNameSponsorGroup, nameSponsorGroup);
