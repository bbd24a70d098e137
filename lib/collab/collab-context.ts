import type { SessionTimes } from "@/lib/auth/session-lifetime";
import type { SessionUser } from "@/lib/auth/session-user";

/** What the collaboration server knows about one connection, set once on authentication. */
export type CollabContext = {
  user: SessionUser;
  clauseId: string;
  /** When the session token behind this socket expires (ms since the epoch); null if it does not say. */
  sessionExpiresAt?: number | null;
  /** When the person signed in and was last active; the browser's activity reports slide it. */
  sessionTimes?: SessionTimes;
  /** The session version of the token behind this socket: once it is not the person's, the socket closes. */
  sessionVersion?: number;
  /** When that version was last confirmed from the database (ms since the epoch). */
  sessionCheckedAt?: number;
  /**
   * The person may change the text only by proposing (suggest mode): the collaboration server
   * refuses any update of theirs that changes agreed text or forges authorship.
   */
  mayOnlySuggest: boolean;
  /** A screen following a plenary presentation (lib/plenary): read-only, no presence in or out. */
  following?: boolean;
};
