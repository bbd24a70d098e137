// The fields a person fills in when saving a version.
import { z } from "zod";

export const zVersionName = z
  .string({ message: "Name the version." })
  .trim()
  .min(1, "Name the version, e.g. “after the first reading”.")
  .max(200, "Keep the name under 200 characters.");

export const zVersionNote = z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional();

/** A version's id, or "current" for the text as it stands now. */
export const zVersionRef = z.union([z.literal("current"), z.uuid("Not a version.")]);
