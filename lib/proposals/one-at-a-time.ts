// Runs tasks for the same key one after another, in the order they were asked for, within one
// owner (a collaboration server instance: decisions on one clause). Across instances the
// PostgreSQL advisory lock does the same.
const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

export function oneAtATime<T>(owner: object, key: string, task: () => Promise<T>): Promise<T> {
  const tails = queues.get(owner) ?? new Map<string, Promise<unknown>>();
  queues.set(owner, tails);
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(task, task);
  // The next task waits for this one to settle, whether it succeeded or not.
  const tail = result.then(
    () => {},
    () => {},
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
