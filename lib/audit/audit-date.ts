// The audit trail's date filters, typed as an unambiguous date: ISO (2026-12-01) or day, month
// name and year (1 December 2026, 1 Dec 2026) — never 12/01, which reads as two dates. Days are
// UTC, as the trail's times are.
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DAY = 24 * 60 * 60 * 1000;

function utcDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** The start of the day typed, or null when it is not a date in one of the forms above. */
export function parseAuditDay(value: string | undefined): Date | null {
  const text = value?.trim().toLowerCase() ?? "";
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return utcDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (named) {
    // The month's full name or its first three letters ("Sept" too).
    const word = named[2];
    const month = MONTHS.findIndex((m) => m === word || (word.length >= 3 && word.length <= 4 && m.startsWith(word)));
    if (month >= 0) return utcDay(Number(named[3]), month + 1, Number(named[1]));
  }
  return null;
}

/** The filter's bounds: from the start of `from`'s day to the end of `to`'s. */
export function auditDayRange(from: string | undefined, to: string | undefined) {
  const start = parseAuditDay(from);
  const end = parseAuditDay(to);
  return {
    from: start ?? undefined,
    to: end ? new Date(end.getTime() + DAY) : undefined,
    /** What was typed but is not a date, to say so rather than ignore it. */
    invalid: [from?.trim() && !start ? "From" : null, to?.trim() && !end ? "To" : null].filter(
      (field): field is string => field !== null,
    ),
  };
}

/** A day as the filter shows it back: 2026-12-01. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
