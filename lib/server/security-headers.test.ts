import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders, servedOverHttps } from "./security-headers";

const context = { nonce: "bm9uY2U=", host: "clausework.example.org", https: false, dev: false };

describe("security headers", () => {
  it("allows scripts only by nonce, never inline or eval in production", () => {
    const policy = contentSecurityPolicy(context);
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self' ws://clausework.example.org wss://clausework.example.org");
    expect(contentSecurityPolicy({ ...context, dev: true })).toContain("'unsafe-eval'");
  });

  it("puts nothing from a forged Host into the policy", () => {
    expect(contentSecurityPolicy({ ...context, host: "evil; script-src *" })).toContain("connect-src 'self'; ");
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders(context)["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ ...context, https: true })["strict-transport-security"]).toBe("max-age=31536000");
  });

  it("believes x-forwarded-proto only behind a trusted proxy, from the nearest hop", () => {
    expect(servedOverHttps("https", {})).toBe(false);
    expect(servedOverHttps("https", { TRUST_PROXY: "1" })).toBe(true);
    expect(servedOverHttps("https, http", { TRUST_PROXY: "1" })).toBe(false);
    expect(servedOverHttps(undefined, { NEXTAUTH_URL: "https://clausework.example.org" })).toBe(true);
  });
});
