// Signing out ends the session everywhere, not only in this browser: a copy of the session
// cookie in a second browser (another device, or a stolen cookie) is signed out at its next
// request, and a clause it has open closes at once with a note to sign in again.
import { openClause, signIn } from "./support/demo";
import { expect, test } from "./support/test";

// A clause nobody writes in here: the second browser only reads it.
const CLAUSE = /Assistance to and protection of victims/i;

test("signing out in one browser signs out a copy of the cookie in another, pages and open clause alike", async ({
  browser,
  baseURL,
}) => {
  const first = await (await browser.newContext()).newPage();
  await signIn(first, "armenia@clausework.demo");
  const cookie = (await first.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  if (!cookie) throw new Error("no session cookie after sign-in");

  const secondContext = await browser.newContext();
  await secondContext.addCookies([{ name: cookie.name, value: cookie.value, url: baseURL as string }]);
  const second = await secondContext.newPage();
  await openClause(second, CLAUSE);
  await expect(second.getByTestId("signed-in-user")).toBeVisible();
  expect((await secondContext.request.get("/api/notifications")).status()).toBe(200);

  await first.getByRole("button", { name: "Sign out" }).click();
  await expect(first).toHaveURL(/\/signin/);

  // The open clause in the other browser closes at once …
  await expect(second.getByText(/your session ended/i)).toBeVisible();
  // … and its next request finds no session: route handlers …
  expect((await secondContext.request.get("/api/notifications")).status()).toBe(401);
  // … and pages.
  await second.goto("/");
  await expect(second).toHaveURL(/\/signin/);
  const api = await secondContext.request.get("/api/auth/session");
  expect(((await api.json()) as { user?: { organizationId?: string } }).user?.organizationId).toBeUndefined();

  // Signing in again is a new session, and it works.
  await signIn(first, "armenia@clausework.demo");
  await expect(first.getByTestId("signed-in-user")).toBeVisible();
});
