import type { Clock } from '../core/clock.js';
import { isCampaignKitError } from '../core/errors.js';
import type { StorageAdapter } from '../store/storageAdapter.js';
import type { ConformanceTestApi, StorageConformanceOptions } from './runStorageConformance.js';

/**
 * What every group of conformance tests receives: the runner's functions and a `test` that gives
 * each test a fresh adapter on a clock it controls.
 */

/** A clock the tests move by hand, so lease expiry needs no waiting. */
export interface ManualClock extends Clock {
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** The current time as an ISO instant. */
  iso(): string;
}

/** The start of every test's clock. */
export const START = '2026-03-02T09:00:00.000Z';

function manualClock(start: string): ManualClock {
  let now = Date.parse(start);
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    iso: () => new Date(now).toISOString(),
  };
}

/** A test body: a fresh adapter and its clock. */
export type TestBody = (storage: StorageAdapter, clock: ManualClock) => Promise<void>;

/** The context a group of tests registers with. */
export interface Harness {
  readonly api: ConformanceTestApi;
  readonly options: StorageConformanceOptions;
  /** Registers a test that runs `body` against a fresh adapter, then destroys it. */
  test(name: string, body: TestBody): void;
}

/** Builds the {@link Harness} for one adapter. */
export function createHarness(api: ConformanceTestApi, options: StorageConformanceOptions): Harness {
  return {
    api,
    options,
    test(name, body) {
      api.it(
        name,
        async () => {
          const clock = manualClock(START);
          const storage = await options.create({ clock });
          try {
            await body(storage, clock);
          } finally {
            await options.destroy?.(storage);
          }
        },
        options.timeout,
      );
    },
  };
}

/** The error `promise` rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The campaignkit error code of `error`, or the error itself when it is something else. */
export function codeOf(error: unknown): unknown {
  return isCampaignKitError(error) ? error.code : error;
}

/** The details of a campaignkit error (empty for anything else). */
export function detailsOf(error: unknown): unknown {
  return isCampaignKitError(error) ? error.details : {};
}

/** Reads every page of a paged query. */
export async function readAll<T>(
  read: (cursor: string | undefined) => Promise<{ readonly items: readonly T[]; readonly nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await read(cursor);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
}
