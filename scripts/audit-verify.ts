// npm run audit:verify — recomputes the audit trail's hash chain in DATABASE_URL's database and
// exits 1, naming what is wrong, if any entry was altered, removed or slipped in, or entries were
// cut from the end (the chain must end where its anchor says it does).
//
// On success it prints an anchor line, `anchor <id>:<hash>`. Kept outside the database (a log,
// a ticket, a printout), it proves later that the trail was not cut back and re-anchored by
// someone with the database's keys:   npm run audit:verify -- --kept <id>:<hash>
import { parseArgs } from "node:util";
import { type KeptAnchor, verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";

function parseKept(value: string | undefined): KeptAnchor | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,19}):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) throw new Error(`--kept takes the anchor line's <id>:<hash>, not "${value}".`);
  return { id: BigInt(match[1]), hash: match[2] };
}

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL to the database whose audit trail you want to verify.");
    return 2;
  }
  const { values } = parseArgs({ options: { kept: { type: "string" } } });
  const kept = parseKept(values.kept);
  const report = await verifyAuditChain(prisma, kept);
  if (report.ok) {
    console.log(`Audit trail intact: ${report.entries} entries, ending where its anchor says.`);
    if (kept) console.log(`Entry ${kept.id} of the anchor you kept is in it, unchanged.`);
    console.log(`anchor ${report.lastId}:${report.lastHash}`);
    return 0;
  }
  const where = report.brokenAtId ? ` at entry ${report.brokenAtId}: it` : ": it";
  console.error(`Audit trail BROKEN${where} ${report.reason}. ${report.entries} entries before it verify.`);
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
