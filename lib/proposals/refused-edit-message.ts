// Told to the browser of someone who may only suggest when the server refuses one of their
// edits: it would be refused again on every reconnect, so the browser drops it and reloads the
// clause instead of retrying for ever. No imports: the browser loads this file.

export const REFUSED_EDIT = "proposals.refused-edit";

export const REFUSED_EDIT_NOTICE =
  "Your last change could not be kept: it would have changed the agreed text directly, which only the chair can do. The clause was reloaded from the server.";

export const REFUSED_TOO_OFTEN =
  "Your changes to this clause keep being refused, so editing has stopped. Reload the page; if it happens again, tell the secretariat.";

export function isRefusedEdit(payload: string): boolean {
  try {
    return (JSON.parse(payload) as { type?: unknown }).type === REFUSED_EDIT;
  } catch {
    return false;
  }
}
