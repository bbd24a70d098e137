"use client";
// Told to everyone in a clause of the instrument while the chair presents: which article, and a
// Follow link to the plenary view (large type, high contrast), which follows the chair from article
// to article until the presentation ends or the person stops following.
import Link from "next/link";
import type { Presentation } from "@/lib/plenary/plenary-messages";

export function FollowOffer({ presentation, userId }: { presentation: Presentation | null; userId: string }) {
  if (!presentation || presentation.presenterId === userId) return null;
  return (
    <p
      role="status"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-950"
    >
      <span>
        The chair is presenting Article {presentation.number}
        <span className="sr-only"> ({presentation.presenterName})</span>
      </span>
      <Link
        href={`/instruments/${presentation.instrumentId}/plenary`}
        className="rounded bg-indigo-700 px-3 py-1 font-medium text-white hover:bg-indigo-800"
      >
        Follow
      </Link>
    </p>
  );
}
