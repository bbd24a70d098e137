// The bookkeeping of a person's edits of one clause that the server has not acknowledged yet:
// each local edit is written to the device's store as it happens and counted once the write is
// durable; when the server acknowledges everything sent, they are forgotten; when it refuses,
// they are dropped (and named to the person), so they are never sent again.
import type { KeptEditStore } from "./kept-edit-store";

type Entry = { update: Uint8Array; kept: boolean; key: Promise<number | null> };

export class KeptEdits {
  private entries: Entry[] = [];
  private readonly listeners = new Set<() => void>();
  private store: KeptEditStore | null = null;

  constructor(
    private readonly opening: Promise<KeptEditStore>,
    private readonly owner: string,
  ) {
    void opening.then((store) => {
      this.store = store;
      this.changed();
    });
  }

  /** Null until the store is open; then whether what is kept survives a reload. */
  get onDevice(): boolean | null {
    return this.store?.onDevice ?? null;
  }

  /** Edits durably kept and not yet acknowledged: what "N changes kept on this device" counts. */
  get count(): number {
    return this.entries.filter((entry) => entry.kept).length;
  }

  /** Edits not yet acknowledged, kept or still being written. */
  get outstanding(): number {
    return this.entries.length;
  }

  /** What an earlier page (or another tab) of this person kept and the server never acknowledged. */
  async restore(): Promise<Uint8Array[]> {
    const rows = await (await this.opening).list(this.owner);
    for (const { key, update } of rows) this.entries.push({ update, kept: true, key: Promise.resolve(key) });
    this.changed();
    return rows.map((row) => row.update);
  }

  /** A local edit, sent (or to be sent) to the server. */
  record(update: Uint8Array): void {
    const entry: Entry = { update, kept: false, key: Promise.resolve(null) };
    entry.key = this.opening
      .then((store) => store.add(this.owner, update))
      .then(
        (key) => {
          entry.kept = true;
          this.changed();
          return key;
        },
        () => null,
      );
    this.entries.push(entry);
  }

  /** The server has stored everything recorded so far. */
  async acknowledged(): Promise<void> {
    await this.take();
  }

  /** The server refused what is outstanding: it is forgotten; returns its updates, to name them. */
  async refused(): Promise<Uint8Array[]> {
    return this.take();
  }

  /** Forgets everything kept for this person and clause (they lost access to it). */
  async forget(): Promise<Uint8Array[]> {
    const updates = this.entries.map((entry) => entry.update);
    this.entries = [];
    this.changed();
    await (await this.opening).clear(this.owner);
    return updates;
  }

  /** Resolves once every edit recorded so far is written to the store (or could not be). */
  async written(): Promise<void> {
    await Promise.all(this.entries.map((entry) => entry.key));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async take(): Promise<Uint8Array[]> {
    const taken = this.entries;
    if (taken.length === 0) return [];
    this.entries = [];
    this.changed();
    // A key still being written is removed once written: IndexedDB runs the two in order.
    const keys = (await Promise.all(taken.map((entry) => entry.key))).filter((key): key is number => key !== null);
    await (await this.opening).remove(keys);
    return taken.map((entry) => entry.update);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
