import "server-only";
// The secretariat adds an organisation (a delegation, group, observer or office) and its role.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zRole, zText } from "./fields";

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

export const addOrganization = instrumentDoor(
  "members.manage",
  ZAddOrganization,
  async ({ user }, { instrumentId, name, code, kind, colour, role }) => {
    if (await prisma.organization.findUnique({ where: { code }, select: { id: true } })) {
      throw new DoorRefusal(400, `An organisation with the code ${code} already exists.`);
    }
    return auditedTransaction(async (tx) => {
      const organization = await tx.organization.create({
        data: { name, code, kind, colour, participants: { create: { instrumentId, role } } },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        action: "participant.added",
        actor: user,
        instrumentId,
        target: { type: "organization", id: organization.id },
        details: { organization: code, name, kind, role },
      });
      return { organizationId: organization.id };
    });
  },
);
