// While PostgreSQL is down, an edit waits on its connection and is tried again until it is
// stored: it is not applied (so not shown to anyone else) and not acknowledged meanwhile, and the
// browser is told "not saved — retrying". The outage is logged once when it starts and once
// when it ends, not for every edit that waits.
import type { Connection } from "@hocuspocus/server";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { log } from "@/lib/log";
import { SAVE_RESUMED, SAVE_RETRYING, saveMessage } from "./save-messages";

const FIRST_RETRY_MS = 250;
/** Also how often a waiting browser hears from the server: well within its 30 s silence limit. */
const MAX_RETRY_MS = 3_000;

export type SaveOutage = {
  /** Stores with `save`, retrying while the database is unavailable and `connection` is open. */
  saveUntilStored<T>(save: () => Promise<T>, connection: Connection, where: Record<string, unknown>): Promise<T>;
  /** True if `error` means the database is unavailable; the outage is then logged (once). */
  noticed(error: unknown, where: Record<string, unknown>): boolean;
  /** Stops every wait (the server is shutting down): waiting edits are not acknowledged. */
  stop(): void;
};

/** The edit was not stored and never will be on this connection: it is gone or the server stops. */
export class GaveUpSaving extends Error {
  reason = "The server could not store your edit; it will be sent again when you reconnect.";
  constructor() {
    super("an edit held through a database outage was given up: its connection closed or the server stops");
  }
}

export function saveOutage(): SaveOutage {
  let outageSince: number | null = null;
  let stopped = false;
  const wakeUps = new Set<() => void>();

  function began(error: unknown, where: Record<string, unknown>) {
    if (outageSince !== null) return;
    outageSince = Date.now();
    log.error(
      { event: "persistence.database-unavailable", ...where, err: error },
      "PostgreSQL is not answering: edits are held, not acknowledged, and retried until stored",
    );
  }

  function ended() {
    if (outageSince === null) return;
    log.warn(
      { event: "persistence.database-back", outageMs: Date.now() - outageSince },
      "PostgreSQL answers again: held edits are being stored",
    );
    outageSince = null;
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakeUps.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakeUps.add(wake);
    });

  const stillWanted = (connection: Connection) => !stopped && connection.document.hasConnection(connection);

  return {
    async saveUntilStored(save, connection, where) {
      for (let failures = 0; ; failures++) {
        try {
          const result = await save();
          ended();
          if (failures > 0) connection.sendStateless(saveMessage(SAVE_RESUMED));
          return result;
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          began(error, where);
          if (!stillWanted(connection)) throw new GaveUpSaving();
          connection.sendStateless(saveMessage(SAVE_RETRYING));
          // Jitter: the sockets held by one outage do not all come back in the same instant.
          const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
          await pause(delay / 2 + Math.random() * (delay / 2));
          if (!stillWanted(connection)) throw new GaveUpSaving();
        }
      }
    },
    noticed(error, where) {
      if (!isDatabaseUnavailable(error)) return false;
      began(error, where);
      return true;
    },
    stop() {
      stopped = true;
      for (const wake of [...wakeUps]) wake();
    },
  };
}
