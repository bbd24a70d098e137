import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_HOURS,
  IDLE_MINUTES,
  isSessionLive,
  sessionEndsAt,
  sessionTimesOf,
  slideSession,
} from "./session-lifetime";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const signIn = Date.UTC(2026, 10, 28, 8, 0);
const fresh = { signedInAt: signIn, activeAt: signIn };

describe("session lifetime", () => {
  it("ends after the idle period without activity", () => {
    expect(isSessionLive(fresh, signIn + IDLE_MINUTES * MINUTE - 1)).toBe(true);
    expect(isSessionLive(fresh, signIn + IDLE_MINUTES * MINUTE)).toBe(false);
  });

  it("slides with activity: each activity starts the idle period again", () => {
    let times = fresh;
    // Active every 50 minutes for five hours: never idle long enough to end.
    for (let at = signIn; at <= signIn + 5 * HOUR; at += 50 * MINUTE) {
      expect(isSessionLive(times, at)).toBe(true);
      times = slideSession(times, at);
    }
    expect(sessionEndsAt(times)).toBe(times.activeAt + IDLE_MINUTES * MINUTE);
  });

  it("never outlives the absolute limit from sign-in, however active", () => {
    let times = fresh;
    for (let at = signIn; at < signIn + ABSOLUTE_HOURS * HOUR; at += 10 * MINUTE) times = slideSession(times, at);
    expect(sessionEndsAt(times)).toBe(signIn + ABSOLUTE_HOURS * HOUR);
    expect(isSessionLive(times, signIn + ABSOLUTE_HOURS * HOUR - 1)).toBe(true);
    expect(isSessionLive(times, signIn + ABSOLUTE_HOURS * HOUR)).toBe(false);
  });

  it("does not bring an ended session back", () => {
    const late = signIn + 2 * IDLE_MINUTES * MINUTE;
    expect(slideSession(fresh, late)).toEqual(fresh);
    expect(isSessionLive(slideSession(fresh, late), late)).toBe(false);
  });

  it("reads the times from a token, and treats a token from before sliding sessions as issued at sign-in", () => {
    expect(sessionTimesOf({ signedInAt: signIn, activeAt: signIn + HOUR, iat: 1 })).toEqual({
      signedInAt: signIn,
      activeAt: signIn + HOUR,
    });
    expect(sessionTimesOf({ iat: signIn / 1000 })).toEqual(fresh);
    expect(sessionTimesOf({})).toBeNull();
    expect(sessionTimesOf({ signedInAt: "yesterday" })).toBeNull();
  });
});
