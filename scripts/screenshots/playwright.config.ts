// `npm run screenshots`: takes the README's screenshots from a running Clausework with fresh demo
// data (`npm start`, or SCREENSHOTS_URL for another address). It writes docs/screenshots/*.png and
// changes the demo data the way people would: a proposal, a position, a comment.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../../e2e/support/chromium";

export default defineConfig({
  testDir: ".",
  testMatch: "take-screenshots.ts",
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.SCREENSHOTS_URL ?? "http://localhost:3000",
    browserName: "chromium",
    actionTimeout: 15_000,
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
});
