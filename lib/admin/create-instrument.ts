// The chair starts a new instrument; their organisation chairs it. It starts from an instrument
// they chair, and reaches nobody else: organisations are attached to it one by one afterwards.
// Their own organisation is attached at once, which makes its people's accounts count in the new
// instrument too: so, as for any attachment, they must manage every instrument it already takes
// part in (requireAttachReach), and each of those trails records the new instrument.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { recordAccountEvent, requireAttachReach } from "./account-reach";
import { zId, zText } from "./fields";
import { requireInstrumentRight } from "./instrument-rights";

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
export type TCreateInstrument = z.infer<typeof ZCreateInstrument>;

export async function createInstrument(by: SessionUser, raw: TCreateInstrument, tx?: Tx) {
  const { instrumentId: startedFrom, title, shortTitle, slug } = parseInput(ZCreateInstrument, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, startedFrom, "instrument.manage");
    if (await tx.instrument.findUnique({ where: { slug }, select: { id: true } })) {
      throw new AppError("invalid_input", `An instrument with the short name "${slug}" already exists.`);
    }
    const alreadyIn = await requireAttachReach(tx, by, { id: by.organizationId, code: by.organizationCode }, null);
    const instrument = await tx.instrument.create({
      data: { title, shortTitle, slug, participants: { create: { organizationId: by.organizationId, role: "CHAIR" } } },
      select: { id: true },
    });
    await recordAccountEvent(tx, [instrument.id, ...alreadyIn], {
      action: "instrument.created",
      actor: by,
      target: { type: "instrument", id: instrument.id },
      details: { title, slug, startedFrom },
    });
    return { instrumentId: instrument.id };
  });
}
