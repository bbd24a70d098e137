import "server-only";
// Every administration write, by name. The admin pages call them as server actions and
// POST /api/admin/<name> exposes the same functions to scripts; each is already wrapped in
// the instrument door, so both ways in are checked the same way.
import { addOrganization } from "./add-organization";
import { createChapter } from "./create-chapter";
import { createClause } from "./create-clause";
import { createInstrument } from "./create-instrument";
import { invitePerson } from "./invite-person";
import { moveClause } from "./move-clause";
import { movePerson } from "./move-person";
import { reissueSignInLink } from "./reissue-sign-in-link";
import { restrictChapter } from "./restrict-chapter";
import { restrictClause } from "./restrict-clause";
import { setClauseStatus } from "./set-clause-status";
import { setParticipantRole } from "./set-participant-role";
import { setPersonActive } from "./set-person-active";
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
  "person.invite": invitePerson,
  "person.reissue-link": reissueSignInLink,
  "person.set-active": setPersonActive,
  "person.move": movePerson,
};

export type AdminOperation = keyof typeof ADMIN_OPERATIONS;
