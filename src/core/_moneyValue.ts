import * as z from 'zod';
import type { Money } from '../model/primitives.js';
import { CurrencySchema } from './_currencies.js';
import { CampaignKitError } from './errors.js';
import { parseInput } from './validate.js';

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

/**
 * `value` read as money (an object with integer minor units and a known currency), or `VALIDATION`
 * naming `what`: the one check every money function applies to the money it is given.
 */
export function readMoney(value: unknown, what = 'money'): Money {
  return parseInput(MoneyValueSchema, value, what);
}

/** `value` as a number, or `LIMIT_EXCEEDED` when it is beyond a safe integer (a unit would be lost). */
export function toSafe(value: bigint, what: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) {
    throw new CampaignKitError('LIMIT_EXCEEDED', `${what} is too large to hold exactly (${value} minor units)`);
  }
  return result;
}
