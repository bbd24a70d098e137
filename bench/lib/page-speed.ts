// How heavy and how quick the clause page is: the JavaScript it loads first (gzip, as served)
// and the time from navigation to an editable, saved clause in Chromium.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../../e2e/support/chromium";

export async function firstLoadJs(baseUrl: string, path: string, cookie: string) {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { scripts: new Set(scripts).size, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}

export async function timeToEditable(baseUrl: string, cookie: string, clauseIds: Record<string, string>) {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const [name, value] = cookie.split("=");
  const results: Record<string, number> = {};
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    for (const [label, clauseId] of Object.entries(clauseIds)) {
      // Warm once (first compile of the route's chunks is not what a delegate sees every day).
      await page.goto(`${baseUrl}/clauses/${clauseId}`);
      await page
        .getByTestId("save-status")
        .filter({ hasText: /Saved|Read only/ })
        .waitFor({ timeout: 60_000 });
      const start = Date.now();
      await page.goto(`${baseUrl}/clauses/${clauseId}`);
      await page.locator('[data-testid="clause-editor"][contenteditable="true"]').waitFor({ timeout: 60_000 });
      await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor({ timeout: 60_000 });
      results[label] = Date.now() - start;
    }
  } finally {
    await browser.close();
  }
  return results;
}
