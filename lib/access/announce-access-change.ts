// Says that who may see or write something changed, so open collaboration sockets are checked
// again at once (lib/access/live-access-extension.ts): downgraded to read-only, or closed.
// Call it after the change is committed. The collaboration server of this process registers the
// listener; with REDIS_URL set it relays the change to every instance.

/** Which open connections to check again; every field given narrows it. */
export type AccessChange = {
  userId?: string;
  organizationId?: string;
  clauseId?: string;
  instrumentId?: string;
};

const holder = globalThis as typeof globalThis & {
  clauseworkAccessChanged?: (change: AccessChange) => void;
  /** The live streams (lib/live/live-hub.ts) follow access too: they relay it themselves. */
  clauseworkAccessWatcher?: (change: AccessChange) => void;
};

export function announceAccessChange(change: AccessChange): void {
  holder.clauseworkAccessChanged?.(change);
  holder.clauseworkAccessWatcher?.(change);
}

export function watchAccessChanges(watcher: ((change: AccessChange) => void) | undefined): void {
  holder.clauseworkAccessWatcher = watcher;
}

export function listenForAccessChanges(listener: ((change: AccessChange) => void) | undefined): void {
  holder.clauseworkAccessChanged = listener;
}
