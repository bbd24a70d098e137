// The secretariat moves a clause one place up or down within its chapter.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import { raiseOutlineChanged } from "@/lib/live/raise-live";
import { zId } from "./fields";
import { clauseIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZMoveClause = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  direction: z.enum(["up", "down"], { message: "Move a clause up or down." }),
});
export type TMoveClause = z.infer<typeof ZMoveClause>;

export async function moveClause(by: SessionUser, raw: TMoveClause, tx?: Tx) {
  const { instrumentId, clauseId, direction } = parseInput(ZMoveClause, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    const { chapterId } = await clauseIn(tx, instrumentId, clauseId);
    await lockUntilCommit(tx, { kind: "chapter-order", chapterId });
    // Read its place only once no other move in the chapter can change it.
    const clause = await clauseIn(tx, instrumentId, clauseId);
    const neighbour = await tx.clause.findFirst({
      where: {
        chapterId: clause.chapterId,
        position: direction === "up" ? { lt: clause.position } : { gt: clause.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) {
      throw new AppError(
        "invalid_input",
        `Article ${clause.number} is already ${direction === "up" ? "first" : "last"} in its chapter.`,
      );
    }
    // Positions are unique per chapter: park one clause outside the range while swapping.
    await tx.clause.update({ where: { id: clause.id }, data: { position: -1 } });
    await tx.clause.update({ where: { id: neighbour.id }, data: { position: clause.position } });
    await tx.clause.update({ where: { id: clause.id }, data: { position: neighbour.position } });
    await recordAuditEvent(tx, {
      action: "clause.moved",
      actor: by,
      instrumentId,
      target: { type: "clause", id: clauseId },
      details: { number: clause.number, direction },
    });
    raiseOutlineChanged(tx, instrumentId);
    return { clauseId };
  });
}
