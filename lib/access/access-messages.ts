// What an open clause room is told when its access changes; shared by the server, which sends
// them, and the browser, which shows them. The browser loads this file: it imports only types.
import type { ClauseMessage } from "@/lib/clauses/clause-messages";

/** Sent as a stateless message when a connection's rights change in place. */
export type AccessChangedMessage = Extract<ClauseMessage, { type: "access.changed" }>;

export const DEACTIVATED = "Your account was deactivated or your session ended. Sign in again to continue.";
export const NO_LONGER_SHARED = "This clause is no longer shared with your delegation.";
export const SESSION_EXPIRED = "Your session has ended. Sign in again to keep editing.";
export const DELEGATION_CHANGED = "You now act for another organisation. Reload the page to continue in its name.";
/** The socket's answer when the clause does not exist for this person, or no longer does. */
export const CLAUSE_NOT_SHARED = "This clause does not exist or is not shared with your delegation.";
export const ACCESS_UNCONFIRMED = "The server could not confirm your access. Reload the page.";

/** Reasons for which the server closed the clause for this person, as opposed to a network drop. */
export const ACCESS_CLOSE_REASONS: readonly string[] = [
  DEACTIVATED,
  NO_LONGER_SHARED,
  SESSION_EXPIRED,
  DELEGATION_CHANGED,
  ACCESS_UNCONFIRMED,
];
