"use server";
// Server actions of the glossary page: each command (lib/glossary) behind a server-action door;
// the command checks the secretariat's right itself. Next adds its own same-origin check.
import { actionDoor } from "@/lib/doors/action-door";
import { removeGlossaryTerm, ZRemoveGlossaryTerm } from "@/lib/glossary/remove-glossary-term";
import { saveGlossaryTerm, ZSaveGlossaryTerm } from "@/lib/glossary/save-glossary-term";

export async function saveGlossaryTermAction(input: unknown) {
  return actionDoor("glossary.save", ZSaveGlossaryTerm, saveGlossaryTerm)(input);
}
export async function removeGlossaryTermAction(input: unknown) {
  return actionDoor("glossary.remove", ZRemoveGlossaryTerm, removeGlossaryTerm)(input);
}
