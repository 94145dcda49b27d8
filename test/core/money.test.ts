import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import {
  addMoney,
  allocateMinor,
  allocateMoney,
  convertMoney,
  currencyExponent,
  CURRENCY_CODES,
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

function errorOf(run: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return { code: e.code, message: e.message, details: { ...e.details } };
    throw e;
  }
  throw new Error('expected a CampaignKitError');
}

describe('currencies', () => {
  it('knows the ISO 4217 minor units of zero-, two-, three- and four-digit currencies', () => {
    expect(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'XOF'].map(currencyExponent)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'IDR'].map(currencyExponent)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD'].map(currencyExponent)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(['CLF', 'UYW'].map(currencyExponent)).toEqual([4, 4]);
  });

  it('rejects codes that are not active ISO 4217 money', () => {
    expect(isCurrencyCode('XAU')).toBe(false);
    expect(isCurrencyCode('RMB')).toBe(false);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
    expect(errorOf(() => currencyExponent('RMB'))).toMatchObject({ code: 'VALIDATION', message: "Invalid currency: currency: unknown ISO 4217 currency code 'RMB'" });
  });

  it('lists every accepted code once, sorted', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES).toContain('CNY');
  });
});

describe('money values', () => {
  it('refuses floats and unknown currencies with a VALIDATION error naming the field', () => {
    expect(money(12345, 'CNY')).toEqual({ amount: 12345, currency: 'CNY' });
    expect(errorOf(() => money(12.5, 'CNY'))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('amount: money must be an integer') });
    expect(errorOf(() => money(1, 'XAU'))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('currency:') });
  });

  it('reads and writes decimal text exactly', () => {
    expect(moneyFromDecimal('833750.00', 'CNY')).toEqual({ amount: 83_375_000, currency: 'CNY' });
    expect(moneyFromDecimal('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(moneyFromDecimal('-0.5', 'USD')).toEqual({ amount: -50, currency: 'USD' });
    expect(moneyFromDecimal('1.234', 'KWD')).toEqual({ amount: 1234, currency: 'KWD' });
    expect(errorOf(() => moneyFromDecimal('1.234', 'USD'))).toMatchObject({ code: 'VALIDATION', message: "Invalid money: amount: USD has 2 decimal digits; '1.234' has 3" });
    expect(errorOf(() => moneyFromDecimal('12,50', 'EUR')).code).toBe('VALIDATION');
    expect(toDecimalString({ amount: 83_375_000, currency: 'CNY' })).toBe('833750.00');
    expect(toDecimalString({ amount: -5, currency: 'KWD' })).toBe('-0.005');
    expect(toDecimalString({ amount: 7, currency: 'JPY' })).toBe('7');
    expect(toDecimalString({ amount: 5, currency: 'USD' })).toBe('0.05');
  });

  it('round-trips every amount through decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('CNY', 'JPY', 'KWD', 'CLF'), (amount, currency) => {
        expect(moneyFromDecimal(toDecimalString({ amount, currency }), currency)).toEqual({ amount, currency });
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and sums within one currency', () => {
    expect(addMoney(money(100, 'CNY'), money(250, 'CNY'))).toEqual({ amount: 350, currency: 'CNY' });
    expect(subtractMoney(money(100, 'CNY'), money(250, 'CNY'))).toEqual({ amount: -150, currency: 'CNY' });
    expect(sumMoney([money(1, 'CNY'), money(2, 'CNY'), money(3, 'CNY')], 'CNY')).toEqual({ amount: 6, currency: 'CNY' });
    expect(sumMoney([], 'JPY')).toEqual({ amount: 0, currency: 'JPY' });
  });

  it('refuses to mix currencies, naming both', () => {
    const error = errorOf(() => addMoney(money(100, 'CNY'), money(1, 'USD')));
    expect(error.code).toBe('CURRENCY_MISMATCH');
    expect(error.message).toBe('Cannot add CNY and USD: convert one with convertMoney and an exchange-rate table first');
    expect(error.details).toEqual({ currencies: ['CNY', 'USD'] });
    expect(errorOf(() => subtractMoney(money(1, 'EUR'), money(1, 'JPY'))).message).toMatch(/^Cannot subtract EUR and JPY/);
    expect(errorOf(() => sumMoney([money(1, 'CNY')], 'USD')).code).toBe('CURRENCY_MISMATCH');
  });

  it('refuses a sum too large to hold exactly', () => {
    expect(errorOf(() => addMoney(money(Number.MAX_SAFE_INTEGER, 'CNY'), money(1, 'CNY'))).code).toBe('LIMIT_EXCEEDED');
  });

  it('rounds products half to even, once, on the exact decimal value of the ratio', () => {
    expect(multiplyMinor(5, 0.5)).toBe(2); // 2.5
    expect(multiplyMinor(7, 0.5)).toBe(4); // 3.5
    expect(multiplyMinor(-5, 0.5)).toBe(-2); // −2.5
    expect(multiplyMinor(3, 0.5)).toBe(2); // 1.5
    // 0.1 as a double is slightly above one tenth; read as the decimal 0.1, 25 × 0.1 = 2.5 → 2.
    expect(multiplyMinor(25, 0.1)).toBe(2);
    expect(multiplyMinor(105, 0.1, 'floor')).toBe(10);
    expect(multiplyMinor(101, 0.1, 'ceil')).toBe(11);
    expect(multiplyMinor(-101, 0.1, 'floor')).toBe(-11);
    expect(multiplyMinor(100, { numerator: 1, denominator: 3 })).toBe(33);
    expect(multiplyMinor(200, { numerator: 1, denominator: 3 })).toBe(67);
    expect(multiplyMoney(money(100_000_00, 'CNY'), 1.05)).toEqual({ amount: 105_000_00, currency: 'CNY' });
    expect(multiplyMinor(1, 1e-7)).toBe(0);
    expect(errorOf(() => multiplyMinor(3, 1e21)).code).toBe('LIMIT_EXCEEDED');
    expect(errorOf(() => multiplyMinor(3, { numerator: 1, denominator: 0 })).code).toBe('VALIDATION');
  });

  it('divides exact integers with half-even rounding', () => {
    expect(divideMinor(500_000n * 290_000n, 200_000n)).toBe(725_000);
    expect(divideMinor(5n, 2n)).toBe(2);
    expect(divideMinor(7n, 2n)).toBe(4);
    expect(divideMinor(-7n, 2n)).toBe(-4);
    expect(divideMinor(7n, -2n)).toBe(-4);
    expect(divideMinor(8n, 3n)).toBe(3);
    expect(divideMinor(8n, 3n, 'floor')).toBe(2);
  });
});

