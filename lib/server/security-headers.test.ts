import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy, securityHeaders, servedOverHttps } from "./security-headers";

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

describe("applySecurityHeaders", () => {
  it("sets the nonce policy on the request and the same on the response, unless the handler set its own", async () => {
    let seenByHandler = "";
    const server = http.createServer((request, response) => {
      applySecurityHeaders(request, response, false);
      seenByHandler = String(request.headers["content-security-policy"]);
      if (request.url === "/own") response.setHeader("content-security-policy", "default-src 'none'");
      response.end("ok");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/page`, { headers: { "content-security-policy": "script-src *" } });
      expect(page.headers.get("content-security-policy")).toBe(seenByHandler);
      expect(seenByHandler).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      const own = await fetch(`${base}/own`);
      expect(own.headers.get("content-security-policy")).toBe("default-src 'none'");
      expect(own.headers.get("referrer-policy")).toBe("same-origin");
    } finally {
      server.close();
    }
  });
});
