// Makes a person a system administrator, or no longer one. There is deliberately no page or
// route for this: only someone who can run commands against the database (`npm run admin:grant`)
// grants it. The grant belongs to no instrument, so every instrument's audit trail shows it.
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";

export async function grantSystemAdmin(email: string, granted: boolean): Promise<{ changed: boolean; name: string }> {
  return auditedTransaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    if (!person) throw new AppError("not_found", `Nobody has the email ${email}.`);
    if (person.systemAdmin === granted) return { changed: false, name: person.name };
    await tx.user.update({ where: { id: person.id }, data: { systemAdmin: granted } });
    await recordAuditEvent(tx, {
      action: granted ? "person.system-admin-granted" : "person.system-admin-revoked",
      actor: null,
      instrumentId: null,
      target: { type: "user", id: person.id },
      details: { email: person.email, name: person.name, by: "npm run admin:grant" },
    });
    return { changed: true, name: person.name };
  });
}
