import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import {
  addMoney,
  allocateMinor,
  allocateMoney,
  convertMoney,
  currencyExponent,
  divideMinor,
  formatMoney,
  isCurrencyCode,
  money,
  moneyFromDecimal,
  multiplyMinor,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  toDecimalString,
} from '../../src/core/money.js';

// Every money function reads its money the same way: an object of integer minor units and a known
// currency. Anything else is a VALIDATION error naming the argument, never a raw TypeError and
// never a silently coerced amount.

/** The code and first issue of what `run` throws. */
function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a CampaignKitError');
}

const cny = money(500, 'CNY');

describe('money functions refuse what is not money', () => {
  it.each([['5'], ['0x10'], [[]], [null], [true]])('subtractMoney and addMoney refuse an amount of %j alike', (amount) => {
    const bad = { amount, currency: 'CNY' } as never;
    expect(refusal(() => subtractMoney(cny, bad))).toEqual({ code: 'VALIDATION', message: expect.stringMatching(/^Invalid b: amount: /) });
    expect(refusal(() => addMoney(cny, bad))).toEqual({ code: 'VALIDATION', message: expect.stringMatching(/^Invalid b: amount: /) });
  });

  it('refuses null money in every function that takes money', () => {
    const nothing = null as never;
    for (const run of [
      () => addMoney(nothing, cny),
      () => subtractMoney(cny, nothing),
      () => sumMoney([cny, nothing], 'CNY'),
      () => multiplyMoney(nothing, 2),
      () => allocateMoney(nothing, [1]),
      () => convertMoney(nothing, 'USD', { date: '2026-03-31', base: 'USD', rates: { CNY: 7.1 } }),
      () => toDecimalString(nothing),
      () => formatMoney(nothing),
    ]) {
      expect(refusal(run).code).toBe('VALIDATION');
    }
  });

  it('sums exactly and refuses a mixed currency or a non-array', () => {
    expect(sumMoney([cny, money(7, 'CNY')], 'CNY')).toEqual({ amount: 507, currency: 'CNY' });
    expect(refusal(() => sumMoney([cny, money(7, 'USD')], 'CNY')).code).toBe('CURRENCY_MISMATCH');
    expect(refusal(() => sumMoney(cny as never, 'CNY')).code).toBe('VALIDATION');
  });

  it('refuses division by zero and non-bigint operands', () => {
    expect(refusal(() => divideMinor(10n, 0n))).toEqual({ code: 'VALIDATION', message: 'Invalid division: d: must not be zero' });
    expect(refusal(() => divideMinor(10 as never, 2n)).code).toBe('VALIDATION');
    expect(divideMinor(5n, 2n)).toBe(2);
  });

  it('refuses an unknown rounding and a malformed ratio', () => {
    expect(refusal(() => multiplyMinor(5, 0.5, 'up' as never)).code).toBe('VALIDATION');
    expect(refusal(() => multiplyMinor(5, null as never)).code).toBe('VALIDATION');
    expect(refusal(() => multiplyMinor(5, { numerator: 1, denominator: 0 }))).toEqual({ code: 'VALIDATION', message: 'Invalid ratio: denominator: must not be zero' });
    expect(multiplyMinor(100, { numerator: 1, denominator: 3 })).toBe(33);
  });

  it('refuses an invalid locale or display option in formatMoney', () => {
    expect(refusal(() => formatMoney(cny, 'not a locale!'))).toEqual({
      code: 'VALIDATION',
      message: "Invalid locale: locale: expected a BCP 47 language tag such as 'zh-CN' or 'en-US'",
    });
    expect(refusal(() => formatMoney(cny, 'en-US', { currencyDisplay: 'loud' } as never)).code).toBe('VALIDATION');
    expect(formatMoney(cny, 'en-US', { currencyDisplay: 'code' })).toBe('CNY\u00a05.00');
  });

  it('answers about codes that are not strings without throwing a TypeError', () => {
    expect(isCurrencyCode(Object.create(null) as never)).toBe(false);
    expect(refusal(() => currencyExponent(Object.create(null) as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid currency: currency: unknown ISO 4217 currency code of type object',
    });
    expect(refusal(() => moneyFromDecimal([] as never, 'CNY')).code).toBe('VALIDATION');
  });

  it('refuses weights that are not an array of finite numbers ≥ 0, naming the weight', () => {
    expect(refusal(() => allocateMinor(100, [1, -1]))).toEqual({ code: 'VALIDATION', message: 'Invalid weights: weights[1]: a weight must be a finite number ≥ 0' });
    expect(refusal(() => allocateMinor(100, undefined as never)).code).toBe('VALIDATION');
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
});
