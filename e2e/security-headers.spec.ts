// The security headers as a browser receives them from the running app, and the Content-Security
// -Policy holding while the editor loads and two people co-edit: no violation is reported.
import type { Page, Response } from "@playwright/test";
import { openClause, signIn, typeAtEnd } from "./support/demo";
import { expect, test } from "./support/test";

const CLAUSE = /Protection of witnesses/i;

/** Collects CSP violations as the page sees them (the event) and as Chromium logs them. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

function expectSecurityHeaders(response: Response | null): string {
  expect(response).not.toBeNull();
  const headers = (response as Response).headers();
  const policy = headers["content-security-policy"] ?? "";
  const scripts =
    policy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(scripts).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over plain http here: no HSTS (it is sent when NEXTAUTH_URL is https, see lib/server).
  expect(headers["strict-transport-security"]).toBeUndefined();
  return scripts;
}

test("sign-in and clause pages carry a nonce policy per request, and nothing is refused while people co-edit", async ({
  browser,
}) => {
  const chair = await (await browser.newContext()).newPage();
  const secretariat = await (await browser.newContext()).newPage();
  const violations = [chair, secretariat].map(watchViolations);

  const first = expectSecurityHeaders(await chair.goto("/signin"));
  const second = expectSecurityHeaders(await chair.goto("/signin"));
  expect(first).not.toBe(second); // a fresh nonce for every page
  // Next gave its scripts this request's nonce (the browser hides the attribute's value from the DOM).
  expect(await chair.locator("script[nonce]").count()).toBeGreaterThan(0);

  await signIn(chair, "chair@clausework.demo");
  await signIn(secretariat, "secretariat@clausework.demo");
  await openClause(chair, CLAUSE);
  await openClause(secretariat, CLAUSE);
  expectSecurityHeaders(await chair.reload());
  await expect(chair.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });

  const words = `Wording typed under the policy ${Date.now()}`;
  await typeAtEnd(chair, words);
  await expect(secretariat.getByTestId("clause-editor")).toContainText(words);
  await expect(secretariat.locator(".collaboration-carets__label")).toContainText("Inés Valderrama");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");

  expect(violations.flat()).toEqual([]);
});

test("route handlers carry the headers too, and no page can be framed", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
