import * as z from 'zod';
import { IsoDateSchema, type Money } from '../model/primitives.js';
import { CurrencySchema, currencyExponent } from './_currencies.js';
import { readMoney } from './_moneyValue.js';
import { divideMinor } from './_moneyArithmetic.js';
import { fractionOf, type Fraction } from './fraction.js';
import { invalidField, parseInput } from './validate.js';

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

function rateOf(table: z.output<typeof ExchangeRatesSchema>, currency: string): Fraction {
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
  const source = readMoney(value);
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
