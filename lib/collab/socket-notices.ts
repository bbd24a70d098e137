// What the browser is told when the collaboration socket refuses something, and the close
// codes that carry it. No imports: the browser loads this file.

/** Close code of a socket that sent more messages or bytes per second than the server accepts. */
export const TOO_MANY_CHANGES = 4429;
/** Close code ws uses for a frame above the socket's limit ("message too big"). */
export const CHANGE_TOO_LARGE = 1009;
/**
 * The socket's frame limit. Measured (bench/clause-message-size.ts): pasting a whole
 * 20,000-word clause as one proposal is a 202 KiB message, and that clause's agreed text a
 * 126 KiB state; a browser only ever sends what the server lacks, never a whole history.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export const TOO_MANY_CHANGES_NOTICE =
  "Your changes arrived faster than the server accepts, so it paused the connection. They are kept in this window and saved when it reconnects.";

export const CHANGE_TOO_LARGE_NOTICE = `Your last change was too large to save in one piece (over ${MAX_MESSAGE_BYTES / 1024 / 1024} MB) and was not kept; the clause was reloaded from the server. Paste long texts in parts.`;

export const FOREIGN_CLIENT_ID_NOTICE =
  "Your last change could not be kept: it was written under another participant's editing identity. The clause was reloaded from the server.";

export const SHARED_CLIENT_ID_NOTICE =
  "Your last change could not be kept: another window was writing under the same editing identity, and the server already holds its words there. The clause was reloaded from the server.";

/** What to tell the person when the socket closed with `code`, and whether their unsaved edit must go. */
export function socketLimitNotice(code: number | undefined): { notice: string; dropEdit: boolean } | null {
  if (code === TOO_MANY_CHANGES) return { notice: TOO_MANY_CHANGES_NOTICE, dropEdit: false };
  if (code === CHANGE_TOO_LARGE) return { notice: CHANGE_TOO_LARGE_NOTICE, dropEdit: true };
  return null;
}

/** The notice a refused-edit message carries, if the server sent one. */
export function noticeIn(payload: string): string | null {
  try {
    const notice = (JSON.parse(payload) as { notice?: unknown }).notice;
    return typeof notice === "string" ? notice : null;
  } catch {
    return null;
  }
}
