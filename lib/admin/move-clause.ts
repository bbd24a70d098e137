import "server-only";
// The secretariat moves a clause one place up or down within its chapter.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { DoorRefusal } from "@/lib/doors/door-result";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId } from "./fields";
import { clauseIn } from "./find-in-instrument";

export const ZMoveClause = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  direction: z.enum(["up", "down"], { message: "Move a clause up or down." }),
});

export const moveClause = instrumentDoor(
  "clause.manage",
  ZMoveClause,
  async ({ user }, { instrumentId, clauseId, direction }) =>
    auditedTransaction(async (tx) => {
      const clause = await clauseIn(tx, instrumentId, clauseId);
      await lockUntilCommit(tx, { kind: "chapter-order", chapterId: clause.chapterId });
      const neighbour = await tx.clause.findFirst({
        where: {
          chapterId: clause.chapterId,
          position: direction === "up" ? { lt: clause.position } : { gt: clause.position },
        },
        orderBy: { position: direction === "up" ? "desc" : "asc" },
      });
      if (!neighbour)
        throw new DoorRefusal(
          400,
          `Article ${clause.number} is already ${direction === "up" ? "first" : "last"} in its chapter.`,
        );
      // Positions are unique per chapter: park one clause outside the range while swapping.
      await tx.clause.update({ where: { id: clause.id }, data: { position: -1 } });
      await tx.clause.update({ where: { id: neighbour.id }, data: { position: clause.position } });
      await tx.clause.update({ where: { id: clause.id }, data: { position: neighbour.position } });
      await recordAuditEvent(tx, {
        action: "clause.moved",
        actor: user,
        instrumentId,
        target: { type: "clause", id: clauseId },
        details: { number: clause.number, direction },
      });
      return { clauseId };
    }),
);
