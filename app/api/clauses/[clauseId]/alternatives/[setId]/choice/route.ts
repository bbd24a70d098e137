// The chair chooses one option of a set, which ends it.
import { chooseAlternative, ZChooseAlternative } from "@/lib/alternatives/choose-alternative";
import { routeDoor } from "@/lib/doors/route-door";

export const POST = routeDoor("alternatives.choose", ZChooseAlternative, chooseAlternative);
