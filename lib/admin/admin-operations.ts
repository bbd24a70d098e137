// Every administration write, by name, with the input it takes. The admin pages call them
// through server actions and POST /api/admin/<name> exposes the same commands to scripts; both
// doors (app/) are built the same way, and each command checks its own rights.
import { command } from "@/lib/commands/command";
import { addOrganization, ZAddOrganization } from "./add-organization";
import { createChapter, ZCreateChapter } from "./create-chapter";
import { createClause, ZCreateClause } from "./create-clause";
import { createInstrument, ZCreateInstrument } from "./create-instrument";
import { invitePerson, ZInvitePerson } from "./invite-person";
import { moveClause, ZMoveClause } from "./move-clause";
import { movePerson, ZMovePerson } from "./move-person";
import { reissueSignInLink, ZReissueSignInLink } from "./reissue-sign-in-link";
import { restrictChapter, ZRestrictChapter } from "./restrict-chapter";
import { restrictClause, ZRestrictClause } from "./restrict-clause";
import { saveArticle, ZSaveArticle } from "./save-article";
import { setClauseStatus, ZSetClauseStatus } from "./set-clause-status";
import { setParticipantRole, ZSetParticipantRole } from "./set-participant-role";
import { setPersonActive, ZSetPersonActive } from "./set-person-active";
import { updateClause, ZUpdateClause } from "./update-clause";
import { updateInstrument, ZUpdateInstrument } from "./update-instrument";

export const ADMIN_OPERATIONS = {
  "instrument.update": command(ZUpdateInstrument, updateInstrument),
  "instrument.create": command(ZCreateInstrument, createInstrument),
  "chapter.create": command(ZCreateChapter, createChapter),
  "chapter.restrict": command(ZRestrictChapter, restrictChapter),
  "clause.create": command(ZCreateClause, createClause),
  "clause.update": command(ZUpdateClause, updateClause),
  "clause.set-status": command(ZSetClauseStatus, setClauseStatus),
  "clause.move": command(ZMoveClause, moveClause),
  "clause.restrict": command(ZRestrictClause, restrictClause),
  "clause.save": command(ZSaveArticle, saveArticle),
  "organization.add": command(ZAddOrganization, addOrganization),
  "participant.set-role": command(ZSetParticipantRole, setParticipantRole),
  "person.invite": command(ZInvitePerson, invitePerson),
  "person.reissue-link": command(ZReissueSignInLink, reissueSignInLink),
  "person.set-active": command(ZSetPersonActive, setPersonActive),
  "person.move": command(ZMovePerson, movePerson),
};

export type AdminOperation = keyof typeof ADMIN_OPERATIONS;

export function isAdminOperation(name: string): name is AdminOperation {
  return Object.hasOwn(ADMIN_OPERATIONS, name);
}
