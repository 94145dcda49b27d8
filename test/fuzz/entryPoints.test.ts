import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as interop from '../../src/interop/index.js';
import * as main from '../../src/index.js';
import * as reports from '../../src/reports/index.js';
import { isCampaignKitError } from '../../src/core/errors.js';

/**
 * Every function the package exports, called with arbitrary arguments: it may return or throw, but
 * what it throws (or rejects with) is a CampaignKitError, never a raw TypeError or RangeError.
 * Specific areas fuzz their entry points with near-valid input in their own tests; this one makes
 * sure no export is forgotten.
 */

type Fn = (...args: unknown[]) => unknown;

/** Exports that are not plain functions of data. */
const SKIPPED = new Set([
  // A class: calling it without `new` is a TypeError by the language's rules.
  'CampaignKitError',
]);

function functionsOf(module: Record<string, unknown>): [string, Fn][] {
  return Object.entries(module).flatMap(([name, value]) =>
    typeof value === 'function' && !SKIPPED.has(name) && !/^class\b/.test(Function.prototype.toString.call(value)) ? [[name, value as Fn]] : [],
  );
}

const ENTRY_POINTS: [string, [string, Fn][]][] = [
  ['campaignkit', functionsOf(main as Record<string, unknown>)],
  ['campaignkit/interop', functionsOf(interop as Record<string, unknown>)],
  ['campaignkit/reports', functionsOf(reports as Record<string, unknown>)],
];

/** What a call did: `ok`, a CampaignKitError's code, or the raw error it let escape. */
async function outcome(fn: Fn, args: unknown[]): Promise<string> {
  try {
    const value = fn(...args);
    if (value instanceof Promise) await value;
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? error.code : `raw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

const argument = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }) },
  fc.constantFrom(null, undefined, 0, -1, 1.5, Number.NaN, Infinity, '', '__proto__', [], {}, { __proto__: null }, 10n, new Date(Number.NaN)),
);

for (const [entry, functions] of ENTRY_POINTS) {
  describe(`every function of ${entry} lets only CampaignKitError escape`, () => {
    it.each(functions.map(([name, fn]) => [name, fn] as const))('%s', async (_name, fn) => {
      await fc.assert(
        fc.asyncProperty(fc.array(argument, { maxLength: 3 }), async (args) => {
          expect(await outcome(fn, args)).not.toMatch(/^raw /);
        }),
        { numRuns: 60 },
      );
    });
  });
}
