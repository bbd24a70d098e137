// What the collaboration server tells a browser when PostgreSQL does not answer; shared by the
// server, which sends them, and the browser, which shows them. No imports: the browser loads this file.

/** Stateless message: an edit of yours could not be stored yet; the server keeps trying. */
export const SAVE_RETRYING = "save.retrying";
/** Stateless message: the edits that waited are stored (their acknowledgements follow). */
export const SAVE_RESUMED = "save.resumed";

/**
 * The refusal reason when the clause cannot be opened because the database (or another part the
 * server needs) does not answer: the browser keeps its edits and tries again, rather than
 * treating it as a refusal for good.
 */
export const CLAUSE_UNAVAILABLE = "The clause cannot be opened right now: the server's database is not answering.";

export type SaveMessage = typeof SAVE_RETRYING | typeof SAVE_RESUMED;

export function saveMessage(type: SaveMessage): string {
  return JSON.stringify({ type });
}

export function parseSaveMessage(payload: string): SaveMessage | null {
  try {
    const type = (JSON.parse(payload) as { type?: unknown }).type;
    return type === SAVE_RETRYING || type === SAVE_RESUMED ? type : null;
  } catch {
    return null;
  }
}
