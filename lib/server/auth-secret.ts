// next-auth needs a secret to sign sessions. In production set NEXTAUTH_SECRET (the same on
// every instance); for a local run one is made once and kept under .data/.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { log } from "@/lib/log";

export function ensureAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    log.warn({ file }, "NEXTAUTH_SECRET is not set: generated a local one (set it in production)");
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
