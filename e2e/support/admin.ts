import { expect, type Page } from "@playwright/test";

/** Opens the administration of the demo instrument from the header, whether the person administers one instrument or several. */
export async function openAdministration(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Administration" }).click();
  const tabs = page.getByRole("navigation", { name: "Administration" });
  const choice = page.getByRole("main").getByRole("link", { name: /countering the use of information/i });
  await expect(tabs.or(choice).first()).toBeVisible();
  if (!(await tabs.isVisible())) await choice.click();
  await expect(tabs).toBeVisible();
}
