// The periodic check that an open socket's session is still its person's, shared by the sockets
// of one person: a room of a thousand followers signed in as one press account would otherwise
// send a thousand identical queries every SESSION_RECHECK_MS. A check started within SHARE_MS of
// another for the same person and session version uses its answer, so a socket trusts a session
// at most SESSION_RECHECK_MS + SHARE_MS after it was read; an announced end of a session still
// closes its sockets at once (live-access-extension.ts). A failed read is not shared.
import { findSessionUser } from "@/lib/auth/find-session-user";

const SHARE_MS = 1_000;
type Lookup = ReturnType<typeof findSessionUser>;
const recent = new Map<string, { lookup: Lookup; at: number }>();

export function sharedSessionCheck(userId: string, sessionVersion: number | undefined): Lookup {
  const key = `${userId}:${sessionVersion ?? ""}`;
  const now = Date.now();
  const shared = recent.get(key);
  if (shared && now - shared.at < SHARE_MS) return shared.lookup;
  const lookup = findSessionUser(userId, sessionVersion);
  recent.delete(key); // to the end of the map's order, which is the order of age
  recent.set(key, { lookup, at: now });
  lookup.catch(() => recent.delete(key));
  // Old entries go as new ones come: the map holds about one second's worth of people.
  for (const [old, entry] of recent) {
    if (now - entry.at < SHARE_MS) break;
    recent.delete(old);
  }
  return lookup;
}
