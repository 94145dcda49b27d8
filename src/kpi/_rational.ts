import { fractionOf, gcd } from '../core/fraction.js';

/**
 * Exact rational arithmetic on BigInt, private to the KPI engine.
 *
 * Every number a host passes in is read as the decimal it prints as (`0.1` is one tenth, not the
 * nearest binary fraction), every formula is evaluated exactly, and the result is rounded once to
 * the nearest double. That is why `(0.10 − 0.08) / 0.08` comes out as exactly `0.25` rather than
 * `0.25000000000000006`, and why summing daily inputs then dividing gives the same number however
 * the days are grouped. Numbers are read as decimals exactly as money ratios are (`fractionOf`).
 */

/** A rational number `num / den` in lowest terms, `den > 0`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const ZERO = 0n;
const ONE = 1n;

function make(num: bigint, den: bigint): Rational {
  if (den === ZERO) throw new RangeError('rational with a zero denominator');
  const sign = den < ZERO ? -ONE : ONE;
  const g = gcd(num, den);
  return g === ZERO ? { num: ZERO, den: ONE } : { num: (sign * num) / g, den: (sign * den) / g };
}

/** The integer `n` as a rational. */
export function ratInt(n: number | bigint): Rational {
  return { num: BigInt(n), den: ONE };
}

/** The exact value of the decimal `String(x)` prints; `x` must be finite. */
export function ratFromNumber(x: number): Rational {
  const { n, d } = fractionOf(x);
  return make(n, d);
}

/** `a + b`. */
export function ratAdd(a: Rational, b: Rational): Rational {
  return make(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** `a − b`. */
export function ratSub(a: Rational, b: Rational): Rational {
  return make(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** `a × b`. */
export function ratMul(a: Rational, b: Rational): Rational {
  return make(a.num * b.num, a.den * b.den);
}

/** `a ÷ b`, or `null` when `b` is zero. */
export function ratDiv(a: Rational, b: Rational): Rational | null {
  return b.num === ZERO ? null : make(a.num * b.den, a.den * b.num);
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function ratCompare(a: Rational, b: Rational): -1 | 0 | 1 {
  const diff = a.num * b.den - b.num * a.den;
  return diff < ZERO ? -1 : diff > ZERO ? 1 : 0;
}

/** `|a|`. */
export function ratAbs(a: Rational): Rational {
  return a.num < ZERO ? { num: -a.num, den: a.den } : a;
}

function bitLength(n: bigint): number {
  return n === ZERO ? 0 : n.toString(2).length;
}

const SAFE = 2n ** 53n;

/**
 * The double nearest to `a` (ties to even), or `null` when it is beyond the double range.
 * Division of two integers below 2^53 is a single IEEE operation and already correctly rounded;
 * larger operands take the long way: 54 quotient bits plus a sticky remainder, rounded by hand.
 */
export function ratToNumber(a: Rational): number | null {
  const negative = a.num < ZERO;
  const n = negative ? -a.num : a.num;
  if (n === ZERO) return 0;
  if (n <= SAFE && a.den <= SAFE) return (negative ? -1 : 1) * (Number(n) / Number(a.den));
  const shift = 55 - (bitLength(n) - bitLength(a.den));
  const numerator = shift >= 0 ? n << BigInt(shift) : n;
  const denominator = shift >= 0 ? a.den : a.den << BigInt(-shift);
  const quotient = numerator / denominator;
  const sticky = numerator % denominator !== ZERO;
  const extra = bitLength(quotient) - 53;
  let mantissa = quotient >> BigInt(extra);
  const dropped = quotient - (mantissa << BigInt(extra));
  const half = ONE << BigInt(extra - 1);
  if (dropped > half || (dropped === half && (sticky || (mantissa & ONE) === ONE))) mantissa += ONE;
  const exponent = extra - shift;
  // Two steps keep each power of two inside the double range for extreme exponents.
  const halfExp = Math.trunc(exponent / 2);
  const value = Number(mantissa) * 2 ** halfExp * 2 ** (exponent - halfExp);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
