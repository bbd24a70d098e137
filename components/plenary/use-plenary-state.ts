"use client";
// What the server says about plenary mode on one clause socket: the presentation running in the
// instrument now (or null), and why the server refused the last thing this person sent.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { type Presentation, readPlenaryMessage } from "@/lib/plenary/plenary-messages";

export function usePlenaryState(provider: HocuspocusProvider | null) {
  const [presentation, setPresentation] = useState<Presentation | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (!provider) return;
    const listener = ({ payload }: { payload: string }) => {
      const message = readPlenaryMessage(payload);
      if (message?.type === "plenary.state") setPresentation(message.presentation);
      if (message?.type === "plenary.refused") setRefusal(message.message);
    };
    provider.on("stateless", listener);
    return () => {
      provider.off("stateless", listener);
    };
  }, [provider]);
  return { presentation, refusal, dismissRefusal: () => setRefusal(null) };
}
