"use client";
// "5 min ago", with the exact date and time on hover. Rendered in the browser only (the
// server does not know the reader's time zone).
import { useEffect, useState } from "react";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function describeTime(iso: string, now: number): string {
  const elapsed = new Date(iso).getTime() - now;
  if (Math.abs(elapsed) < 60_000) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, ms] of units) {
    if (Math.abs(elapsed) >= ms || unit === "minute") {
      if (unit === "day" && Math.abs(elapsed) > 7 * ms) {
        return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
      }
      return format.format(Math.round(elapsed / ms), unit);
    }
  }
  return "";
}

export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString("en-GB")} className="text-xs text-slate-500">
      {now === null ? "" : describeTime(iso, now)}
    </time>
  );
}
