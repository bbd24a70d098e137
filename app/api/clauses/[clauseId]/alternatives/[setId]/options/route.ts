// A further alternative for an open set.
import { addAlternative, ZAddAlternative } from "@/lib/alternatives/add-alternative";
import { routeDoor } from "@/lib/doors/route-door";

export const POST = routeDoor("alternatives.add", ZAddAlternative, addAlternative);
