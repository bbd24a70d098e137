// Zod fields shared by the administration commands, with messages a secretariat can act on.
import { z } from "zod";
import { withoutInvisible } from "@/lib/clause-model/invisible-characters";
import { isUuid } from "@/lib/ids/uuid";
import { ROLES } from "@/lib/permissions/roles";

export const zId = (what: string) =>
  z.string({ message: `${what} is missing.` }).refine(isUuid, `${what} is not valid.`);

export const zText = (what: string, max: number) =>
  z
    .string({ message: `${what} is missing.` })
    .trim()
    .min(1, `${what} cannot be empty.`)
    .max(max, `${what} is longer than ${max} characters.`);

/**
 * Text that may end up in a clause's words or beside them (a glossary's preferred wording, a
 * passage of agreed language): its invisible characters are taken out first, since the
 * collaboration server refuses them in the words (lib/clause-model/invisible-characters.ts) and
 * a text-direction control makes what follows read in another order.
 */
export const zWords = (what: string, max: number) =>
  z
    .string({ message: `${what} is missing.` })
    .transform(withoutInvisible)
    .pipe(zText(what, max));

/** The same for a field that may be left empty. */
export const zOptionalWords = (what: string, max: number) =>
  z
    .string()
    .transform(withoutInvisible)
    .pipe(z.string().trim().max(max, `${what} is longer than ${max} characters.`))
    .optional()
    .transform((value) => value ?? "");

/** Topics as a list, or as the form sends them: one comma-separated string. */
export const zTopics = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")))
  .transform((topics) => [...new Set(topics.map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .refine(
    (topics) => topics.length <= 12 && topics.every((t) => t.length <= 40),
    "At most 12 topics of 40 characters.",
  );

/** A yes/no, as JSON (true/false) or as a form sends it ("true"/"false"). */
export const zYesNo = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

export const zRole = z.enum(ROLES, { message: "Choose a role: chair, delegate, observer or reader." });

export const zClauseStatus = z.enum(["OPEN", "AGREED_AD_REF", "AGREED"], {
  message: "Choose a status: open, agreed ad referendum, or agreed.",
});

/** A list of organisation ids; the form sends none at all when every box is unticked. */
export const zOrganizationIds = z
  .array(zId("An organisation"))
  .max(200)
  .optional()
  .transform((ids) => [...new Set(ids ?? [])]);
