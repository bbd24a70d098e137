"use client";
// Listens to what the server tells the open clause room (lib/clauses/clause-messages.ts), parsed
// once, typed: `onMessage` only ever sees a ClauseMessage. The latest `onMessage` is used without
// re-subscribing, so it may close over fresh state.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useRef } from "react";
import { type ClauseMessage, parseClauseMessage } from "@/lib/clauses/clause-messages";

export function useClauseMessages(provider: HocuspocusProvider | null, onMessage: (message: ClauseMessage) => void) {
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  useEffect(() => {
    if (!provider) return;
    const listener = ({ payload }: { payload: string }) => {
      const message = parseClauseMessage(payload);
      if (message) handler.current(message);
    };
    provider.on("stateless", listener);
    return () => {
      provider.off("stateless", listener);
    };
  }, [provider]);
}
