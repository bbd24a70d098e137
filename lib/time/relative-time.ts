// How long ago something happened, said one way across the app: "just now", "5 minutes ago",
// "yesterday", and past a week the date. Pure (no imports), for the browser: only it knows the
// reader's time zone.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function timeAgo(iso: string, now: number): string {
  const elapsed = new Date(iso).getTime() - now;
  if (Math.abs(elapsed) < 60_000) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms || unit === "minute") {
      if (unit === "day" && Math.abs(elapsed) > 7 * ms) {
        return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
      }
      return format.format(Math.round(elapsed / ms), unit);
    }
  }
  return "";
}

/** The exact date and time, for a hover title. */
export function exactTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}
