// How long a session lives, as one rule for the web pages and the collaboration socket. Pure.
// A session ends after IDLE_MINUTES without activity, and in any case ABSOLUTE_HOURS after
// sign-in: activity slides the first limit, never the second. No imports: the browser loads it.

export const IDLE_MINUTES = 60;
export const ABSOLUTE_HOURS = 12;
/** The browser reports activity at most this often (each report re-issues the session cookie). */
export const ACTIVITY_REPORT_SECONDS = 60;

/** Times in ms since the epoch. */
export type SessionTimes = { signedInAt: number; activeAt: number };

export function sessionEndsAt({ signedInAt, activeAt }: SessionTimes): number {
  return Math.min(activeAt + IDLE_MINUTES * 60_000, signedInAt + ABSOLUTE_HOURS * 3_600_000);
}

export function isSessionLive(times: SessionTimes, now: number): boolean {
  return now < sessionEndsAt(times);
}

/** Activity now: the idle limit starts again from now. An ended session stays ended. */
export function slideSession(times: SessionTimes, now: number): SessionTimes {
  if (!isSessionLive(times, now)) return times;
  return { signedInAt: times.signedInAt, activeAt: Math.max(times.activeAt, now) };
}

/**
 * The times a session token carries. A token issued before sessions slid says only when it was
 * issued (`iat`, in seconds): it counts as signed in, and last active, then.
 */
export function sessionTimesOf(token: {
  signedInAt?: unknown;
  activeAt?: unknown;
  iat?: unknown;
}): SessionTimes | null {
  const issued = typeof token.iat === "number" ? token.iat * 1000 : null;
  const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : issued;
  const activeAt = typeof token.activeAt === "number" ? token.activeAt : signedInAt;
  return signedInAt === null || activeAt === null ? null : { signedInAt, activeAt };
}

/** Sent by the browser on each open clause socket after it reported activity (and still had a session). */
export const SESSION_ACTIVE_MESSAGE = JSON.stringify({ type: "session.active" });
/** The window event the session keep-alive raises after a successful activity report. */
export const SESSION_ACTIVE_EVENT = "clausework:session-active";
