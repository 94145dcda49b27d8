import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';

/**
 * Near-valid inputs: a valid call's arguments with one change somewhere in them (a field, at any
 * depth, replaced by a strange value, removed, or joined by a stray key), for boundary tests that
 * require only CampaignKitError to escape.
 */

type Fn = (...args: never[]) => unknown;

/** One valid call of a function and what it returns. */
export interface BoundaryCase {
  readonly name: string;
  readonly run: Fn;
  readonly args: readonly unknown[];
  readonly expected: unknown;
}

type Path = readonly (string | number)[];
type Change = { readonly kind: 'replace'; readonly value: unknown } | { readonly kind: 'remove' } | { readonly kind: 'add'; readonly key: string; readonly value: unknown };

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A deep copy of plain data (the fixtures are often frozen by immer). */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (isPlain(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOf(v)])) as T;
  return value;
}

/** Every path into plain data, the value itself (`[]`) first. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const children = Array.isArray(value) ? value.map((v, i) => pathsOf(v, [...prefix, i])) : isPlain(value) ? Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k])) : [];
  return [prefix, ...children.flat()];
}

/** A copy of `args` with `change` made at `path` (whose first key is the argument's index). */
function changed(args: readonly unknown[], path: Path, change: Change): unknown[] {
  const copy = copyOf([...args]);
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown> & unknown[];
  const key = path[path.length - 1] as string | number;
  if (change.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (change.kind === 'add' && isPlain(parent[key])) {
    Object.defineProperty(parent[key], change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
  } else {
    parent[key] = change.value;
  }
  return copy;
}

const strange = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    0,
    -0,
    -1,
    1.5,
    2 ** 53 + 2,
    Number.NaN,
    Infinity,
    -Infinity,
    true,
    '',
    ' ',
    '__proto__',
    'constructor',
    'x'.repeat(5000),
    '2026-02-30T25:61',
    [],
    [null],
    [{}],
    {},
    Object.create(null),
    10n,
    new Date(Number.NaN),
    new Date(0),
    new Set(['m-li']),
    new Map([['a', 1]]),
    Symbol('strange'),
    () => 'strange',
  ),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
);

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 5, arbitrary: strange.map((value): Change => ({ kind: 'replace', value })) },
  { weight: 1, arbitrary: fc.constant<Change>({ kind: 'remove' }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'toString', 'extra'), strange).map(([key, value]): Change => ({ kind: 'add', key, value })) },
);

/** The valid arguments with one change somewhere in them. */
export function nearValid(args: readonly unknown[]): fc.Arbitrary<unknown[]> {
  const paths = pathsOf(args).slice(1);
  return fc.tuple(fc.constantFrom(...paths), change).map(([path, c]) => changed(args, path, c));
}

/** What a call did: `ok`, a CampaignKitError's code, or the raw error it let escape. */
export function outcome(run: Fn, args: readonly unknown[]): string {
  try {
    (run as (...a: unknown[]) => unknown)(...args);
    return 'ok';
  } catch (error) {
    if (!isCampaignKitError(error)) return `raw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    if (error.code === 'VALIDATION' && !(error.details.issues?.length && error.details.issues.every((i) => Array.isArray(i.path)))) return `VALIDATION without issues: ${error.message}`;
    return error.code;
  }
}

/**
 * The two checks of a boundary case: the valid call gives its known result, and near-valid calls
 * let only CampaignKitError escape (a VALIDATION error listing its issues with their paths) and
 * leave the valid input as it was.
 */
export function checkBoundary({ run, args, expected }: BoundaryCase, numRuns = 300): void {
  const call = (a: readonly unknown[]) => (run as (...x: unknown[]) => unknown)(...a);
  it('gives its known result for the valid input', () => {
    expect(call(args)).toEqual(expected);
  });

  it('lets only CampaignKitError escape when one field is replaced, removed or joined by a stray key', () => {
    fc.assert(
      fc.property(nearValid(args), (near) => {
        expect(outcome(run, near)).toMatch(/^(ok|[A-Z_]+)$/);
      }),
      { numRuns },
    );
    expect(call(args)).toEqual(expected);
  });
}
