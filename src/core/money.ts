import * as z from 'zod';
import { IsoDateSchema, type Money } from '../model/primitives.js';
import { CurrencySchema, currencyExponent } from './_currencies.js';
import { divideRounded, fractionOf, type Rounding } from './_decimal.js';
import { CampaignKitError } from './errors.js';
import { invalidField, parseInput } from './validate.js';

/**
 * Money is an integer number of minor units (fen, cents; yen have none) with an ISO 4217 code.
 * Amounts are never floats; every amount derived from a ratio is computed exactly with BigInt and
 * rounded once, half to even ("banker's rounding"), unless a caller asks for floor or ceiling.
 */

export type { Money } from '../model/primitives.js';
export type { Rounding } from './_decimal.js';
export { CURRENCY_CODES, CurrencySchema, currencyExponent, isCurrencyCode } from './_currencies.js';

/** Money whose amount is integer minor units of a known currency. */
export const MoneyValueSchema = z.object({
  /** Integer minor units, e.g. `12345` = 123.45 CNY. */
  amount: z.int('money must be an integer number of minor units (e.g. cents)'),
  /** ISO 4217 code. */
  currency: CurrencySchema,
});

/**
 * Builds money from integer minor units; throws `VALIDATION` for a float or an unknown currency.
 *
 * @example
 * ```ts
 * money(12345, 'CNY'); // { amount: 12345, currency: 'CNY' } (123.45 yuan)
 * money(12.5, 'CNY');  // throws VALIDATION "Invalid money: amount: money must be an integer …"
 * ```
 */
export function money(amount: number, currency: string): Money {
  return parseInput(MoneyValueSchema, { amount, currency }, 'money');
}

/** Returns `value` as a number, or throws `LIMIT_EXCEEDED` when it is not a safe integer. */
function toSafe(value: bigint, what: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) {
    throw new CampaignKitError('LIMIT_EXCEEDED', `${what} is too large to hold exactly (${value} minor units)`);
  }
  return result;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal amount in major units (`'833750.00'`) as money, exactly. More digits after the
 * point than the currency has are refused rather than rounded.
 *
 * @example
 * ```ts
 * moneyFromDecimal('833750.00', 'CNY'); // { amount: 83375000, currency: 'CNY' }
 * moneyFromDecimal('1500', 'JPY');      // { amount: 1500, currency: 'JPY' }
 * moneyFromDecimal('1.234', 'USD');     // throws VALIDATION (USD has 2 decimals)
 * ```
 */
export function moneyFromDecimal(text: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) throw invalidField('money', ['amount'], `expected a decimal amount such as 1234.50, got '${text}'`);
  const [, sign = '', whole = '0', frac = ''] = match;
  if (frac.length > exponent) {
    throw invalidField('money', ['amount'], `${currency} has ${exponent} decimal digits; '${text}' has ${frac.length}`);
  }
  const minor = BigInt(`${sign}${whole}${frac.padEnd(exponent, '0')}`);
  return { amount: toSafe(minor, 'amount'), currency };
}

/**
 * The amount in major units as a plain decimal string, with exactly the currency's digits.
 *
 * @example
 * ```ts
 * toDecimalString({ amount: 83375000, currency: 'CNY' }); // '833750.00'
 * toDecimalString({ amount: -5, currency: 'KWD' });       // '-0.005'
 * ```
 */
export function toDecimalString(value: Money): string {
  const { amount, currency } = parseInput(MoneyValueSchema, value, 'money');
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amount).toString().padStart(exponent + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

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
  sameCurrency('add', a, b);
  const left = money(a.amount, a.currency);
  return { amount: toSafe(BigInt(left.amount) + BigInt(money(b.amount, b.currency).amount), 'sum'), currency: left.currency };
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
  sameCurrency('subtract', a, b);
  return addMoney(a, { amount: -b.amount, currency: b.currency });
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
  return items.reduce<Money>((total, item) => addMoney(total, item), money(0, currency));
}

/**
 * A ratio to multiply money by: a number, taken as the decimal it prints as (`0.1` is exactly one
 * tenth), or an exact fraction of two such numbers (`{ numerator: 1, denominator: 3 }`).
 */
export type Ratio = number | { readonly numerator: number; readonly denominator: number };

function fractionOfRatio(ratio: Ratio): { n: bigint; d: bigint } {
  const [top, bottom] = typeof ratio === 'number' ? [ratio, 1] : [ratio.numerator, ratio.denominator];
  if (!Number.isFinite(top) || !Number.isFinite(bottom)) throw invalidField('ratio', ['ratio'], 'must be a finite number');
  if (bottom === 0) throw invalidField('ratio', ['ratio', 'denominator'], 'must not be zero');
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
  return toSafe(divideRounded(BigInt(base) * n, d, rounding), 'product');
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
  return toSafe(divideRounded(n, d, rounding), 'quotient');
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
  const { amount, currency } = money(value.amount, value.currency);
  return { amount: multiplyMinor(amount, ratio, rounding), currency };
}

/**
 * Splits `total` minor units in proportion to `weights` by the largest-remainder method: every share
 * is rounded down, then the units left over go one each to the shares with the largest remainders
 * (the earlier share on a tie). The shares always add up to `total` exactly.
 *
 * @example
 * ```ts
 * allocateMinor(100, [1, 1, 1]); // [34, 33, 33]
 * allocateMinor(-5, [1, 1]);     // [-3, -2]
 * allocateMinor(10, [0.5, 0.25, 0.25]); // [5, 3, 2]
 * ```
 */
