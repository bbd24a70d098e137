// The query an export is asked with, the same for the instrument and for one clause: a format,
// a variant that format can hold, and the versions it is of (`version`) or counts changes from
// (`since`, for the "changes" variant and only for it). Refused here, before anything is read.
import { z } from "zod";
import {
  EXPORT_FORMATS,
  EXPORT_VARIANTS,
  type ExportFormat,
  type ExportVariant,
  FORMAT_CHOICE,
  VARIANT_CHOICE,
  variantRefusal,
} from "./export-variant";

export const exportQuery = {
  format: z.enum(EXPORT_FORMATS, { message: FORMAT_CHOICE }).default("html"),
  variant: z.enum(EXPORT_VARIANTS, { message: VARIANT_CHOICE }).default("clean"),
  version: z.uuid("The version is not valid.").optional(),
  since: z.uuid("The version to count changes from is not valid.").optional(),
};

type Query = { format: ExportFormat; variant: ExportVariant; since?: string };

export function checkExportQuery(query: Query, ctx: z.RefinementCtx): void {
  const refusal = variantRefusal(query.format, query.variant);
  if (refusal) ctx.addIssue({ code: "custom", message: refusal });
  if (query.variant === "changes" && !query.since)
    ctx.addIssue({ code: "custom", message: "Choose the version to count the changes from: since=<version id>." });
  if (query.variant !== "changes" && query.since)
    ctx.addIssue({ code: "custom", message: "since= is for the changes variant (variant=changes) only." });
}
