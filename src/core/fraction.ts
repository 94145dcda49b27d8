/**
 * Exact rational arithmetic on BigInt, so money derived from ratios is rounded once, at the end,
 * by a stated rule — never by accident of binary floating point. The KPI engine builds its
 * rational numbers on the same reading of decimals.
 */

import * as z from 'zod';

/** The roundings, for checking a `rounding` argument at the boundary. */
export const RoundingSchema = z.enum(['half-even', 'floor', 'ceil']);
/** How a quotient that is not whole becomes an integer: half to even, down (floor) or up (ceil). */
export type Rounding = z.output<typeof RoundingSchema>;

/** A fraction `n / d` with `d > 0`. */
export interface Fraction {
  /** Numerator. */
  readonly n: bigint;
  /** Denominator, positive. */
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact value of the decimal a number prints as (`String(x)`, the shortest text that reads back
 * as the same number). `0.1` is taken as 1/10, not as the binary double nearest to it, because that
 * is what the person who typed `0.1` meant. The fraction is not reduced: `d` is a power of ten.
 *
 * @example
 * ```ts
 * fractionOf(0.1);   // { n: 1n, d: 10n }
 * fractionOf(-2.5);  // { n: -25n, d: 10n }
 * fractionOf(1e21);  // { n: 1000000000000000000000n, d: 1n }
 * ```
 */
export function fractionOf(x: number): Fraction {
  const match = DECIMAL.exec(String(x));
  if (!Number.isFinite(x) || !match) throw new RangeError(`not a finite number: ${String(x)}`);
  const [, sign = '', whole = '0', frac = '', exp = '0'] = match;
  const digits = BigInt(`${sign}${whole}${frac}`);
  const scale = frac.length - Number(exp);
  return scale >= 0 ? { n: digits, d: 10n ** BigInt(scale) } : { n: digits * 10n ** BigInt(-scale), d: 1n };
}

/**
 * The greatest common divisor of `|a|` and `|b|` (0 when both are 0).
 *
 * @example
 * ```ts
 * gcd(12n, -18n); // 6n
 * ```
 */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * `n / d` rounded to an integer by `rounding`; `d` must not be zero.
 *
 * @example
 * ```ts
 * divideRounded(5n, 2n);           // 2n  (2.5 → the even neighbour)
 * divideRounded(-7n, 2n, 'floor'); // -4n
 * ```
 */
export function divideRounded(n: bigint, d: bigint, rounding: Rounding = 'half-even'): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const num = d < 0n ? -n : n;
  const den = d < 0n ? -d : d;
  // BigInt division truncates toward zero; work on the magnitude and put the sign back.
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  let q = magnitude / den;
  const r = magnitude % den;
  if (r !== 0n) {
    if (rounding === 'half-even') {
      const twice = 2n * r;
      if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
    } else if ((rounding === 'ceil') !== negative) {
      q += 1n;
    }
  }
  return negative ? -q : q;
}
