import "server-only";
// The chair starts a new instrument; their organisation chairs it.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zText } from "./fields";

export const ZCreateInstrument = z.object({
  /** The instrument whose chair is acting. */
  instrumentId: zId("The instrument"),
  title: zText("The title", 400),
  shortTitle: zText("The short title", 120),
  slug: z
    .string({ message: "The short name is missing." })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$/, "The short name uses 3 to 60 lowercase letters, digits and dashes."),
});

export const createInstrument = instrumentDoor(
  "instrument.manage",
  ZCreateInstrument,
  async ({ user, instrument: current }, { title, shortTitle, slug }) => {
    if (await prisma.instrument.findUnique({ where: { slug }, select: { id: true } })) {
      throw new DoorRefusal(400, `An instrument with the short name "${slug}" already exists.`);
    }
    const created = await auditedTransaction(async (tx) => {
      const instrument = await tx.instrument.create({
        data: {
          title,
          shortTitle,
          slug,
          participants: { create: { organizationId: user.organizationId, role: "CHAIR" } },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        action: "instrument.created",
        actor: user,
        instrumentId: instrument.id,
        target: { type: "instrument", id: instrument.id },
        details: { title, slug, startedFrom: current.id },
      });
      return instrument;
    });
    return { instrumentId: created.id };
  },
);
