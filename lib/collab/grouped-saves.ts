// Saves to one clause that arrive while a commit for it is under way wait for that commit, then
// go together: one multi-row INSERT, one commit. In a crowded room this turns a burst of
// keystrokes (or the backlog after a slow fsync) into one round trip instead of one each, and
// costs the first save of a quiet moment nothing: it is sent at once.
// Each save still resolves only when its own row is committed — an edit is acknowledged only
// once stored — and rows keep their arrival order (their ids grow in it). A failure of the
// database as a whole (isDatabaseUnavailable) fails every save of the group, and each is retried
// on its own terms by save-until-stored.ts; any other failure of a group of several is tried
// again row by row, so one row PostgreSQL refuses fails only its own save.
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

export type PendingRow = { update: Buffer; userId: string | null };
type Waiting = PendingRow & { stored: () => void; failed: (error: unknown) => void };

/** `insert`: stores the rows of one clause in one statement (so in one commit), in their order. */
export function groupedSaves(insert: (clauseId: string, rows: PendingRow[]) => Promise<unknown>) {
  /** Per clause, the saves waiting for the commit under way; a clause is present while one is. */
  const waiting = new Map<string, Waiting[]>();

  async function commit(clauseId: string, group: Waiting[]) {
    try {
      await insert(clauseId, group);
      for (const save of group) save.stored();
    } catch (error) {
      if (group.length === 1 || isDatabaseUnavailable(error)) for (const save of group) save.failed(error);
      else
        for (const save of group)
          await insert(clauseId, [save]).then(
            () => save.stored(),
            (alone) => save.failed(alone),
          );
    }
  }

  async function drain(clauseId: string, first: Waiting[]) {
    for (let group = first; group.length > 0; ) {
      await commit(clauseId, group);
      group = waiting.get(clauseId) ?? [];
      waiting.set(clauseId, []);
    }
    waiting.delete(clauseId);
  }

  return function save(clauseId: string, row: PendingRow): Promise<void> {
    return new Promise((stored, failed) => {
      const entry = { ...row, stored, failed };
      const queue = waiting.get(clauseId);
      if (queue) queue.push(entry);
      else {
        waiting.set(clauseId, []);
        void drain(clauseId, [entry]);
      }
    });
  };
}
