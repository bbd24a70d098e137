// What an export holds. "clean" is the agreed text: every open proposal left out as if it were
// rejected (proposed insertions omitted, proposed deletions kept). "proposals" is the text with
// each proposal shown as a tracked change attributed to its delegation (in Word, with the
// clause's comment threads as comments). "changes" is the agreed text with what changed since a
// chosen version shown as tracked changes (Word only: lib/readings' compare).
export const EXPORT_VARIANTS = ["clean", "proposals", "changes"] as const;
export type ExportVariant = (typeof EXPORT_VARIANTS)[number];

/** The file formats; each says which variants it can hold (`VARIANTS_OF`). */
export const EXPORT_FORMATS = ["html", "text", "docx", "akn"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const VARIANTS_OF: Record<ExportFormat, readonly ExportVariant[]> = {
  html: ["clean", "proposals"],
  text: ["clean"],
  docx: ["clean", "proposals", "changes"],
  // Akoma Ntoso 3.0 XML (lib/exports/akn): the text, with or without its open proposals.
  akn: ["clean", "proposals"],
};

export const FORMAT_CHOICE = `Choose a format: ${EXPORT_FORMATS.join(", ")}.`;
export const VARIANT_CHOICE = `Choose a variant: ${EXPORT_VARIANTS.join(", ")}.`;

/** Why a variant makes no sense in a format, or null when it does. */
export function variantRefusal(format: ExportFormat, variant: ExportVariant): string | null {
  if (VARIANTS_OF[format].includes(variant)) return null;
  if (format === "text") return "Plain text holds the clean variant only; proposals need the HTML or Word export.";
  return "The changes since a version are exported as Word (format=docx) only.";
}

export const CLAUSE_STATUS_LABELS = {
  OPEN: "Open",
  AGREED_AD_REF: "Agreed ad referendum",
  AGREED: "Agreed",
} as const;
export type ClauseStatusName = keyof typeof CLAUSE_STATUS_LABELS;
