// Which address the sign-in limits and the audit trail see: the last X-Forwarded-For value, the
// one our own server (or, behind TRUST_PROXY, our load balancer) wrote — never one a client chose.
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client's address", () => {
  it("is the single value server.ts writes when there is no trusted proxy", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
  });

  it("behind a trusted proxy, is the right-most value (the proxy's own view), not what the client prepended", () => {
    // The client sent "X-Forwarded-For: 10.0.0.1, 1.2.3.4"; our load balancer appended the address it saw.
    expect(clientAddress({ "x-forwarded-for": "10.0.0.1, 1.2.3.4, 198.51.100.20" })).toBe("198.51.100.20");
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.1,198.51.100.20 " }))).toBe("198.51.100.20");
  });

  it("reads several header lines as one list, in order", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "10.0.0.1");
    headers.append("x-forwarded-for", "198.51.100.21");
    expect(clientAddress(headers)).toBe("198.51.100.21");
    expect(clientAddress({ "x-forwarded-for": ["10.0.0.1", "198.51.100.22"] })).toBe("198.51.100.22");
  });

  it("is 'unknown' without the header, and never longer than 64 characters", () => {
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, " })).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "x".repeat(500) })).toHaveLength(64);
  });
});
