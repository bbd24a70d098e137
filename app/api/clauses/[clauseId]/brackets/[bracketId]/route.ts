// The chair removes a bracket, recording that its words are agreed. No body: the URL names both.
import { removeBracket, ZRemoveBracket } from "@/lib/brackets/remove-bracket";
import { routeDoor } from "@/lib/doors/route-door";

export const DELETE = routeDoor("bracket.remove", ZRemoveBracket, removeBracket);
