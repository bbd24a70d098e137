// What the save status says while offline about the edits the server does not have yet.

/** How many of this person's edits are kept; `onDevice` false: in this tab only (no IndexedDB). */
export type KeptCount = { count: number; onDevice: boolean | null };

export function offlineLabel({ count, onDevice }: KeptCount): string {
  if (count === 0) return "Offline";
  const changes = count === 1 ? "1 change" : `${count} changes`;
  return onDevice === false ? `Offline — ${changes} kept in this tab only` : `Offline — ${changes} kept on this device`;
}
