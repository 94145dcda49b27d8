import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { formatValue } from '../../../src/reports/i18n/formatValue.js';

describe('formatValue', () => {
  it('formats money with the currency\'s ISO 4217 digits: JPY has none, KWD three', () => {
    expect(formatValue({ kind: 'money', value: { amount: 123450, currency: 'CNY' } }, { locale: 'zh-CN' })).toBe('¥1,234.50');
    expect(formatValue({ kind: 'money', value: { amount: 123450, currency: 'CNY' } }, { locale: 'en' })).toBe('CN¥1,234.50');
    expect(formatValue({ kind: 'money', value: { amount: 1500, currency: 'JPY' } }, { locale: 'en' })).toBe('¥1,500');
    expect(formatValue({ kind: 'money', value: { amount: 1500, currency: 'JPY' } }, { locale: 'zh-CN' })).toBe('JP¥1,500');
    expect(formatValue({ kind: 'money', value: { amount: 1234, currency: 'KWD' } }, { locale: 'en' })).toBe('KWD\u00a01.234');
    expect(formatValue({ kind: 'money', value: { amount: 9_007_199_254_740_991, currency: 'CNY' } }, { locale: 'en' })).toBe('CN¥90,071,992,547,409.91');
  });

  it('formats percentages with two decimals, signed when asked, without a sign on zero', () => {
    expect(formatValue({ kind: 'percent', value: -0.3333, signed: true }, { locale: 'en' })).toBe('-33.33%');
    expect(formatValue({ kind: 'percent', value: 0.25, signed: true }, { locale: 'zh-CN' })).toBe('+25%');
    expect(formatValue({ kind: 'percent', value: -0, signed: true }, { locale: 'en' })).toBe('0%');
    expect(formatValue({ kind: 'number', value: 0.125 }, { locale: 'en' })).toBe('0.12');
  });

  it('shows null as n/a / 不适用', () => {
    expect(formatValue({ kind: 'percent', value: null }, { locale: 'en' })).toBe('n/a');
    expect(formatValue({ kind: 'money', value: null }, { locale: 'zh-CN' })).toBe('不适用');
  });

  it('formats dates, local date-times as written, and instants in a time zone', () => {
    expect(formatValue({ kind: 'date', value: '2026-03-02' }, { locale: 'zh-CN' })).toBe('2026年3月2日');
    expect(formatValue({ kind: 'date', value: '2026-03-02' }, { locale: 'en' })).toBe('Mar 2, 2026');
    expect(formatValue({ kind: 'datetime', value: '2026-03-02T09:05' }, { locale: 'en', timeZone: 'Asia/Shanghai' })).toBe('Mar 2, 2026, 09:05');
    expect(formatValue({ kind: 'datetime', value: '2026-03-02T01:05:00Z' }, { locale: 'en', timeZone: 'Asia/Shanghai' })).toBe('Mar 2, 2026, 09:05 GMT+8');
  });

  it('shows working minutes in working days', () => {
    expect(formatValue({ kind: 'duration', value: 720, signed: true }, { locale: 'en' })).toBe('+1.5d');
    expect(formatValue({ kind: 'duration', value: 720, minutesPerDay: 360 }, { locale: 'zh-CN' })).toBe('2天');
  });

  it('refuses a float amount of money, an unknown time zone and an unknown locale with VALIDATION', () => {
    const calls = [
      () => formatValue({ kind: 'money', value: { amount: 1.5, currency: 'CNY' } }, { locale: 'en' }),
      () => formatValue({ kind: 'number', value: 1 }, { locale: 'en', timeZone: 'Mars/Olympus' }),
      () => formatValue({ kind: 'number', value: 1 }, { locale: 'de' as 'en' }),
    ];
    for (const call of calls) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(isCampaignKitError(caught, 'VALIDATION')).toBe(true);
    }
  });
});
