import type { SessionUser } from "@/lib/auth/session-user";

/** What the collaboration server knows about one connection, set once on authentication. */
export type CollabContext = {
  user: SessionUser;
  clauseId: string;
  /**
   * The person may change the text only by proposing (suggest mode): the collaboration server
   * refuses any update of theirs that changes agreed text or forges authorship.
   */
  mayOnlySuggest: boolean;
};
