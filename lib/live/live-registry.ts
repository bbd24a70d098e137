// Where the door (GET /api/events, bundled by Next) finds the process's live hub (started by
// server.ts), without importing it: Next bundles route handlers apart from server.ts.
// Only types and the holder here, so Redis stays out of Next's bundle.
import type { SessionTimes } from "@/lib/auth/session-lifetime";

/** One signed-in tab's stream, as the hub keeps it. */
export type LiveListener = {
  userId: string;
  organizationId: string;
  /** The session version its token was issued at (lib/auth/session-version.ts). */
  sessionVersion: number;
  /** When the token expires, if it says (ms since the epoch). */
  expiresAt: number | null;
  times: SessionTimes;
  /** Writes one frame; false when the tab is not reading (its buffer is full). */
  write(frame: string): boolean;
  /** Ends the stream (the tab reconnects, through the door again). */
  end(): void;
};

export type LiveStreams = {
  /** Starts sending to `listener`; the returned function stops. */
  add(listener: LiveListener): () => void;
};

const holder = globalThis as typeof globalThis & { clauseworkLiveStreams?: LiveStreams };

export function registerLiveStreams(streams: LiveStreams | undefined): void {
  holder.clauseworkLiveStreams = streams;
}

export function liveStreams(): LiveStreams | null {
  return holder.clauseworkLiveStreams ?? null;
}
