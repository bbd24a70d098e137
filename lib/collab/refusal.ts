// An error Hocuspocus turns into a "permission denied" message with our reason,
// which the provider passes to onAuthenticationFailed.
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { CLAUSE_UNAVAILABLE } from "./save-messages";

export function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

/**
 * Rethrows `error`, but a database outage while opening a clause as CLAUSE_UNAVAILABLE: the
 * browser then keeps its edits and tries again, instead of taking it as a refusal for good.
 */
export function unlessDatabaseIsDown(error: unknown): never {
  throw isDatabaseUnavailable(error) ? refusal(CLAUSE_UNAVAILABLE) : error;
}
