// Nothing shown as "Saved" is lost when the server is killed with SIGKILL. Jamaica is a
// delegation, so what it types here are proposals: they are as durable as any edit.

import { AppServer } from "./support/app-server";
import { openClause, signIn, typeAtEnd } from "./support/demo";
import { expect, test } from "./support/test";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const CLAUSE = /sexual extortion/i;

test("every edit shown as saved survives a kill -9 of the server", async ({ browser }) => {
  // Two server starts happen inside this test; on a busy two-core machine each can take half a minute.
  test.setTimeout(180_000);
  const server = new AppServer(PORT, {
    DATABASE_URL: process.env.E2E_DATABASE_URL as string,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET as string,
  });
  await server.start();
  try {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await signIn(page, "jamaica@clausework.demo");
    await openClause(page, CLAUSE);

    const saved: string[] = [];
    for (let i = 0; i < 5; i++) {
      const text = `Saved sentence ${i} ${Date.now()}`;
      await typeAtEnd(page, text);
      await expect(page.getByTestId("save-status")).toHaveText("Saved");
      saved.push(text);
    }

    await server.kill("SIGKILL");
    // Everything typed so far is saved: nothing is waiting on this device.
    await expect(page.getByTestId("save-status")).toHaveText("Offline");
    // Typed while the server is down: kept in the browser and saved once it is back.
    const offline = `Typed while offline ${Date.now()}`;
    await typeAtEnd(page, offline);
    await expect(page.getByTestId("save-status")).toHaveText(/^Offline — \d+ changes kept on this device$/);

    await server.start();
    await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 30_000 });
    await page.reload();
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
    for (const text of [...saved, offline]) await expect(page.getByTestId("clause-editor")).toContainText(text);
  } finally {
    await server.kill("SIGTERM");
  }
});
