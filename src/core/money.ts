import * as z from 'zod';
import { currencyExponent } from './_currencies.js';
import { readMoney, toSafe } from './_moneyValue.js';
import type { Money } from '../model/primitives.js';
import { invalidField, parseInput } from './validate.js';

/**
 * Money is an integer number of minor units (fen, cents; yen have none) with an ISO 4217 code.
 * Amounts are never floats; every amount derived from a ratio is computed exactly with BigInt and
 * rounded once, half to even ("banker's rounding"), unless a caller asks for floor or ceiling.
 *
 * This module is the money API as the rest of the library imports it: decimal text and display
 * here, arithmetic, allocation and conversion in the folder's private files.
 */

export type { Money } from '../model/primitives.js';
export { RoundingSchema, type Rounding } from './fraction.js';
export { CURRENCY_CODES, CurrencySchema, currencyExponent, isCurrencyCode } from './_currencies.js';
export { money, MoneyValueSchema } from './_moneyValue.js';
export { addMoney, divideMinor, multiplyMinor, multiplyMoney, subtractMoney, sumMoney, type Ratio } from './_moneyArithmetic.js';
export { allocateMinor, allocateMoney } from './_allocateMoney.js';
export { convertMoney, ExchangeRatesSchema, type ExchangeRates } from './_convertMoney.js';

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
  if (typeof text !== 'string') throw invalidField('money', ['amount'], `expected a decimal amount such as 1234.50, got a value of type ${typeof text}`);
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
  const { amount, currency } = readMoney(value);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amount).toString().padStart(exponent + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const FormatOptionsSchema = z.object({ currencyDisplay: z.enum(['code', 'symbol', 'narrowSymbol', 'name']).optional() });

/** `locale` as a BCP 47 tag Intl accepts, or `VALIDATION` (Intl itself throws a RangeError). */
function localeTag(locale: unknown): string {
  const tag = typeof locale === 'string' ? locale : undefined;
  try {
    if (tag !== undefined && Intl.getCanonicalLocales(tag).length === 1) return tag;
  } catch {
    // Not a well-formed language tag: refused below.
  }
  throw invalidField('locale', ['locale'], `expected a BCP 47 language tag such as 'zh-CN' or 'en-US'`);
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
  const { currency } = readMoney(value);
  const { currencyDisplay } = parseInput(FormatOptionsSchema, options, 'format options');
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(localeTag(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
    ...(currencyDisplay === undefined ? {} : { currencyDisplay }),
  });
  // The decimal string is exact; Intl accepts it as a numeric string (ES2023).
  return format.format(toDecimalString(value) as `${number}`);
}
