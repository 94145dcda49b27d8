import { describe, expect, it } from 'vitest';
import { calendarMonth, isoWeek } from '../../src/calendar/periods.js';
import { lastDayOfMonthsFrom, timeOf } from '../../src/kpi/_dates.js';

describe('calendar buckets', () => {
  it.each([
    // 2026 starts on a Thursday, so its week 1 starts on Monday 29 December 2025 and it has 53 weeks.
    ['2025-12-29', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-01-01', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-03', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
    // 2025 starts on a Wednesday: Monday 30 December 2024 is already in 2025-W01.
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'],
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'],
  ])('puts %s in ISO week %s (%s to %s)', (date, key, start, end) => {
    expect(isoWeek(date)).toEqual({ key, start, end });
  });

  it('knows the length of each month, leap years included', () => {
    expect(calendarMonth('2024-02-10')).toEqual({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(calendarMonth('2026-02-10')).toEqual({ key: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(calendarMonth('2026-12-31')).toEqual({ key: '2026-12', start: '2026-12-01', end: '2026-12-31' });
  });

  it('ends a month-long period the day before the same date next month, clamped to short months', () => {
    expect(lastDayOfMonthsFrom('2026-03-01', 1)).toBe('2026-03-31');
    expect(lastDayOfMonthsFrom('2026-03-15', 1)).toBe('2026-04-14');
    expect(lastDayOfMonthsFrom('2026-01-31', 1)).toBe('2026-02-27');
  });

  it('reads instants, local date-times and bare dates', () => {
    expect(timeOf('2026-03-02T09:00:00Z')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(timeOf('2026-03-02T17:00:00+08:00')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(timeOf('2026-03-02T09:00')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(timeOf('2026-03-02')).toBe(Date.UTC(2026, 2, 2));
    expect(timeOf('2026-03-02', true)).toBe(Date.UTC(2026, 2, 3) - 1);
  });
});
