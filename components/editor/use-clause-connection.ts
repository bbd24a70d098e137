"use client";
// Opens the clause's collaborative document over /collab and reports, truthfully, whether
// every local edit is in the server's database ("saved"), still on its way ("saving"), held by
// the server while its database does not answer ("retrying"), or kept locally while the
// connection is down ("offline": the socket closed, the device says it has no network, or the
// server has not answered an edit for a few seconds). Every local edit is also kept on the
// device (kept-edits.ts) until the server has acknowledged it, so a reload or a closed browser
// loses nothing: the next time this person opens the clause, it is put back once the server's
// text has arrived (lib/kept-edits/put-back.ts), sent again and judged. When the session has
// ended, the page goes to sign-in, which brings the person back here to send what was kept.
// The provider reconnects by itself; a clause the server could not open for want of its
// database is asked for again, with the local edits kept.
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import {
  ACCESS_CLOSE_REASONS,
  CLAUSE_NOT_SHARED,
  DEACTIVATED,
  DELEGATION_CHANGED,
  NO_LONGER_SHARED,
  SESSION_EXPIRED,
} from "@/lib/access/access-messages";
import { signInPath } from "@/lib/auth/return-path";
import { SESSION_ACTIVE_EVENT, SESSION_ACTIVE_MESSAGE } from "@/lib/auth/session-lifetime";
import { parseClauseMessage } from "@/lib/clauses/clause-messages";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { CLAUSE_UNAVAILABLE, parseSaveMessage, SAVE_RETRYING } from "@/lib/collab/save-messages";
import { noticeIn, socketLimitNotice } from "@/lib/collab/socket-notices";
import { keptEditOwner, keptEditStore } from "@/lib/kept-edits/kept-edit-store";
import { withWordsNotKept } from "@/lib/kept-edits/kept-edit-words";
import { KeptEdits } from "@/lib/kept-edits/kept-edits";
import type { KeptCount } from "@/lib/kept-edits/offline-label";
import { putBackKeptEdits } from "@/lib/kept-edits/put-back";
import { isRefusedEdit, REFUSED_TOO_OFTEN, refusedEditNotice } from "@/lib/proposals/refused-edit-message";
import { dropQueuedUpdates } from "./queued-updates";

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
/** An edit the server has not answered for this long, with nothing else heard from it: offline. */
const SILENCE_MS = 5_000;
/** The origin of edits put back from the device: they are kept already. */
const KEPT = Symbol("kept on this device");

/** Access lost for good: what was kept for this clause can never be stored, so it is forgotten. */
const ACCESS_GONE: readonly string[] = [DEACTIVATED, NO_LONGER_SHARED, DELEGATION_CHANGED, CLAUSE_NOT_SHARED];
const CANNOT_WRITE_NOTICE = "You can no longer change this clause's text, so what you typed was not kept.";
const ACCESS_GONE_NOTICE = "What you typed and was not yet saved was not kept.";
const CANNOT_PUT_BACK_NOTICE =
  "What you typed earlier on this device could not be put back into the clause: part of it never reached the server.";

export type ClauseConnection = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
};

