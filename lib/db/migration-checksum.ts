// Checksums of migration scripts, computed and compared exactly as Prisma's schema engine does
// (schema-engine/connectors/schema-connector/src/checksum.rs), so `prisma migrate status` on a
// machine with the native engine agrees with what our runner recorded.
import { createHash } from "node:crypto";

/** SHA-256 of the script, lowercase hex, zero-padded: what goes into _prisma_migrations.checksum. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Whether a script still matches a recorded checksum. Like Prisma, line endings do not count (git
 * may check files out with CRLF on Windows), and the unpadded hex of old Prisma versions is accepted.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const rendered =
      checksum.length === 64 ? digest.toString("hex") : [...digest].map((byte) => byte.toString(16)).join("");
    return rendered === checksum;
  });
}
