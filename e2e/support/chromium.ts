// Which Chromium the end-to-end tests drive: Playwright's own when installed
// (`npx playwright install chromium`), else the system one (Debian: `apt-get install chromium`).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own
  const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  if (system) return system;
  throw new Error(
    "No Chromium found for the end-to-end tests. Run `npx playwright install chromium`, " +
      "or install your system's Chromium (Debian/Ubuntu: `sudo apt-get install chromium`).",
  );
}

// Without the background-networking flags Chromium keeps calling home, which a closed network refuses.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
