"use client";
// "5 minutes ago", with the exact date and time on hover (lib/time/relative-time.ts). Rendered in
// the browser only (the server does not know the reader's time zone), and kept fresh.
import { useEffect, useState } from "react";
import { exactTime, timeAgo } from "@/lib/time/relative-time";

export function RelativeTime({ iso, className = "text-xs text-slate-500" }: { iso: string; className?: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={exactTime(iso)} className={className}>
      {now === null ? "" : timeAgo(iso, now)}
    </time>
  );
}
