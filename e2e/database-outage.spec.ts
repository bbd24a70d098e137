// PostgreSQL goes away while a delegation types: the page says "Not saved — retrying", never
// "Saved", until PostgreSQL is back; then everything typed is saved and there after a reload.
// The app reaches PostgreSQL through a TCP proxy that the test cuts and restores.

import { startTcpProxy } from "@/lib/collab/test-support/tcp-proxy";
import { AppServer } from "./support/app-server";
import { openClause, signIn, typeAtEnd } from "./support/demo";
import { expect, test } from "./support/test";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const CLAUSE = /sexual extortion/i;

test("what is typed while the database is down shows as not saved, then is saved when it returns", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const databaseUrl = new URL(process.env.E2E_DATABASE_URL as string);
  const proxy = await startTcpProxy(Number(databaseUrl.port || 5432), databaseUrl.hostname);
  const server = new AppServer(PORT, {
    DATABASE_URL: proxy.urlFor(databaseUrl.toString()),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET as string,
  });
  await server.start();
  try {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await signIn(page, "jamaica@clausework.demo");
    await openClause(page, CLAUSE);
    const status = page.getByTestId("save-status");

    const before = `Saved before the outage ${Date.now()}`;
    await typeAtEnd(page, before);
    await expect(status).toHaveText("Saved");

    // Every state the indicator takes from here on, to show it never says "Saved" during the outage.
    await page.evaluate(() => {
      const element = document.querySelector('[data-testid="save-status"]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { seenStates: string[] }).seenStates = seen;
      new MutationObserver(() => seen.push(element.dataset.state ?? "")).observe(element, { attributes: true });
    });
    await proxy.cut();
    const during = [`Typed while the database is down ${Date.now()}`];
    await typeAtEnd(page, during[0]);
    await expect(status).toHaveText("Not saved — retrying");
    // Still held a while later, and still not "Saved", while more is typed.
    await page.waitForTimeout(5_000);
    during.push(`Typed later in the outage ${Date.now()}`);
    await typeAtEnd(page, during[1]);
    await page.waitForTimeout(5_000);
    await expect(status).toHaveText("Not saved — retrying");

    const seenDuringOutage = await page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
    expect(seenDuringOutage).toContain("retrying");
    expect(seenDuringOutage).not.toContain("saved");
    await proxy.restore();
    await expect(status).toHaveText("Saved", { timeout: 30_000 });
    await page.reload();
    await expect(status).toHaveText("Saved", { timeout: 30_000 });
    for (const text of [before, ...during]) await expect(page.getByTestId("clause-editor")).toContainText(text);
  } finally {
    await server.kill("SIGTERM");
    await proxy.close();
  }
});
