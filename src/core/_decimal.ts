/**
 * Exact rational arithmetic on BigInt, so money derived from ratios is rounded once, at the end,
 * by a stated rule — never by accident of binary floating point.
 */

/** How a quotient that is not whole becomes an integer. */
export type Rounding = 'half-even' | 'floor' | 'ceil';

/** A fraction `n / d` with `d > 0`. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact value of the decimal a number prints as (`String(x)`, the shortest text that reads back
 * as the same number). `0.1` is taken as 1/10, not as the binary double nearest to it, because that
 * is what the person who typed `0.1` meant.
 */
export function fractionOf(x: number): Fraction {
  const match = DECIMAL.exec(String(x));
  if (!Number.isFinite(x) || !match) throw new RangeError(`not a finite number: ${String(x)}`);
  const [, sign = '', whole = '0', frac = '', exp = '0'] = match;
  const digits = BigInt(`${sign}${whole}${frac}`);
  const scale = frac.length - Number(exp);
  return scale >= 0 ? { n: digits, d: 10n ** BigInt(scale) } : { n: digits * 10n ** BigInt(-scale), d: 1n };
}

/** `n / d` rounded to an integer by `rounding`; `d` must not be zero. */
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
