// Reads the next-auth session cookie of a raw request (the collaboration socket's upgrade),
// so the socket knows who you are from the web session and never from what the client claims.
import { decode } from "next-auth/jwt";
import { findSessionUser } from "./find-session-user";
import { isSessionLive, type SessionTimes, sessionTimesOf } from "./session-lifetime";
import type { SessionUser } from "./session-user";
import { sessionVersionOf } from "./session-version";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** What a socket needs to know, and keep enforcing, about the session it was opened with. */
export type CookieSession = {
  user: SessionUser;
  /** When the token expires (ms since the epoch). */
  expiresAt: number | null;
  /** When the person signed in and was last active (lib/auth/session-lifetime.ts). */
  times: SessionTimes;
  /** The session version the token was issued at (lib/auth/session-version.ts). */
  version: number;
};

/** The live session token behind a cookie header, decoded, with its times; null for none or one ended. */
async function liveToken(cookieHeader: string | null) {
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
    const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
    return { uid: payload.uid, version: sessionVersionOf(payload), expiresAt, times };
  }
  return null;
}

/** The session behind a raw request's cookie; null for none, or one that has ended. */
export async function sessionFromCookie(cookieHeader: string | null): Promise<CookieSession | null> {
  const live = await liveToken(cookieHeader);
  if (!live) return null;
  const { uid, version, expiresAt, times } = live;
  const user = await findSessionUser(uid, version);
  return user ? { user, expiresAt, times, version } : null;
}

/**
 * When the session behind a cookie header began (ms): the earliest time the collaboration server
 * accepts on that session's new proposals (lib/proposals/check-suggestion.ts). Null for none.
 */
export async function sessionBeganFromCookie(cookieHeader: string | null): Promise<number | null> {
  return (await liveToken(cookieHeader))?.times.signedInAt ?? null;
}
