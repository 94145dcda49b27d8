import { divideRounded, fractionOf, type Fraction } from '../../core/fraction.js';
import { divideMinor } from '../../core/money.js';

/**
 * Exact arithmetic for report figures. Every number is read as the decimal it prints as (the
 * library's convention, see `fractionOf`), every rate and quotient is computed exactly on BigInt,
 * and each figure is rounded once, half to even, to the precision it is shown with: a renderer
 * then formats that decimal as it is, so nothing is rounded twice.
 */

export type { Fraction } from '../../core/fraction.js';

/** Decimals of a fraction shown as a percent with two decimals (`0.3333` is `33.33%`). */
export const PERCENT_DECIMALS = 4;

/** Decimals of a plain number or ratio (ROAS `3.25`). */
export const NUMBER_DECIMALS = 2;

/** The exact value of a number (or of an integer of minor units). */
export function exact(x: number): Fraction {
  return fractionOf(x);
}

/** `a − b`. */
export function minus(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

/** `a + b`. */
export function plus(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** `a / b`, or `null` when `b` is zero (never `Infinity` or `NaN`). */
export function over(a: Fraction, b: Fraction): Fraction | null {
  if (b.n === 0n) return null;
  const negative = b.n < 0n;
  return { n: (negative ? -a.n : a.n) * b.d, d: a.d * (negative ? -b.n : b.n) };
}

/**
 * `f` rounded half to even to `decimals` places, as the double nearest that decimal; `null` when
 * it is beyond the range of a number (a figure too large to show is not applicable, not Infinity).
 */
export function rounded(f: Fraction, decimals: number): number | null {
  const scale = 10n ** BigInt(decimals);
  // Reading the decimal text back gives the double nearest it, however many digits it has.
  const value = Number(`${divideRounded(f.n * scale, f.d)}e-${decimals}`);
  return Number.isFinite(value) ? value : null;
}

/** `numerator / denominator` rounded to `decimals` places; `null` for a zero denominator. */
export function quotient(numerator: number, denominator: number, decimals: number): number | null {
  const q = over(exact(numerator), exact(denominator));
  return q === null ? null : rounded(q, decimals);
}

/**
 * `(actual − reference) / |reference|` rounded for a percent with two decimals: the variance rate
 * of `compareToTarget` (for a positive reference, `(actual − reference) / reference`), so a target
 * of 3 and an actual of 2 give `-0.3333`. `null` when the reference is 0 or there is no actual.
 */
export function varianceRate(actual: Fraction | number | null, reference: number): number | null {
  if (actual === null) return null;
  const a = typeof actual === 'number' ? exact(actual) : actual;
  const r = exact(reference);
  const q = over(minus(a, r), { n: r.n < 0n ? -r.n : r.n, d: r.d });
  return q === null ? null : rounded(q, PERCENT_DECIMALS);
}

/** `a − b`, exact on the decimals given (`0.1 − 0.08` is `0.02`), as the nearest double; `null` beyond the number range. */
export function difference(a: number, b: number): number | null {
  return decimalNumber(minus(exact(a), exact(b)));
}

/** The sum of `values`, exact on the decimals given, as the nearest double; `null` beyond the number range. */
export function sum(values: readonly number[]): number | null {
  return decimalNumber(values.reduce<Fraction>((total, x) => plus(total, exact(x)), { n: 0n, d: 1n }));
}

/** A fraction whose denominator is a power of ten, read back as a decimal. */
function decimalNumber({ n, d }: Fraction): number | null {
  const value = Number(`${n}e-${d.toString().length - 1}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number of minor units that may have a fraction (a cost per lead), rounded half to even to
 * whole ones; `null` when that is not a safe integer, so no unit is lost in showing it.
 */
export function wholeMinor(value: number): number | null {
  const { n, d } = exact(value);
  const whole = Number(divideRounded(n, d));
  return Number.isSafeInteger(whole) ? whole : null;
}

/**
 * Money per unit of a count (spend per lead), in whole minor units rounded half to even with the
 * money helpers; `null` when the count is zero.
 */
export function moneyPer(amount: number, count: number): number | null {
  const c = exact(count);
  if (c.n === 0n) return null;
  return divideMinor(BigInt(amount) * c.d, c.n);
}

/** A double close to `f` (not rounded exactly), for comparisons that take numbers (`compareToTarget`); `NaN` when out of range. */
export function approximate(f: Fraction): number {
  return Number(f.n) / Number(f.d);
}
