import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { BODY_LIMITS, bodyKindOf, MIB, SERVER_ACTION_BODY_LIMIT } from "./body-limits";

describe("body limits", () => {
  it("tells the kinds of request apart", () => {
    expect(bodyKindOf("POST", "/api/auth/callback/credentials")).toBe("sign-in");
    expect(bodyKindOf("POST", "/api/clauses/x/threads?y=1")).toBe("route-handler");
    expect(bodyKindOf("POST", "/api/instruments/x/import?preview=1")).toBe("word-import");
    expect(bodyKindOf("POST", "/api/instruments/x/import/more")).toBe("route-handler");
    expect(bodyKindOf("POST", "/admin/x/people")).toBe("server-action");
    expect(bodyKindOf("GET", "/clauses/x")).toBe("page");
  });

  it("gives Next's server-action limit the value server.ts enforces", () => {
    expect(SERVER_ACTION_BODY_LIMIT).toBe("1mb");
    expect(BODY_LIMITS["server-action"]).toBe(MIB);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT);
  });
});
