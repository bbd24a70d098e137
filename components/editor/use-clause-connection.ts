"use client";
// Opens the clause's collaborative document over /collab and reports, truthfully, whether
// every local edit is in the server's database ("saved"), still on its way ("saving"),
// or kept locally while the connection is down ("offline"). The provider reconnects by itself.
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { ACCESS_CLOSE_REASONS } from "@/lib/access/access-messages";
import { SESSION_ACTIVE_EVENT, SESSION_ACTIVE_MESSAGE } from "@/lib/auth/session-lifetime";
import { parseClauseMessage } from "@/lib/clauses/clause-messages";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { REFUSED_EDIT_NOTICE, REFUSED_TOO_OFTEN } from "@/lib/proposals/refused-edit-message";

export type SaveState = "connecting" | "saving" | "saved" | "offline" | "read-only" | "refused";

export type ClauseConnection = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
};

export function useClauseConnection(clauseId: string) {
  const [connection, setConnection] = useState<ClauseConnection | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("connecting");
  const [refusal, setRefusal] = useState<string | null>(null);
  /** Set when the server changed this connection's rights after it opened (a role change). */
  const [liveReadOnly, setLiveReadOnly] = useState<boolean | null>(null);
  /** Bumped to open the clause afresh, dropping local edits the server refused for good. */
  const [generation, setGeneration] = useState(0);
  const [droppedEdit, setDroppedEdit] = useState<string | null>(null);
  const [droppedAt] = useState<number[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation opens the clause afresh
  useEffect(() => {
    const doc = new Y.Doc();
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    let refused = false;
    let readOnly = false;
    let online = false;
    let wasOnline = false;
    const provider = new HocuspocusProvider({
      url,
      name: clauseDocumentName(clauseId),
      document: doc,
      // Identity comes from the session cookie on the socket; the token is not trusted.
      token: "session-cookie",
    });
    const socket = provider.configuration.websocketProvider;
    // Come back quickly after a server restart, without hammering it.
    socket.setConfiguration({ delay: 500, factor: 1.5, maxDelay: 4000, minDelay: 250 });

    function update() {
      if (refused) return setSaveState("refused");
      if (!online) return setSaveState(wasOnline ? "offline" : "connecting");
      if (readOnly) return setSaveState("read-only");
      if (!provider.synced) return setSaveState("connecting");
      setSaveState(provider.hasUnsyncedChanges ? "saving" : "saved");
    }
    provider.on("status", ({ status }: { status: WebSocketStatus }) => {
      online = status === WebSocketStatus.Connected;
      wasOnline ||= online;
      update();
    });
    provider.on("authenticated", ({ scope }: { scope: string }) => {
      readOnly = scope === "readonly";
      update();
    });
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      refused = true;
      setRefusal(reason);
      update();
    });
    // Access changed while the clause is open: rights changed in place, or the clause was closed.
    provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = parseClauseMessage(payload);
      if (message?.type === "proposals.refused-edit") {
        setDroppedEdit(REFUSED_EDIT_NOTICE);
        // Reloading again and again would hide a fault: after a few, stop and say so.
        const now = Date.now();
        droppedAt.push(now);
        if (droppedAt.filter((at) => now - at < 60_000).length > 3) {
          refused = true;
          setRefusal(REFUSED_TOO_OFTEN);
          provider.disconnect();
          update();
        } else setGeneration((g) => g + 1);
        return;
      }
      if (message?.type !== "access.changed") return;
      readOnly = message.readOnly;
      setLiveReadOnly(message.readOnly);
      update();
    });
    provider.on("close", ({ event }: { event?: { reason?: string } }) => {
      if (!event?.reason || !ACCESS_CLOSE_REASONS.includes(event.reason)) return;
      refused = true;
      setRefusal(event.reason);
      update();
    });
    provider.on("synced", update);
    provider.on("unsyncedChanges", update);
    // The person is active and their session slid: the socket's idle limit slides with it.
    const reportActivity = () => provider.sendStateless(SESSION_ACTIVE_MESSAGE);
    window.addEventListener(SESSION_ACTIVE_EVENT, reportActivity);
    setConnection({ doc, provider });
    return () => {
      window.removeEventListener(SESSION_ACTIVE_EVENT, reportActivity);
      provider.destroy();
      doc.destroy();
      setConnection(null);
    };
  }, [clauseId, generation]);

  return {
    connection,
    saveState,
    refusal,
    liveReadOnly,
    droppedEdit,
    dismissDroppedEdit: () => setDroppedEdit(null),
  };
}
