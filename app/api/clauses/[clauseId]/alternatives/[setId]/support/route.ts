// The delegation's support in a set: for one option (optionId), or withdrawn (optionId null).
import { supportAlternative, ZSupportAlternative } from "@/lib/alternatives/support-alternative";
import { routeDoor } from "@/lib/doors/route-door";

export const PUT = routeDoor("alternatives.support", ZSupportAlternative, supportAlternative);
