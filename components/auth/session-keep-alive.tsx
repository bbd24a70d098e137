"use client";
// Keeps a session alive while the person is at the keyboard: on their activity (typing,
// clicking, scrolling), at most once a minute, it asks next-auth for the session, which slides
// its idle limit and re-issues the cookie; then it tells the open clause sockets, which slide
// theirs. Without activity nothing is sent, and the session ends after the idle period.
import { useEffect } from "react";
import { ACTIVITY_REPORT_SECONDS, SESSION_ACTIVE_EVENT } from "@/lib/auth/session-lifetime";

const ACTIVITY = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

export function SessionKeepAlive() {
  useEffect(() => {
    let lastReport = 0;
    let reporting = false;
    async function report() {
      const now = Date.now();
      if (reporting || now - lastReport < ACTIVITY_REPORT_SECONDS * 1000) return;
      reporting = true;
      lastReport = now;
      try {
        const response = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
        const session = (await response.json().catch(() => null)) as { user?: { organizationId?: string } } | null;
        if (session?.user?.organizationId) window.dispatchEvent(new Event(SESSION_ACTIVE_EVENT));
      } catch {
        // Offline: the next activity tries again.
        lastReport = 0;
      } finally {
        reporting = false;
      }
    }
    // Opening a page is activity too.
    void report();
    for (const type of ACTIVITY) window.addEventListener(type, report, { passive: true, capture: true });
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, report, { capture: true });
    };
  }, []);
  return null;
}
