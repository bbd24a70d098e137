// Per socket, a token bucket on messages and one on bytes: a burst of typing or a long paste
// passes, a client flooding the server is cut off with a close code the browser explains
// (socket-notices.ts) instead of costing every other client in the clause.

/**
 * Generous for people: fast typing with carets is ~30 messages/s, a paste is one message, and a
 * provider that comes back online flushes one queued message per edit made while offline.
 */
export const MESSAGE_BURST = 500;
export const MESSAGES_PER_SECOND = 50;
export const BYTE_BURST = 4 * 1024 * 1024;
export const BYTES_PER_SECOND = 1024 * 1024;

class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  refill(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    return this.tokens;
  }

  take(amount: number): void {
    this.tokens -= amount;
  }
}

/** Whether a socket may send one more message of `bytes` now; false once it sends too fast. */
export type ConnectionLimits = (bytes: number) => boolean;

export function connectionLimits(clock: () => number = Date.now): ConnectionLimits {
  const messages = new TokenBucket(MESSAGE_BURST, MESSAGES_PER_SECOND, clock());
  const bytes = new TokenBucket(BYTE_BURST, BYTES_PER_SECOND, clock());
  return (size) => {
    const now = clock();
    if (messages.refill(now) < 1 || bytes.refill(now) < size) return false;
    messages.take(1);
    bytes.take(size);
    return true;
  };
}
