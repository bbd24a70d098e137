// The socket's door: who is connecting (from the web session cookie), to which clause,
// and whether they may write or only read — decided by the permissions module.
import type { onAuthenticatePayload } from "@hocuspocus/server";
import { CLAUSE_NOT_SHARED, SESSION_EXPIRED } from "@/lib/access/access-messages";
import { sessionFromCookie } from "@/lib/auth/session-cookie";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { log } from "@/lib/log";
import { parseClauseDocumentName } from "./clause-document-name";
import type { CollabContext } from "./collab-context";
import { refusal } from "./refusal";
import { socketRights } from "./socket-rights";

export async function authenticateConnection(data: onAuthenticatePayload): Promise<CollabContext> {
  const session = await sessionFromCookie(data.requestHeaders.get("cookie"));
  const user = session?.user;
  if (!user) {
    log.warn({ event: "collab.refused", reason: "no-session", documentName: data.documentName }, "socket refused");
    throw refusal(SESSION_EXPIRED);
  }
  const clauseId = parseClauseDocumentName(data.documentName);
  const access = clauseId ? await findClauseAccess(user, clauseId) : null;
  // Unknown and forbidden clauses get the same answer: the clause does not exist for this person.
  if (!clauseId || !access) {
    log.warn(
      { event: "collab.refused", reason: "not-found", userId: user.id, documentName: data.documentName },
      "socket refused",
    );
    throw refusal(CLAUSE_NOT_SHARED);
  }
  const { readOnly, mayOnlySuggest } = socketRights(access.actor, access.target);
  data.connectionConfig.readOnly = readOnly;
  log.info(
    { event: "collab.connected", userId: user.id, clauseId, readOnly: data.connectionConfig.readOnly, mayOnlySuggest },
    "socket connected",
  );
  return {
    user,
    clauseId,
    mayOnlySuggest,
    sessionExpiresAt: session.expiresAt,
    sessionTimes: session.times,
    sessionVersion: session.version,
    sessionCheckedAt: Date.now(),
  };
}
