"use server";
// Server action of the agreed-language page: the command (lib/agreed-language) behind a
// server-action door; the command checks the secretariat's right itself.
import { saveAgreedLanguage, ZSaveAgreedLanguage } from "@/lib/agreed-language/save-agreed-language";
import { actionDoor } from "@/lib/doors/action-door";

export async function saveAgreedLanguageAction(input: unknown) {
  return actionDoor("agreed-language.save", ZSaveAgreedLanguage, saveAgreedLanguage)(input);
}
