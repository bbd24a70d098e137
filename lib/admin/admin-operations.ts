import "server-only";
import { userDoor } from "@/lib/doors/user-door";
// Every administration write, by name. The admin pages call them as server actions and
// POST /api/admin/<name> exposes the same functions to scripts; each is already wrapped in
// the instrument door, so both ways in are checked the same way.
import { addOrganization } from "./add-organization";
import { createChapter } from "./create-chapter";
import { createClause } from "./create-clause";
import { createInstrument } from "./create-instrument";
import { invitePerson, ZInvitePerson } from "./invite-person";
import { moveClause } from "./move-clause";
import { movePerson, ZMovePerson } from "./move-person";
import { reissueSignInLink, ZReissueSignInLink } from "./reissue-sign-in-link";
import { restrictChapter } from "./restrict-chapter";
import { restrictClause } from "./restrict-clause";
import { setClauseStatus } from "./set-clause-status";
import { setParticipantRole } from "./set-participant-role";
import { setPersonActive, ZSetPersonActive } from "./set-person-active";
import { updateClause } from "./update-clause";
import { updateInstrument } from "./update-instrument";

export const ADMIN_OPERATIONS = {
  "instrument.update": updateInstrument,
  "instrument.create": createInstrument,
  "chapter.create": createChapter,
  "chapter.restrict": restrictChapter,
  "clause.create": createClause,
  "clause.update": updateClause,
  "clause.set-status": setClauseStatus,
  "clause.move": moveClause,
  "clause.restrict": restrictClause,
  "organization.add": addOrganization,
  "participant.set-role": setParticipantRole,
  // Commands that check their own rights (instrument and account reach): the door only brings
  // the session and the parsed input.
  "person.invite": userDoor("person.invite", ZInvitePerson, invitePerson),
  "person.reissue-link": userDoor("person.reissue-link", ZReissueSignInLink, reissueSignInLink),
  "person.set-active": userDoor("person.set-active", ZSetPersonActive, setPersonActive),
  "person.move": userDoor("person.move", ZMovePerson, movePerson),
};

export type AdminOperation = keyof typeof ADMIN_OPERATIONS;