/** `sessionBegan`: when this page's session began (ms), as the server counts it; null if not known. */
export function useClauseConnection(clauseId: string, userId: string, sessionBegan: number | null) {
  const [connection, setConnection] = useState<ClauseConnection | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("connecting");
  const [refusal, setRefusal] = useState<string | null>(null);
  /** Set when the server changed this connection's rights after it opened (a role change). */
  const [liveReadOnly, setLiveReadOnly] = useState<boolean | null>(null);
  /** Bumped to open the clause afresh, dropping local edits the server refused for good. */
  const [generation, setGeneration] = useState(0);
  const [droppedEdit, setDroppedEdit] = useState<string | null>(null);
  const [droppedAt] = useState<number[]>([]);
  const [kept, setKept] = useState<KeptCount>({ count: 0, onDevice: null });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation opens the clause afresh
  useEffect(() => {
    const keptEdits = new KeptEdits(keptEditStore(), keptEditOwner(userId, clauseId));
    const unsubscribe = keptEdits.subscribe(() => setKept({ count: keptEdits.count, onDevice: keptEdits.onDevice }));
    let closed = false;
    let close: (() => void) | undefined;
    void keptEdits
      .restore()
      .catch(() => [])
      .then((restored) => {
        if (!closed) close = open(restored);
      });
    return () => {
      closed = true;
      unsubscribe();
      close?.();
    };

    function open(restored: Uint8Array[]): () => void {
      const doc = new Y.Doc();
      // What this person typed here before and the server never acknowledged: put back once the
      // server's text is here, stamped for this session where it needs to be (put-back.ts).
      let toPutBack = restored;
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
      /** The device says it has no network: the socket may not notice for a long while. */
      let networkDown = navigator.onLine === false;
      /** An edit went unanswered and the server has been silent since: the socket is likely dead. */
      let silent = false;
      let waitingSince = 0;
      let lastHeard = Date.now();
      /** Refused: what is outstanding is being dropped; nothing more is kept for this document. */
      let dropping = false;
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
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== provider && origin !== KEPT && !dropping) keptEdits.record(update);
      });

      // "Saved" only when nothing is held and every local edit was acknowledged, which the server
      // does only after storing it.
      function update() {
        if (refused) return setSaveState("refused");
        if (unavailable) return setSaveState(wasSynced ? "retrying" : "unavailable");
        if (networkDown || silent) return setSaveState("offline");
        if (!online) return setSaveState(wasOnline ? "offline" : "connecting");
        if (readOnly) return setSaveState("read-only");
        if (retrying) return setSaveState("retrying");
        if (!provider.synced) return setSaveState("connecting");
        if (provider.hasUnsyncedChanges) return setSaveState("saving");
        // Everything sent is stored: the device may forget it.
        if (keptEdits.outstanding > 0) void keptEdits.acknowledged();
        setSaveState("saved");
      }
      /** Drops what is outstanding (refused for good), says which words, then does `next`. */
      function dropOutstanding(notice: string, next: () => void, how: "refused" | "forget" = "refused") {
        if (how === "refused") dropping = true;
        void (how === "refused" ? keptEdits.refused() : keptEdits.forget())
          .catch(() => [])
          .then((updates) => {
            // Forgetting nothing is not news; a refusal always is.
            if (how === "refused" || updates.length > 0) setDroppedEdit(withWordsNotKept(notice, updates, doc));
            next();
          });
      }
      /** The session has ended: sign in again, then back here, where what is kept is sent. */
      function signInAgain() {
        // Kept in this tab only, it would be lost by leaving: the alert says to sign in instead.
        if (keptEdits.onDevice === false && keptEdits.outstanding > 0) return;
        const here = window.location.pathname + window.location.search;
        void keptEdits.written().then(() => window.location.assign(signInPath(here)));
      }
      /** The socket is down whatever it says: close it, so the provider reconnects when it can. */
      function closeSocket() {
        if (socket.status === WebSocketStatus.Connected) {
          // As if the socket had closed: the provider and its socket reset and reconnect as they do then.
          (socket as unknown as { emit(event: "close", payload: unknown): void }).emit("close", {
            event: { code: 4000, reason: "" },
          });
        }
      }
      const goneOffline = () => {
        networkDown = true;
        closeSocket();
        update();
      };
      const backOnline = () => {
        networkDown = false;
        silent = false;
        void socket.connect();
        update();
      };
      window.addEventListener("offline", goneOffline);
      window.addEventListener("online", backOnline);
      provider.on("message", () => {
        lastHeard = Date.now();
        if (!silent) return;
        silent = false;
        update();
      });
      const silence = setInterval(() => {
        if (silent || !online || !provider.hasUnsyncedChanges) return;
        if (Date.now() - Math.max(waitingSince, lastHeard) < SILENCE_MS) return;
        silent = true;
        closeSocket();
        update();
      }, 1_000);
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
        if (online) silent = false;
        // What the server held belonged to the old connection; the new one says afresh.
        retrying = false;
        update();
      });
      // The edits queued while the socket was down travel in the handshake instead (queued-updates.ts).
      socket.on("open", () => dropQueuedUpdates(socket, provider.effectiveName));
      provider.on("authenticated", ({ scope }: { scope: string }) => {
        readOnly = scope === "readonly";
        if (readOnly && keptEdits.outstanding > 0) dropOutstanding(CANNOT_WRITE_NOTICE, update, "forget");
        update();
      });
      provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
        if (reason === CLAUSE_UNAVAILABLE) {
          unavailable = true;
          reopenLater();
        } else {
          refused = true;
          setRefusal(reason);
          if (ACCESS_GONE.includes(reason)) dropOutstanding(ACCESS_GONE_NOTICE, update, "forget");
          if (reason === SESSION_EXPIRED) signInAgain();
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
          // Reloading again and again would hide a fault: after a few, stop and say so.
          const now = Date.now();
          droppedAt.push(now);
          const tooOften = droppedAt.filter((at) => now - at < 60_000).length > 3;
          if (tooOften) {
            refused = true;
            setRefusal(REFUSED_TOO_OFTEN);
            provider.disconnect();
            update();
          }
          // Dropped from the device too, or it would be sent and refused again on every visit.
          dropOutstanding(noticeIn(payload) ?? refusedEditNotice(payload), () => {
            if (!tooOften) setGeneration((g) => g + 1);
          });
          return;
        }
        if (message?.type !== "access.changed") return;
        readOnly = message.readOnly;
        setLiveReadOnly(message.readOnly);
        if (readOnly && keptEdits.outstanding > 0) dropOutstanding(CANNOT_WRITE_NOTICE, update, "forget");
        update();
      });
      provider.on("close", ({ event }: { event?: { code?: number; reason?: string } }) => {
        // Too fast: the provider reconnects and resends. Too large: resending would fail for ever.
        const limit = socketLimitNotice(event?.code);
        if (limit) {
          if (limit.dropEdit) dropOutstanding(limit.notice, () => setGeneration((g) => g + 1));
          else setDroppedEdit(limit.notice);
          return;
        }
        if (!event?.reason || !ACCESS_CLOSE_REASONS.includes(event.reason)) return;
        refused = true;
        setRefusal(event.reason);
        if (ACCESS_GONE.includes(event.reason)) dropOutstanding(ACCESS_GONE_NOTICE, update, "forget");
        if (event.reason === SESSION_EXPIRED) signInAgain();
        update();
      });
      // The clause is open (authenticated comes before the server loads it, so not that).
      provider.on("synced", () => {
        wasSynced = true;
        unavailable = false;
        reopenAttempts = 0;
        // Before the status is worked out: "Saved" must not forget what is about to be sent.
        const kept = toPutBack;
        toPutBack = [];
        // Read-only or refused, what was kept has been forgotten or dropped already.
        if (kept.length > 0 && !readOnly && !refused && keptEdits.outstanding > 0) {
          const complete = putBackKeptEdits(doc, kept, { authorId: userId, sessionBegan, origin: KEPT });
          if (!complete) dropOutstanding(CANNOT_PUT_BACK_NOTICE, () => setGeneration((g) => g + 1));
        }
        update();
      });
      provider.on("unsyncedChanges", ({ number }: { number: number }) => {
        if (number === 0) waitingSince = 0;
        else if (waitingSince === 0) waitingSince = Date.now();
        update();
      });
      // The person is active and their session slid: the socket's idle limit slides with it.
      const reportActivity = () => provider.sendStateless(SESSION_ACTIVE_MESSAGE);
      window.addEventListener(SESSION_ACTIVE_EVENT, reportActivity);
      setConnection({ doc, provider });
      return () => {
        window.removeEventListener(SESSION_ACTIVE_EVENT, reportActivity);
        window.removeEventListener("offline", goneOffline);
        window.removeEventListener("online", backOnline);
        clearInterval(silence);
        clearTimeout(reopenTimer);
        provider.destroy();
        doc.destroy();
        setConnection(null);
      };
    }
  }, [clauseId, userId, sessionBegan, generation]);

  return {
    connection,
    saveState,
    kept,
    refusal,
    liveReadOnly,
    droppedEdit,
    dismissDroppedEdit: () => setDroppedEdit(null),
  };
}
