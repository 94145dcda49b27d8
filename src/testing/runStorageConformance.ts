import type { Clock } from '../core/clock.js';
import type { StorageAdapter } from '../store/storageAdapter.js';
import { registerAuditTests } from './_auditTests.js';
import { registerConcurrencyTests } from './_concurrencyTests.js';
import { createHarness } from './_harness.js';
import { registerOutboxTests } from './_outboxTests.js';
import { registerRecordTests } from './_recordTests.js';
import { registerTransactionTests } from './_transactionTests.js';

/** The two matchers the suite uses; vitest's and Jest's `expect` provide them. */
export interface ConformanceMatchers {
  /** Deep equality. */
  toEqual(expected: unknown): void;
  /** `Object.is` equality. */
  toBe(expected: unknown): void;
}

/**
 * The test functions of your runner, passed in so the suite does not import one. vitest's
 * `describe`, `it` and `expect` fit as they are (so do Jest's and, with a small `expect`, Mocha's).
 */
export interface ConformanceTestApi {
  /** Groups tests. */
  describe(name: string, fn: () => void): void;
  /** Registers one test; `timeout` is in ms. */
  it(name: string, fn: () => Promise<void>, timeout?: number): void;
  /** Starts an assertion. */
  expect(actual: unknown): ConformanceMatchers;
}

/** What the suite needs to know about the adapter under test. */
export interface StorageConformanceOptions {
  /** Shown in the suite's title, e.g. `'postgres'`. */
  readonly name: string;
  /**
   * Returns an empty adapter that takes its time from `clock` (the suite moves it by hand to test
   * lease expiry). Called once per test; each test expects no documents, audit entries or events.
   */
  create(context: { readonly clock: Clock }): StorageAdapter | Promise<StorageAdapter>;
  /** Called after each test with the adapter it used, e.g. to release connections. */
  destroy?(storage: StorageAdapter): void | Promise<void>;
  /** Per-test timeout in ms, passed to `it`; default: the runner's. */
  readonly timeout?: number;
  /** Size of the concurrent-writers test; default 4 workers × 25 commands. */
  readonly concurrency?: { readonly workers?: number; readonly commandsPerWorker?: number };
}

/**
 * Registers the storage conformance suite: documents (CRUD, `getMany` order, paging, version
 * conflicts), transactions (commit, rollback of writes, audit and outbox together, nesting),
 * the audit trail, the outbox (claims, leases, acknowledgements, two relays at once) and
 * concurrent writers. Every adapter shipped with campaignkit passes it; run it against yours.
 *
 * @example
 * ```ts
 * import { describe, expect, it } from 'vitest';
 * import { runStorageConformance } from 'campaignkit/testing';
 * import { createMemoryStorage } from 'campaignkit';
 *
 * runStorageConformance({ describe, it, expect }, { name: 'memory', create: ({ clock }) => createMemoryStorage({ clock }) });
 * // registers "storage conformance: memory" with its groups of tests
 * ```
 */
export function runStorageConformance(api: ConformanceTestApi, options: StorageConformanceOptions): void {
  const harness = createHarness(api, options);
  api.describe(`storage conformance: ${options.name}`, () => {
    api.describe('documents', () => registerRecordTests(harness));
    api.describe('transactions', () => registerTransactionTests(harness));
    api.describe('audit trail', () => registerAuditTests(harness));
    api.describe('outbox', () => registerOutboxTests(harness));
    api.describe('concurrent writers', () => registerConcurrencyTests(harness));
  });
}
