import "server-only";
// POST /api/admin/person.move and the people page's Move: the door (members.manage) in front of
// movePersonToOrganization.
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { movePersonToOrganization, ZMovePerson } from "./move-person-to-organization";

export const movePerson = instrumentDoor("members.manage", ZMovePerson, ({ user }, input) =>
  movePersonToOrganization(user, input),
);
