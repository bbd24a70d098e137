"use server";
// Server actions of the administration pages. Each one is a door-wrapped command from
// lib/admin (session, role, permissions and input are checked there); Next adds its own
// same-origin check to every server action.
import { ADMIN_OPERATIONS } from "@/lib/admin/admin-operations";

export async function updateInstrumentAction(input: unknown) {
  return ADMIN_OPERATIONS["instrument.update"](input);
}
export async function createInstrumentAction(input: unknown) {
  return ADMIN_OPERATIONS["instrument.create"](input);
}
export async function createChapterAction(input: unknown) {
  return ADMIN_OPERATIONS["chapter.create"](input);
}
export async function restrictChapterAction(input: unknown) {
  return ADMIN_OPERATIONS["chapter.restrict"](input);
}
export async function createClauseAction(input: unknown) {
  return ADMIN_OPERATIONS["clause.create"](input);
}
export async function updateClauseAction(input: unknown) {
  return ADMIN_OPERATIONS["clause.update"](input);
}
export async function setClauseStatusAction(input: unknown) {
  return ADMIN_OPERATIONS["clause.set-status"](input);
}
export async function moveClauseAction(input: unknown) {
  return ADMIN_OPERATIONS["clause.move"](input);
}
export async function restrictClauseAction(input: unknown) {
  return ADMIN_OPERATIONS["clause.restrict"](input);
}
export async function addOrganizationAction(input: unknown) {
  return ADMIN_OPERATIONS["organization.add"](input);
}
export async function setParticipantRoleAction(input: unknown) {
  return ADMIN_OPERATIONS["participant.set-role"](input);
}
export async function invitePersonAction(input: unknown) {
  return ADMIN_OPERATIONS["person.invite"](input);
}
export async function reissueSignInLinkAction(input: unknown) {
  return ADMIN_OPERATIONS["person.reissue-link"](input);
}
export async function setPersonActiveAction(input: unknown) {
  return ADMIN_OPERATIONS["person.set-active"](input);
}
export async function movePersonAction(input: unknown) {
  return ADMIN_OPERATIONS["person.move"](input);
}
