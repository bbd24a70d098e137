// Reads the next-auth session cookie of a raw request (the collaboration socket's upgrade),
// so the socket knows who you are from the web session and never from what the client claims.
import { decode } from "next-auth/jwt";
import { findSessionUser } from "./find-session-user";
import { isSessionLive, type SessionTimes, sessionTimesOf } from "./session-lifetime";
import type { SessionUser } from "./session-user";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/**
 * The person, when their session token expires (ms since the epoch), and when they signed in and
 * were last active (lib/auth/session-lifetime.ts), for a socket to enforce. null for an ended session.
 */
export async function sessionFromCookie(
  cookieHeader: string | null,
): Promise<{ user: SessionUser; expiresAt: number | null; times: SessionTimes } | null> {
  if (!cookieHeader) return null;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  for (const name of COOKIE_NAMES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    const payload = await decode({ token, secret }).catch(() => null);
    // An expired token decodes but carries a past `exp`.
    if (!payload?.uid || (typeof payload.exp === "number" && payload.exp * 1000 < Date.now())) return null;
    const times = sessionTimesOf(payload);
    if (!times || !isSessionLive(times, Date.now())) return null;
    const user = await findSessionUser(payload.uid);
    return user ? { user, expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : null, times } : null;
  }
  return null;
}
