// Square brackets on a clause's words: a delegation (or the chair) brackets the selected words.
import { placeBracket, ZPlaceBracket } from "@/lib/brackets/place-bracket";
import { routeDoor } from "@/lib/doors/route-door";

export const POST = routeDoor("bracket.place", ZPlaceBracket, placeBracket);
