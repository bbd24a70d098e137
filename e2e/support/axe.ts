// The accessibility check of the journeys: axe-core with the WCAG 2.2 AA rules, on the page as
// it is now (menus open, panels full). A violation fails with what it is and where.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")} — ${node.failureSummary?.replace(/\s+/g, " ")}`)
        .join("\n")}`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}
