import { describe, expect, it } from "vitest";
import { timeAgo } from "./relative-time";

const now = Date.parse("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();

describe("timeAgo", () => {
  it("says just now, minutes, hours, days, then the date", () => {
    expect(timeAgo(ago(20_000), now)).toBe("just now");
    expect(timeAgo(ago(5 * 60_000), now)).toBe("5 minutes ago");
    expect(timeAgo(ago(3 * 3_600_000), now)).toBe("3 hours ago");
    expect(timeAgo(ago(86_400_000), now)).toBe("yesterday");
    expect(timeAgo(ago(30 * 86_400_000), now)).toBe("1 Nov 2026");
  });
});
