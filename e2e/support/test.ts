// The journeys' `test`: like Playwright's, but every browser context a journey opened is closed
// when it ends. Otherwise each journey's pages stay connected to the clause (sockets, presence)
// and the shared two-core machine slows down journey after journey.
import { test as base } from "@playwright/test";

export type { Browser, Page } from "@playwright/test";
export { expect } from "@playwright/test";

// biome-ignore lint/suspicious/noConfusingVoidType: Playwright types a fixture that gives no value as void.
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      for (const context of browser.contexts()) if (!before.has(context)) await context.close().catch(() => {});
    },
    { auto: true },
  ],
});
