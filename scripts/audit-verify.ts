// npm run audit:verify — recomputes the audit trail's hash chain in DATABASE_URL's database and
// exits 1, naming the first broken entry, if any entry was altered, removed or slipped in.

import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL to the database whose audit trail you want to verify.");
    return 2;
  }
  const report = await verifyAuditChain(prisma);
  if (report.ok) {
    console.log(`Audit trail intact: ${report.entries} entries, last hash ${report.lastHash}.`);
    return 0;
  }
  console.error(
    `Audit trail BROKEN at entry ${report.brokenAtId}: it ${report.reason}. ${report.entries} entries before it verify.`,
  );
  return 1;
}

main()
  .then(async (code) => {
    await disconnectPrisma();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectPrisma().catch(() => {});
    process.exit(1);
  });
