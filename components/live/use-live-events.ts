"use client";
// Listens to the tab's live stream (live-connection.ts). The latest `onNotice` is used without
// re-subscribing, so it may close over fresh state.
import { useEffect, useRef } from "react";
import { type LiveNotice, listenLive } from "./live-connection";

export function useLiveEvents(onNotice: (notice: LiveNotice) => void): void {
  const handler = useRef(onNotice);
  useEffect(() => {
    handler.current = onNotice;
  });
  useEffect(() => listenLive((notice) => handler.current(notice)), []);
}
