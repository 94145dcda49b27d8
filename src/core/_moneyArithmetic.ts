import * as z from 'zod';
import type { Money } from '../model/primitives.js';
import { CurrencySchema } from './_currencies.js';
import { MoneyValueSchema, readMoney, toSafe } from './_moneyValue.js';
import { CampaignKitError } from './errors.js';
import { divideRounded, fractionOf, RoundingSchema, type Fraction, type Rounding } from './fraction.js';
import { invalidField, parseInput } from './validate.js';

function sameCurrency(operation: string, a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new CampaignKitError(
      'CURRENCY_MISMATCH',
      `Cannot ${operation} ${a.currency} and ${b.currency}: convert one with convertMoney and an exchange-rate table first`,
      { details: { currencies: [a.currency, b.currency] } },
    );
  }
}

/**
 * `a + b`; throws `CURRENCY_MISMATCH` naming both currencies when they differ.
 *
 * @example
 * ```ts
 * addMoney(money(100, 'CNY'), money(250, 'CNY')); // { amount: 350, currency: 'CNY' }
 * addMoney(money(100, 'CNY'), money(1, 'USD'));   // throws CURRENCY_MISMATCH "Cannot add CNY and USD: …"
 * ```
 */
export function addMoney(a: Money, b: Money): Money {
  return sumOf('add', readMoney(a, 'a'), readMoney(b, 'b'), 1n);
}

/** `a + sign × b` of money already read. */
function sumOf(operation: string, a: Money, b: Money, sign: 1n | -1n): Money {
  sameCurrency(operation, a, b);
  return { amount: toSafe(BigInt(a.amount) + sign * BigInt(b.amount), operation === 'add' ? 'sum' : 'difference'), currency: a.currency };
}

/**
 * `a − b`; throws `CURRENCY_MISMATCH` naming both currencies when they differ.
 *
 * @example
 * ```ts
 * subtractMoney(money(100, 'CNY'), money(250, 'CNY')); // { amount: -150, currency: 'CNY' }
 * ```
 */
export function subtractMoney(a: Money, b: Money): Money {
  return sumOf('subtract', readMoney(a, 'a'), readMoney(b, 'b'), -1n);
}

/**
 * The sum of `items`, all in `currency` (which also names the currency of an empty sum).
 *
 * @example
 * ```ts
 * sumMoney([money(1, 'CNY'), money(2, 'CNY')], 'CNY'); // { amount: 3, currency: 'CNY' }
 * sumMoney([], 'JPY');                                 // { amount: 0, currency: 'JPY' }
 * ```
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  const code = parseInput(CurrencySchema, currency, 'currency');
  const list = parseInput(z.array(MoneyValueSchema), items, 'items');
  let total = 0n;
  for (const item of list) {
    sameCurrency('add', { amount: 0, currency: code }, item);
    total += BigInt(item.amount);
  }
  return { amount: toSafe(total, 'sum'), currency: code };
}

/**
 * A ratio to multiply money by: a number, taken as the decimal it prints as (`0.1` is exactly one
 * tenth), or an exact fraction of two such numbers (`{ numerator: 1, denominator: 3 }`).
 */
export type Ratio = number | { readonly numerator: number; readonly denominator: number };

const RatioSchema = z.union([
  z.number().finite(),
  z.object({ numerator: z.number().finite(), denominator: z.number().finite().refine((d) => d !== 0, 'must not be zero') }),
]);

function fractionOfRatio(ratio: Ratio): Fraction {
  const parsed = parseInput(RatioSchema, ratio, 'ratio');
  const [top, bottom] = typeof parsed === 'number' ? [parsed, 1] : [parsed.numerator, parsed.denominator];
  const a = fractionOf(top);
  const b = fractionOf(bottom);
  return { n: a.n * b.d, d: a.d * b.n };
}

/**
 * `amount × ratio` on integer minor units, exact, then rounded once (half to even by default).
 *
 * @example
 * ```ts
 * multiplyMinor(250, 0.5);          // 125
 * multiplyMinor(5, 0.5);            // 2   (2.5 → the even neighbour)
 * multiplyMinor(7, 0.5);            // 4   (3.5 → the even neighbour)
 * multiplyMinor(105, 0.1, 'floor'); // 10
 * multiplyMinor(100, { numerator: 1, denominator: 3 }); // 33
 * ```
 */
export function multiplyMinor(amount: number, ratio: Ratio, rounding: Rounding = 'half-even'): number {
  const base = parseInput(MoneyValueSchema.shape.amount, amount, 'amount');
  const { n, d } = fractionOfRatio(ratio);
  return toSafe(divideRounded(BigInt(base) * n, d, parseInput(RoundingSchema, rounding, 'rounding')), 'product');
}

/**
 * `n / d` rounded to whole minor units (half to even by default); the building block for amounts
 * derived from ratios of amounts, such as `EAC = BAC × AC / EV`. `d` must not be zero.
 *
 * @example
 * ```ts
 * divideMinor(500_000n * 290_000n, 200_000n); // 725000
 * divideMinor(5n, 2n);                        // 2
 * ```
 */
export function divideMinor(n: bigint, d: bigint, rounding: Rounding = 'half-even'): number {
  if (typeof n !== 'bigint') throw invalidField('division', ['n'], 'expected a bigint numerator');
  if (typeof d !== 'bigint') throw invalidField('division', ['d'], 'expected a bigint denominator');
  if (d === 0n) throw invalidField('division', ['d'], 'must not be zero');
  return toSafe(divideRounded(n, d, parseInput(RoundingSchema, rounding, 'rounding')), 'quotient');
}

/**
 * Money times a ratio, rounded to the currency's minor unit (half to even by default).
 *
 * @example
 * ```ts
 * multiplyMoney(money(100_000_00, 'CNY'), 1.05); // { amount: 10500000, currency: 'CNY' }
 * ```
 */
export function multiplyMoney(value: Money, ratio: Ratio, rounding: Rounding = 'half-even'): Money {
  const { amount, currency } = readMoney(value);
  return { amount: multiplyMinor(amount, ratio, rounding), currency };
}
