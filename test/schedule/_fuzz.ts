import fc from 'fast-check';
import { expect } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';

/**
 * Fuzzing helpers for the public entry points: arbitrary values, values near the edges of what
 * the library accepts, and valid inputs with a few parts replaced by those.
 */

/** Any JavaScript value, including null-prototype objects, boxed values, dates, maps and sparse arrays. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Values at the edges: numbers that break arithmetic, dates at and past the supported years, near-miss durations. */
export const edgeValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  ' ',
  0,
  -0,
  -1,
  0.1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  true,
  [],
  {},
  '1900-01-01T00:00',
  '1899-12-31T23:59',
  '9999-12-31T23:59',
  '9999-12-31T24:00',
  '10000-01-01T00:00',
  '0050-06-01T08:00',
  '0099-12-31',
  '2026-02-30',
  '2026-03-02T24:00',
  '2026-03-02T08:00:60',
  '2026-03-02T08:00:00.1234',
  '1d',
  '0d',
  '-1d',
  '0.5m',
  '50%',
  '-50%',
  '1e3d',
  '99999999999999999999d',
  '4000000w',
  { value: 1e308, unit: 'w' },
  { value: 0.1, unit: 'm' },
  { value: -1, unit: 'ed' },
  'FS',
  'SF',
  'XX',
  'ASAP',
  'MSO',
  '__proto__',
  'constructor',
  'standard',
);

/** Either of the above. */
export const strangeValue: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: edgeValue, weight: 3 }, { arbitrary: anyValue, weight: 1 });

type Path = (string | number)[];

/** Every path into a JSON-like value, the root included. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

/** A deep copy of a JSON-like value with the value at `path` replaced, or removed when `remove`. */
function replaced(value: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (remove && rest.length === 0) copy.splice(Number(key), 1);
    else copy[Number(key)] = replaced(copy[Number(key)], rest, replacement, remove);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (remove && rest.length === 0) delete copy[String(key)];
  else copy[String(key)] = replaced(copy[String(key)], rest, replacement, remove);
  return copy;
}

/** One of `valid` (JSON-like) with one to three parts replaced by strange values or removed. */
export function nearValid<T>(valid: T): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const change = fc.record({ at: fc.nat(), by: strangeValue, remove: fc.boolean() });
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) =>
    changes.reduce<unknown>((value, { at, by, remove }) => {
      const candidates = pathsOf(value);
      const path = candidates[at % candidates.length] ?? paths[0] ?? [];
      return replaced(value, path, by, remove && path.length > 0);
    }, valid),
  );
}

/** Runs `run`; anything it throws must be a CampaignKitError. Returns what it returned, or undefined when it threw. */
export function onlyCampaignKitErrors<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    if (!isCampaignKitError(e)) expect.fail(`threw something other than a CampaignKitError: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return undefined;
  }
}

/** Modest run counts keep the suite fast; set FUZZ_RUNS to search harder. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);
