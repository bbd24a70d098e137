import { defineConfig } from "vitest/config";

export default defineConfig({
  // "@/lib/…" imports, as in tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One migrated database for the run: DATABASE_URL's server, else an embedded one.
    globalSetup: ["lib/db/vitest-global-setup.ts"],
  },
});
