"use client";
// The plenary view: what the chair presents, full screen, in large type and high contrast — for a
// delegation's laptop or the room's projector. It follows the chair to the next article, says when
// the presentation ends, and Stop following (or Escape) leaves it for the clause room.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Presentation } from "@/lib/plenary/plenary-messages";
import { FollowerText } from "./follower-text";

/** While nobody presents, the page asks the server again this often. */
const WAITING_RECHECK_MS = 5_000;

export function PlenaryScreen({ initial }: { initial: Presentation | null }) {
  const router = useRouter();
  const [presentation, setPresentation] = useState<Presentation | null>(initial);
  const [ended, setEnded] = useState<Presentation | null>(null);
  const stopRef = useRef<HTMLAnchorElement>(null);

  const current = useRef(initial);
  const seenInitial = useRef(initial);

  // The server page, read again while nobody presented, found a presentation that started since.
  useEffect(() => {
    if (!initial || initial === seenInitial.current) return;
    seenInitial.current = initial;
    current.current = initial;
    setPresentation(initial);
    setEnded(null);
  }, [initial]);

  useEffect(() => {
    if (presentation) return;
    const timer = setInterval(() => router.refresh(), WAITING_RECHECK_MS);
    return () => clearInterval(timer);
  }, [presentation, router]);

  const onState = useCallback((next: Presentation | null) => {
    if (!next && current.current) setEnded(current.current);
    current.current = next;
    setPresentation(next);
  }, []);

  const leaveTo = presentation ?? ended;
  const leaveHref = leaveTo ? `/clauses/${leaveTo.clauseId}` : "/";
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") router.push(leaveHref);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [leaveHref, router]);

  useEffect(() => stopRef.current?.focus(), []);

  return (
    <div className="plenary-screen fixed inset-0 z-50 overflow-y-auto bg-black text-white">
      <header className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-4 border-b-2 border-yellow-300 bg-black px-8 py-4">
        <div aria-live="polite" className="text-2xl font-semibold">
          {presentation ? (
            <h1>
              Article {presentation.number}. {presentation.title}
              <span className="ms-4 text-lg font-normal text-yellow-200">
                presented by {presentation.presenterName}
              </span>
            </h1>
          ) : ended ? (
            <h1 data-testid="plenary-ended">The presentation has ended.</h1>
          ) : (
            <h1>Nobody is presenting now. This screen follows the chair as soon as they present.</h1>
          )}
        </div>
        <Link
          ref={stopRef}
          href={leaveHref}
          className="rounded border-2 border-yellow-300 px-4 py-2 text-xl font-semibold text-yellow-200 hover:bg-yellow-300 hover:text-black focus:outline-none focus:ring-4 focus:ring-yellow-300"
          aria-keyshortcuts="Escape"
        >
          Stop following <span className="text-base font-normal">(Esc)</span>
        </Link>
      </header>
      <main className="mx-auto max-w-6xl px-8 py-8">
        {presentation ? (
          <FollowerText key={presentation.clauseId} clauseId={presentation.clauseId} onState={onState} />
        ) : ended ? (
          <p className="text-2xl">
            The chair stopped presenting Article {ended.number}.{" "}
            <Link href={`/clauses/${ended.clauseId}`} className="text-yellow-200 underline">
              Open Article {ended.number}
            </Link>{" "}
            or keep this screen open: it follows the next presentation in this instrument.
          </p>
        ) : null}
      </main>
    </div>
  );
}
