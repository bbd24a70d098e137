// What an export holds. "clean" is the agreed text: every open proposal left out as if it were
// rejected (proposed insertions omitted, proposed deletions kept). "proposals" is the text with
// each proposal shown as a tracked change attributed to its delegation.
export const EXPORT_VARIANTS = ["clean", "proposals"] as const;
export type ExportVariant = (typeof EXPORT_VARIANTS)[number];

export const EXPORT_FORMATS = ["html", "text"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CLAUSE_STATUS_LABELS = {
  OPEN: "Open",
  AGREED_AD_REF: "Agreed ad referendum",
  AGREED: "Agreed",
} as const;
export type ClauseStatusName = keyof typeof CLAUSE_STATUS_LABELS;
