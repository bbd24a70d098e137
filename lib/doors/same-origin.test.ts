import { afterEach, describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://app.example/api/admin/clause.move", { method, headers });

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("same-origin requests", () => {
  it("compare the Origin with the addressed host", () => {
    expect(isSameOriginRequest(request("POST", { origin: "http://app.example", host: "app.example" }))).toBe(true);
    expect(isSameOriginRequest(request("POST", { origin: "https://evil.example", host: "app.example" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { origin: "not a url", host: "app.example" }))).toBe(false);
  });

  it("honour X-Forwarded-Host only behind a trusted proxy", () => {
    const forged = { origin: "https://evil.example", host: "app.example", "x-forwarded-host": "evil.example" };
    expect(isSameOriginRequest(request("POST", forged))).toBe(false);
    process.env.TRUST_PROXY = "1";
    const proxied = { origin: "https://drafts.example", host: "10.0.0.5:3000", "x-forwarded-host": "drafts.example" };
    expect(isSameOriginRequest(request("POST", proxied))).toBe(true);
  });

  it("without Origin, trust Sec-Fetch-Site, else hold a POST to JSON", () => {
    expect(isSameOriginRequest(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request("POST", { "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { "content-type": "application/json" }))).toBe(true);
    // No cross-site page can send a DELETE without a preflight we never answer.
    expect(isSameOriginRequest(request("DELETE", {}))).toBe(true);
  });
});
