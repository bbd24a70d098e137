// The margin's filters (and the chair's bulk decisions) are folded away above it until asked
// for: opens them, once per page load.
import { expect, type Page } from "@playwright/test";

export async function showMarginFilters(page: Page): Promise<void> {
  const button = page.getByTestId("margin-header").getByRole("button", { name: /^Filters/ });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
}
