// The secretariat browses and filters the audit trail, and the trail the running app wrote
// verifies with `npm run audit:verify`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { openAdministration } from "./support/admin";
import { signIn } from "./support/demo";
import { expect, test } from "./support/test";

test("a status change and sign-ins appear in the audit trail, which the secretariat can filter, and the chain verifies", async ({
  page,
}) => {
  await signIn(page, "secretariat@clausework.demo");
  await openAdministration(page);
  const row = page.getByTestId("admin-clause-17");
  await row.getByText("Edit article 17").click();
  const status = row.getByRole("form", { name: "Status of article 17" });
  await status.getByLabel("Status").selectOption("AGREED_AD_REF");
  await status.getByRole("button", { name: "Set status" }).click();
  await expect(status.getByRole("status")).toHaveText("Saved.");

  await page.getByRole("link", { name: "Audit trail" }).click();
  const trail = page.getByTestId("audit-trail");
  await expect(trail).toContainText("clause.status-changed");
  await expect(trail).toContainText("from: OPEN · number: 17 · to: AGREED_AD_REF");
  await expect(trail).toContainText("signin");

  await page.getByLabel("What").selectOption("clause.status-changed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=clause.status-changed/);
  await expect(trail.locator("tbody tr")).not.toHaveCount(0);
  for (const action of await trail.locator("tbody tr td:nth-child(2)").allTextContents()) {
    expect(action).toBe("clause.status-changed");
  }
  await expect(trail).toContainText("Tomasz Wierzbicki (CHAIR)");

  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
  });
  expect(stdout).toMatch(/Audit trail intact: \d+ entries/);
});
