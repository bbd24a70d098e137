// Told to the browser when the server refuses one of its edits (lib/proposals/clause-guard.ts):
// it would be refused again on every reconnect, so the browser drops it and reloads the clause
// instead of retrying for ever. No imports: the browser loads this file.

export const REFUSED_EDIT = "proposals.refused-edit";

/** Why: it changed agreed text (someone who may only suggest), or it is not clause text at all. */
export type RefusedEditKind =
  | "agreed-text"
  | "unreadable"
  | "invisible"
  | "bracket"
  | "citation"
  | "locked"
  | "alternatives";

export const REFUSED_EDIT_NOTICE =
  "Your last change could not be kept: it would have changed the agreed text directly, which only the chair can do. The clause was reloaded from the server.";

const NOTICES: Record<RefusedEditKind, string> = {
  // The server sends its own words with this one (which paragraph, lib/paragraph-status).
  locked: "Your last change could not be kept: it touched agreed text. The clause was reloaded from the server.",
  "agreed-text": REFUSED_EDIT_NOTICE,
  unreadable:
    "Your last change could not be kept: the server could not read it as the text of a clause. The clause was reloaded from the server.",
  invisible:
    "Your last change could not be kept: it put invisible characters (zero-width or text-direction controls) into the words. The clause was reloaded from the server.",
  bracket:
    "Your last change could not be kept: it placed, changed or moved a square bracket, which only the Bracket and Remove brackets buttons do. The clause was reloaded from the server.",
  alternatives:
    "Your last change could not be kept: it marked, changed or moved a set of alternatives, which only the Alternatives buttons do. The clause was reloaded from the server.",
  citation:
    "Your last change could not be kept: it cited a passage that is not in this instrument's library of agreed language, or for words not taken from it. The clause was reloaded from the server.",
};

/** What to tell the person, from the server's message. */
export function refusedEditNotice(payload: string): string {
  try {
    const kind = (JSON.parse(payload) as { kind?: unknown }).kind;
    return NOTICES[kind as RefusedEditKind] ?? REFUSED_EDIT_NOTICE;
  } catch {
    return REFUSED_EDIT_NOTICE;
  }
}

export const REFUSED_TOO_OFTEN =
  "Your changes to this clause keep being refused, so editing has stopped. Reload the page; if it happens again, tell the secretariat.";

export function isRefusedEdit(payload: string): boolean {
  try {
    return (JSON.parse(payload) as { type?: unknown }).type === REFUSED_EDIT;
  } catch {
    return false;
  }
}