export function allocateMinor(total: number, weights: readonly number[]): number[] {
  const whole = parseInput(MoneyValueSchema.shape.amount, total, 'total');
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) throw invalidField('weights', ['weights', i], 'a weight must be a finite number ≥ 0');
  });
  const fractions = weights.map(fractionOf);
  const common = fractions.reduce((l, { d }) => (l * d) / gcd(l, d), 1n);
  const scaled = fractions.map(({ n, d }) => (n * common) / d);
  const sumWeights = scaled.reduce((a, b) => a + b, 0n);
  if (sumWeights === 0n) {
    if (whole !== 0) throw invalidField('weights', ['weights'], 'at least one weight must be positive to share a non-zero total');
    return weights.map(() => 0);
  }
  const magnitude = BigInt(Math.abs(whole));
  const floors = scaled.map((w) => (magnitude * w) / sumWeights);
  const remainders = scaled.map((w, i) => ({ i, r: (magnitude * w) % sumWeights }));
  let left = magnitude - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map((share) => (whole < 0 ? -Number(share) : Number(share)));
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/**
 * Money split in proportion to `weights` with {@link allocateMinor}; the parts add up exactly.
 *
 * @example
 * ```ts
 * allocateMoney(money(1000, 'CNY'), [1, 2]); // [{ amount: 333, … }, { amount: 667, … }]
 * ```
 */
export function allocateMoney(value: Money, weights: readonly number[]): Money[] {
  const { amount, currency } = money(value.amount, value.currency);
  return allocateMinor(amount, weights).map((part) => ({ amount: part, currency }));
}

/** An exchange-rate table supplied by the caller; campaignkit never fetches rates itself. */
export const ExchangeRatesSchema = z
  .object({
    /** The date the rates are for (e.g. the central bank's fixing date); kept so reports can cite it. */
    date: IsoDateSchema,
    /** The currency the rates are quoted against; its own rate is 1 and may be omitted. */
    base: CurrencySchema.optional(),
    /** Units of each currency per one unit of the base, in major units, e.g. `{ USD: 1, CNY: 7.1 }`. */
    rates: z.record(CurrencySchema, z.number().positive('a rate must be positive').finite()),
  })
  .refine((t) => t.base === undefined || t.rates[t.base] === undefined || t.rates[t.base] === 1, {
    message: "the base currency's own rate must be 1",
    path: ['rates'],
  });
/** An exchange-rate table, see {@link ExchangeRatesSchema}. */
export type ExchangeRates = z.input<typeof ExchangeRatesSchema>;

function rateOf(table: z.output<typeof ExchangeRatesSchema>, currency: string): { n: bigint; d: bigint } {
  if (currency === table.base) return { n: 1n, d: 1n };
  const rate = table.rates[currency];
  if (rate === undefined) {
    throw invalidField('exchange rates', ['rates', currency], `no rate for ${currency} in the table of ${table.date}; add it`);
  }
  return fractionOf(rate);
}

/**
 * Converts money into `to` with the caller's rate table, exactly, rounding once to the target's
 * minor unit (half to even). Throws `VALIDATION` naming `rates.<code>` when a rate is missing.
 *
 * amount(to) = amount(from) × rate(to) / rate(from), with both rates quoted against one base.
 *
 * @example
 * ```ts
 * const rates = { date: '2026-03-31', base: 'USD', rates: { CNY: 7.1, JPY: 150 } };
 * convertMoney(money(100_00, 'USD'), 'CNY', rates); // { amount: 71000, currency: 'CNY' } (710.00)
 * convertMoney(money(710_00, 'CNY'), 'JPY', rates); // { amount: 15000, currency: 'JPY' }
 * ```
 */
export function convertMoney(value: Money, to: string, rates: ExchangeRates): Money {
  const source = money(value.amount, value.currency);
  const target = parseInput(CurrencySchema, to, 'target currency');
  const table = parseInput(ExchangeRatesSchema, rates, 'exchange rates');
  if (source.currency === target) return source;
  const from = rateOf(table, source.currency);
  const into = rateOf(table, target);
  const scaleFrom = 10n ** BigInt(currencyExponent(source.currency));
  const scaleTo = 10n ** BigInt(currencyExponent(target));
  // amount/10^eFrom major units × (into/from) × 10^eTo, as one fraction.
  const numerator = BigInt(source.amount) * scaleTo * into.n * from.d;
  const denominator = scaleFrom * into.d * from.n;
  return { amount: divideMinor(numerator, denominator), currency: target };
}

/**
 * Formats money for display with `Intl.NumberFormat`, always showing the ISO 4217 number of
 * digits (Intl's own data differs for a few currencies). The amount reaches Intl as a decimal
 * string, so large amounts are not rounded through a float.
 *
 * @example
 * ```ts
 * formatMoney(money(83375000, 'CNY'), 'zh-CN'); // '¥833,750.00'
 * formatMoney(money(1500, 'JPY'), 'en-US');     // '¥1,500'
 * ```
 */
export function formatMoney(value: Money, locale = 'en-US', options: Pick<Intl.NumberFormatOptions, 'currencyDisplay'> = {}): string {
  const exponent = currencyExponent(value.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
    ...options,
  });
  // The decimal string is exact; Intl accepts it as a numeric string (ES2023).
  return format.format(toDecimalString(value) as `${number}`);
}
