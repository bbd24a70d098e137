// Where a person's unacknowledged edits of a clause are kept on this device: IndexedDB, one
// record per edit, filed under "<user id>:<clause id>" so one person's edits are never read
// for another. Where IndexedDB cannot be opened (some private windows), a store in memory
// keeps them for the life of the tab only, and says so.

export type KeptEdit = { key: number; update: Uint8Array };

export type KeptEditStore = {
  /** True when what is kept survives a reload or a closed browser. */
  readonly onDevice: boolean;
  add(owner: string, update: Uint8Array): Promise<number>;
  list(owner: string): Promise<KeptEdit[]>;
  remove(keys: readonly number[]): Promise<void>;
  /** Forgets everything kept for `owner`, or on this device when `owner` is omitted. */
  clear(owner?: string): Promise<void>;
};

const DATABASE = "clausework-kept-edits";
const EDITS = "edits";
const BY_OWNER = "by-owner";

export function keptEditOwner(userId: string, clauseId: string): string {
  return `${userId}:${clauseId}`;
}

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(DATABASE, 1);
  request.onupgradeneeded = () => {
    const edits = request.result.createObjectStore(EDITS, { keyPath: "key", autoIncrement: true });
    edits.createIndex(BY_OWNER, "owner");
  };
  return requested(request);
}

class IndexedDbStore implements KeptEditStore {
  readonly onDevice = true;
  constructor(private readonly db: IDBDatabase) {}

  /** Edits waiting for the next write, and whether one is under way. */
  private batch: { owner: string; update: Uint8Array; done: (key: number | null, error?: unknown) => void }[] = [];
  private writing = false;

  /** Counted as kept only once durable. Keystrokes arriving during a write go in the next one, together. */
  add(owner: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.batch.push({ owner, update, done: (key, error) => (key === null ? reject(error) : resolve(key)) });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.batch.length > 0) {
      const batch = this.batch;
      this.batch = [];
      try {
        const transaction = this.db.transaction(EDITS, "readwrite");
        const edits = transaction.objectStore(EDITS);
        const keys = batch.map(({ owner, update }) => requested(edits.add({ owner, update })));
        await committed(transaction);
        const written = await Promise.all(keys);
        for (const [i, entry] of batch.entries()) entry.done(written[i] as number);
      } catch (error) {
        for (const entry of batch) entry.done(null, error);
      }
    }
    this.writing = false;
  }

  async list(owner: string): Promise<KeptEdit[]> {
    const transaction = this.db.transaction(EDITS, "readonly");
    const rows = await requested(transaction.objectStore(EDITS).index(BY_OWNER).getAll(owner));
    return (rows as { key: number; update: Uint8Array }[])
      .map(({ key, update }) => ({ key, update: new Uint8Array(update) }))
      .sort((a, b) => a.key - b.key);
  }

  async remove(keys: readonly number[]): Promise<void> {
    if (keys.length === 0) return;
    const transaction = this.db.transaction(EDITS, "readwrite");
    const edits = transaction.objectStore(EDITS);
    for (const key of keys) edits.delete(key);
    await committed(transaction);
  }

  async clear(owner?: string): Promise<void> {
    const transaction = this.db.transaction(EDITS, "readwrite");
    const edits = transaction.objectStore(EDITS);
    if (owner === undefined) edits.clear();
    else for (const key of await requested(edits.index(BY_OWNER).getAllKeys(owner))) edits.delete(key);
    await committed(transaction);
  }
}

/** Keeps edits for the life of the tab: where the device has no IndexedDB to offer. */
export class TabStore implements KeptEditStore {
  readonly onDevice = false;
  private next = 1;
  private readonly rows = new Map<number, { owner: string; update: Uint8Array }>();

  async add(owner: string, update: Uint8Array): Promise<number> {
    const key = this.next++;
    this.rows.set(key, { owner, update });
    return key;
  }

  async list(owner: string): Promise<KeptEdit[]> {
    return [...this.rows].filter(([, row]) => row.owner === owner).map(([key, { update }]) => ({ key, update }));
  }

  async remove(keys: readonly number[]): Promise<void> {
    for (const key of keys) this.rows.delete(key);
  }

  async clear(owner?: string): Promise<void> {
    for (const [key, row] of this.rows) if (owner === undefined || row.owner === owner) this.rows.delete(key);
  }
}

let opened: Promise<KeptEditStore> | null = null;

/** The device's store, opened once per page. */
export function keptEditStore(): Promise<KeptEditStore> {
  opened ??= (typeof indexedDB === "undefined" ? Promise.reject(new Error("no IndexedDB")) : openDatabase()).then(
    (db) => new IndexedDbStore(db) as KeptEditStore,
    () => new TabStore(),
  );
  return opened;
}

/** Forgets every edit kept on this device (signing out). Never fails the caller. */
export async function forgetKeptEdits(): Promise<void> {
  try {
    await (await keptEditStore()).clear();
  } catch {
    // Nothing could be kept where nothing can be opened.
  }
}
