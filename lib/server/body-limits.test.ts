import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { BODY_LIMITS, bodyKindOf, MIB, SERVER_ACTION_BODY_LIMIT } from "./body-limits";

describe("body limits", () => {
  it("tells the kinds of request apart", () => {
    expect(bodyKindOf("/api/auth/callback/credentials", {})).toBe("sign-in");
    expect(bodyKindOf("/api/clauses/x/threads?y=1", {})).toBe("route-handler");
    expect(bodyKindOf("/admin/x/people", { "next-action": "abc" })).toBe("server-action");
    expect(bodyKindOf("/clauses/x", {})).toBe("page");
  });

  it("gives Next's server-action limit the value server.ts enforces", () => {
    expect(SERVER_ACTION_BODY_LIMIT).toBe("1mb");
    expect(BODY_LIMITS["server-action"]).toBe(MIB);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT);
  });
});