describe('allocation', () => {
  it('gives leftover units to the largest remainders, earlier shares first on a tie', () => {
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateMinor(-5, [1, 1])).toEqual([-3, -2]);
    expect(allocateMinor(10, [0.5, 0.25, 0.25])).toEqual([5, 3, 2]);
    // Quotas 2.9, 3.5, 3.6 → floors 2, 3, 3; the two units left go to remainders .9 and .6.
    expect(allocateMinor(10, [29, 35, 36])).toEqual([3, 3, 4]);
    expect(allocateMinor(0, [0, 0])).toEqual([0, 0]);
    expect(allocateMoney(money(1000, 'CNY'), [1, 2])).toEqual([
      { amount: 333, currency: 'CNY' },
      { amount: 667, currency: 'CNY' },
    ]);
  });

  it('rejects negative weights and a non-zero total with nothing to share it by', () => {
    expect(errorOf(() => allocateMinor(10, [1, -1]))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('weights[1]') });
    expect(errorOf(() => allocateMinor(10, [0, 0]))).toMatchObject({ code: 'VALIDATION' });
  });

  it('always adds up to the total, each share within one unit of its exact quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const shares = allocateMinor(total, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        shares.forEach((share, i) => expect(Math.abs(share - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1));
      }),
    );
  });
});

describe('conversion', () => {
  const rates = { date: '2026-03-31', base: 'USD', rates: { CNY: 7.1, JPY: 150, KWD: 0.307 } };

  it('converts through the base with one half-even rounding to the target minor unit', () => {
    expect(convertMoney(money(100_00, 'USD'), 'CNY', rates)).toEqual({ amount: 710_00, currency: 'CNY' });
    expect(convertMoney(money(710_00, 'CNY'), 'JPY', rates)).toEqual({ amount: 15_000, currency: 'JPY' });
    // 1.00 CNY = 150 / 7.1 JPY = 21.126… → 21
    expect(convertMoney(money(1_00, 'CNY'), 'JPY', rates)).toEqual({ amount: 21, currency: 'JPY' });
    // 10 JPY = 0.307 × 10 / 150 KWD = 0.020466… → 0.020
    expect(convertMoney(money(10, 'JPY'), 'KWD', rates)).toEqual({ amount: 20, currency: 'KWD' });
    expect(convertMoney(money(5, 'CNY'), 'CNY', rates)).toEqual({ amount: 5, currency: 'CNY' });
  });

  it('works without a base when both currencies are in the table', () => {
    expect(convertMoney(money(200_00, 'EUR'), 'CNY', { date: '2026-03-31', rates: { EUR: 1, CNY: 7.8 } })).toEqual({ amount: 1560_00, currency: 'CNY' });
  });

  it('throws VALIDATION naming the missing rate', () => {
    expect(errorOf(() => convertMoney(money(1, 'EUR'), 'CNY', rates))).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid exchange rates: rates.EUR: no rate for EUR in the table of 2026-03-31; add it',
    });
    expect(errorOf(() => convertMoney(money(1, 'USD'), 'CNY', { ...rates, date: '31/03/2026' })).message).toMatch(/^Invalid exchange rates: date/);
    expect(errorOf(() => convertMoney(money(1, 'USD'), 'CNY', { ...rates, rates: { CNY: -7 } })).message).toMatch(/rates\.CNY/);
  });
});

describe('formatting', () => {
  it('shows the ISO number of digits in the locale’s style', () => {
    expect(formatMoney(money(123_456, 'USD'), 'en-US')).toBe('$1,234.56');
    expect(formatMoney(money(1500, 'JPY'), 'en-US')).toBe('¥1,500');
    expect(formatMoney(money(83_375_000, 'CNY'), 'zh-CN')).toBe('¥833,750.00');
    expect(formatMoney(money(1_234_567, 'KWD'), 'en-US')).toContain('1,234.567');
  });

  it('formats amounts beyond float precision exactly', () => {
    expect(formatMoney(money(9_007_199_254_740_991, 'USD'), 'en-US')).toBe('$90,071,992,547,409.91');
  });
});
