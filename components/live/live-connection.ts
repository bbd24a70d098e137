// The tab's one live stream (GET /api/events, lib/live/live-stream-door.ts), shared by everything
// on the page that shows live facts: opened while anything listens, read as server-sent events
// through fetch (so a refusal's status is seen: an ended session stops it instead of retrying),
// reconnected with backoff and jitter when it drops, and announced as reopened so what was missed
// meanwhile is read again.
import { type LiveEvent, parseLiveEvent } from "@/lib/live/live-events";

/** What listeners hear: the server's events, and that the stream (re)opened. */
export type LiveNotice = LiveEvent | { type: "stream.opened"; missedSome: boolean };
type Listener = (notice: LiveNotice) => void;

const MIN_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

const listeners = new Set<Listener>();
let running: AbortController | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let attempts = 0;
let openedBefore = false;
let refused = false;

function emit(notice: LiveNotice) {
  for (const listener of [...listeners]) listener(notice);
}

function readFrames(chunk: string): LiveEvent[] {
  const events: LiveEvent[] = [];
  for (const frame of chunk.split("\n\n")) {
    const data = frame
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).trimStart())
      .join("\n");
    const event = data ? parseLiveEvent(data) : null;
    if (event) events.push(event);
  }
  return events;
}

async function connect(abort: AbortController) {
  const response = await fetch("/api/events", {
    cache: "no-store",
    credentials: "same-origin",
    headers: { accept: "text/event-stream" },
    signal: abort.signal,
  });
  // No session (signed out, expired, deactivated) or another site: trying again cannot help.
  if (response.status === 401 || response.status === 403) {
    refused = true;
    return;
  }
  if (!response.ok || !response.body) throw new Error(`live stream answered ${response.status}`);
  const missedSome = openedBefore || attempts > 0;
  openedBefore = true;
  attempts = 0;
  emit({ type: "stream.opened", missedSome });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const end = buffer.lastIndexOf("\n\n");
    if (end < 0) continue;
    for (const event of readFrames(buffer.slice(0, end))) emit(event);
    buffer = buffer.slice(end + 2);
  }
}

function start() {
  if (running || refused || listeners.size === 0) return;
  const abort = new AbortController();
  running = abort;
  connect(abort)
    .catch(() => {
      // dropped: retried below
    })
    .finally(() => {
      if (running !== abort) return; // stopped on purpose
      running = null;
      if (refused || listeners.size === 0) return;
      const delay = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** attempts) * (0.5 + Math.random() / 2);
      attempts += 1;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        start();
      }, delay);
    });
}

function stop() {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  const abort = running;
  running = null;
  abort?.abort();
}

/** Back online: no need to wait for the backoff. */
function retryNow() {
  if (!retryTimer) return;
  clearTimeout(retryTimer);
  retryTimer = null;
  start();
}

export function listenLive(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener("online", retryNow);
  start();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener("online", retryNow);
    stop();
  };
}
