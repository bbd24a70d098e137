"use server";
// Server actions of the administration pages: each is the command of lib/admin/admin-operations.ts
// behind a server-action door (session → input → command; the command checks its own rights).
// Next adds its own same-origin check to every server action.
import { ADMIN_OPERATIONS, type AdminOperation } from "@/lib/admin/admin-operations";
import { actionDoor } from "@/lib/doors/action-door";
import type { DoorResult } from "@/lib/doors/door-result";
import type { DoorCommand } from "@/lib/doors/run-door";

function run(operation: AdminOperation, raw: unknown): Promise<DoorResult<unknown>> {
  // `command()` already checked each schema against its command; the lookup only forgets which is which.
  const { input, run: command } = ADMIN_OPERATIONS[operation];
  return actionDoor(operation, input, command as DoorCommand<typeof input, unknown>)(raw);
}

export async function updateInstrumentAction(input: unknown) {
  return run("instrument.update", input);
}
export async function createInstrumentAction(input: unknown) {
  return run("instrument.create", input);
}
export async function createChapterAction(input: unknown) {
  return run("chapter.create", input);
}
export async function restrictChapterAction(input: unknown) {
  return run("chapter.restrict", input);
}
export async function createClauseAction(input: unknown) {
  return run("clause.create", input);
}
export async function updateClauseAction(input: unknown) {
  return run("clause.update", input);
}
export async function setClauseStatusAction(input: unknown) {
  return run("clause.set-status", input);
}
export async function moveClauseAction(input: unknown) {
  return run("clause.move", input);
}
export async function restrictClauseAction(input: unknown) {
  return run("clause.restrict", input);
}
export async function saveArticleAction(input: unknown) {
  return run("clause.save", input);
}
export async function addOrganizationAction(input: unknown) {
  return run("organization.add", input);
}
export async function setParticipantRoleAction(input: unknown) {
  return run("participant.set-role", input);
}
export async function invitePersonAction(input: unknown) {
  return run("person.invite", input);
}
export async function reissueSignInLinkAction(input: unknown) {
  return run("person.reissue-link", input);
}
export async function setPersonActiveAction(input: unknown) {
  return run("person.set-active", input);
}
export async function movePersonAction(input: unknown) {
  return run("person.move", input);
}
