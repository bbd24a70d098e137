"use client";
// Opens the clause's collaborative document over /collab and reports, truthfully, whether
// every local edit is in the server's database ("saved"), still on its way ("saving"), held by
// the server while its database does not answer ("retrying"), or kept locally while the
// connection is down ("offline"). The provider reconnects by itself; a clause the server could
// not open for want of its database is asked for again, with the local edits kept.
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { ACCESS_CLOSE_REASONS } from "@/lib/access/access-messages";
import { SESSION_ACTIVE_EVENT, SESSION_ACTIVE_MESSAGE } from "@/lib/auth/session-lifetime";
import { parseClauseMessage } from "@/lib/clauses/clause-messages";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { CLAUSE_UNAVAILABLE, parseSaveMessage, SAVE_RETRYING } from "@/lib/collab/save-messages";
import { noticeIn, socketLimitNotice } from "@/lib/collab/socket-notices";
import { isRefusedEdit, REFUSED_TOO_OFTEN, refusedEditNotice } from "@/lib/proposals/refused-edit-message";

export type SaveState =
  | "connecting"
  | "saving"
  | "saved"
  | "retrying"
  | "unavailable"
  | "offline"
  | "read-only"
  | "refused";

/** How long to wait before asking again for a clause the server could not open, growing to the last. */
const REOPEN_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

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
    let wasSynced = false;
    /** The server holds an edit of ours it could not store yet (its database is down). */
    let retrying = false;
    /** The server could not open the clause for want of its database: we ask again. */
    let unavailable = false;
    let reopenAttempts = 0;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
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

    // "Saved" only when nothing is held and every local edit was acknowledged, which the server
    // does only after storing it.
    function update() {
      if (refused) return setSaveState("refused");
      if (unavailable) return setSaveState(wasSynced ? "retrying" : "unavailable");
      if (!online) return setSaveState(wasOnline ? "offline" : "connecting");
      if (readOnly) return setSaveState("read-only");
      if (retrying) return setSaveState("retrying");
      if (!provider.synced) return setSaveState("connecting");
      setSaveState(provider.hasUnsyncedChanges ? "saving" : "saved");
    }
    /** Reconnects later: the new connection asks for the clause again and sends what is unsaved. */
    function reopenLater() {
      const delay = REOPEN_DELAYS_MS[Math.min(reopenAttempts++, REOPEN_DELAYS_MS.length - 1)];
      socket.disconnect();
      clearTimeout(reopenTimer);
      reopenTimer = setTimeout(() => void socket.connect(), delay);
    }
    provider.on("status", ({ status }: { status: WebSocketStatus }) => {
      online = status === WebSocketStatus.Connected;
      wasOnline ||= online;
      // What the server held belonged to the old connection; the new one says afresh.
      retrying = false;
      update();
    });
    provider.on("authenticated", ({ scope }: { scope: string }) => {
      readOnly = scope === "readonly";
      update();
    });
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      if (reason === CLAUSE_UNAVAILABLE) {
        unavailable = true;
        reopenLater();
      } else {
        refused = true;
        setRefusal(reason);
      }
      update();
    });
    // Access changed while the clause is open: rights changed in place, or the clause was closed.
    provider.on("stateless", ({ payload }: { payload: string }) => {
      const save = parseSaveMessage(payload);
      if (save) {
        retrying = save === SAVE_RETRYING;
        update();
        return;
      }
      const message = parseClauseMessage(payload);
      if (isRefusedEdit(payload)) {
        setDroppedEdit(noticeIn(payload) ?? refusedEditNotice(payload));
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
    provider.on("close", ({ event }: { event?: { code?: number; reason?: string } }) => {
      // Too fast: the provider reconnects and resends. Too large: resending would fail for ever.
      const limit = socketLimitNotice(event?.code);
      if (limit) {
        setDroppedEdit(limit.notice);
        if (limit.dropEdit) setGeneration((g) => g + 1);
        return;
      }
      if (!event?.reason || !ACCESS_CLOSE_REASONS.includes(event.reason)) return;
      refused = true;
      setRefusal(event.reason);
      update();
    });
    // The clause is open (authenticated comes before the server loads it, so not that).
    provider.on("synced", () => {
      wasSynced = true;
      unavailable = false;
      reopenAttempts = 0;
      update();
    });
    provider.on("unsyncedChanges", update);
    // The person is active and their session slid: the socket's idle limit slides with it.
    const reportActivity = () => provider.sendStateless(SESSION_ACTIVE_MESSAGE);
    window.addEventListener(SESSION_ACTIVE_EVENT, reportActivity);
    setConnection({ doc, provider });
    return () => {
      window.removeEventListener(SESSION_ACTIVE_EVENT, reportActivity);
      clearTimeout(reopenTimer);
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
