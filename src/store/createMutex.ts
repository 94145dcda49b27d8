/**
 * A first-come, first-served lock for async code: `run(fn)` waits until every earlier `run` has
 * settled, then runs `fn`. The memory and SQLite adapters use it to keep one transaction at a time.
 */
export interface Mutex {
  /** Runs `fn` alone and returns its result; a rejection of `fn` does not block later callers. */
  run<R>(fn: () => Promise<R>): Promise<R>;
}

/** Creates an unlocked {@link Mutex}. */
export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<R>(fn: () => Promise<R>): Promise<R> {
      const result = tail.then(fn);
      // The next caller waits for this one to settle, whatever the outcome.
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
