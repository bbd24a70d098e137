const LABELS = {
  OPEN: { text: "Open", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  AGREED_AD_REF: { text: "Agreed ad ref", className: "bg-sky-50 text-sky-800 ring-sky-200" },
  AGREED: { text: "Agreed", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
} as const;

export type ClauseStatusValue = keyof typeof LABELS;

export function ClauseStatusBadge({ status }: { status: ClauseStatusValue }) {
  const { text, className } = LABELS[status];
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
    >
      {text}
    </span>
  );
}
