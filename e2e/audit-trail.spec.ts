// The secretariat browses and filters the audit trail, and the trail the running app wrote
// verifies with `npm run audit:verify`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { openAdministration } from "./support/admin";
import { signIn } from "./support/demo";
import { negotiateOpen } from "./support/negotiate-open";
import { expect, test } from "./support/test";

// The journey marks article 17 agreed ad referendum; an agreed article refuses delegations'
// proposals and brackets, and later journeys propose there: it is reopened afterwards.
test.afterAll(() => negotiateOpen("[Sexual extortion]"));

test("a status change and sign-ins appear in the audit trail, which the secretariat can filter, and the chain verifies", async ({
  page,
}) => {
  await signIn(page, "secretariat@clausework.demo");
  await openAdministration(page);
  const row = page.getByTestId("admin-clause-17");
  await row.getByText("Edit article 17").click();
  // One form for the whole article, with one Save.
  const article = row.getByRole("form", { name: "Edit article 17" });
  await expect(row.getByRole("button", { name: "Save", exact: true })).toHaveCount(1);
  await article.getByLabel("Status").selectOption("AGREED_AD_REF");
  await article.getByRole("button", { name: "Save", exact: true }).click();
  await expect(article.getByRole("status")).toHaveText("Saved.");

  await page.getByRole("link", { name: "Audit trail" }).click();
  const trail = page.getByTestId("audit-trail");
  // Readable labels, not the stored codes.
  await expect(trail).toContainText("Clause status changed: Agreed ad referendum");
  await expect(trail).toContainText("From: Open · Article: 17 · To: Agreed ad referendum");
  await expect(trail).not.toContainText("AGREED_AD_REF");
  await expect(trail).not.toContainText("clause.status-changed");
  await expect(trail).toContainText("Signed in");

  await page.getByLabel("What").selectOption({ label: "Clause status changed" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=clause.status-changed/);
  await expect(trail.locator("tbody tr")).not.toHaveCount(0);
  for (const action of await trail.getByTestId("audit-action").allTextContents()) {
    expect(action).toMatch(/^Clause status changed: /);
  }
  await expect(trail).toContainText("Tomasz Wierzbicki (CHAIR)");

  // Dates are typed unambiguously (ISO or day, month name, year); today's entries are found
  // either way, and a US-style date is said not to be read rather than silently misread.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From (UTC day)").fill(today);
  await page
    .getByLabel("To (UTC day)")
    .fill(new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }));
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(trail).toContainText("Clause status changed: Agreed ad referendum");
  await page.getByLabel("From (UTC day)").fill("12/01/2026");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("From: not a date this filter reads")).toBeVisible();

  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
  });
  expect(stdout).toMatch(/Audit trail intact: \d+ entries/);
});
