/**
 * Time and identity are injected, never read from globals deep inside the library, so tests and
 * replays are deterministic.
 */

/** A source of the current time. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The default clock: wraps `Date.now`. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that always reads the same instant; handy in tests.
 *
 * @example
 * ```ts
 * fixedClock('2026-03-02T09:00:00Z').now(); // 1772442000000
 * ```
 */
export function fixedClock(instant: string | number): Clock {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new TypeError(`fixedClock: not a date: ${String(instant)}`);
  return { now: () => ms };
}

/** A source of new unique ids. */
export interface IdGenerator {
  /** Returns a new id; `prefix` is a hint (e.g. `'task'`) that generators may use or ignore. */
  next(prefix?: string): string;
}

/** The default id generator: `crypto.randomUUID()` (Node 20+, every current browser). */
export const randomIds: IdGenerator = { next: () => globalThis.crypto.randomUUID() };

/**
 * Deterministic ids `prefix-1`, `prefix-2`, … (one counter per prefix); handy in tests and demos.
 *
 * @example
 * ```ts
 * const ids = sequentialIds();
 * ids.next('task'); // 'task-1'
 * ids.next('task'); // 'task-2'
 * ```
 */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(prefix = 'id') {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${n}`;
    },
  };
}
