// The secretariat adds an organisation (a delegation, group, observer or office) and its role.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { zId, zRole, zText } from "./fields";
import { requireInstrumentRight } from "./instrument-rights";

export const ZAddOrganization = z.object({
  instrumentId: zId("The instrument"),
  name: zText("The organisation's name", 200),
  code: z
    .string({ message: "The code is missing." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,12}$/, "The code is 2 to 12 letters, digits or dashes, e.g. AUS or CARICOM."),
  kind: z.enum(["MEMBER_STATE", "REGIONAL_GROUP", "OBSERVER", "SECRETARIAT"], {
    message: "Choose what kind of organisation it is.",
  }),
  colour: z
    .string({ message: "The colour is missing." })
    .regex(/^#[0-9a-fA-F]{6}$/, "The colour is a hex colour like #1f77b4."),
  role: zRole,
});
export type TAddOrganization = z.infer<typeof ZAddOrganization>;

export async function addOrganization(by: SessionUser, raw: TAddOrganization, tx?: Tx) {
  const { instrumentId, name, code, kind, colour, role } = parseInput(ZAddOrganization, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "members.manage");
    if (await tx.organization.findUnique({ where: { code }, select: { id: true } })) {
      throw new AppError("invalid_input", `An organisation with the code ${code} already exists.`);
    }
    const organization = await tx.organization.create({
      data: { name, code, kind, colour, participants: { create: { instrumentId, role } } },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      action: "participant.added",
      actor: by,
      instrumentId,
      target: { type: "organization", id: organization.id },
      details: { organization: code, name, kind, role },
    });
    return { organizationId: organization.id };
  });
}
