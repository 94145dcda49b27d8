/**
 * Time and identity are injected, never read from globals deep inside the library, so tests and
 * replays are deterministic.
 */

import { invalidField } from './validate.js';

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
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : Number.NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    throw invalidField('fixed clock', [], `expected an ISO 8601 instant or milliseconds since the epoch, got ${typeof instant === 'string' ? JSON.stringify(instant) : typeof instant}`);
  }
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
