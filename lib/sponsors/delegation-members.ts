// The active people of some delegations: who a sponsorship notification goes to.
import type { Tx } from "@/lib/commands/in-transaction";

export async function delegationMembers(tx: Tx, organizationIds: readonly string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await tx.membership.findMany({
    where: { organizationId: { in: [...organizationIds] }, user: { active: true } },
    select: { userId: true },
  });
  return [...new Set(rows.map((row) => row.userId))];
}
