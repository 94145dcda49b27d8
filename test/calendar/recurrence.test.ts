import { describe, expect, it } from 'vitest';
import { expandRecurrence } from '../../src/calendar/recurrence.js';
import { STANDARD_CALENDAR } from '../../src/calendar/standardCalendars.js';
import { createWorkingCalendar } from '../../src/calendar/workingCalendar.js';
import { isCampaignKitError, type CampaignKitError, type ErrorCode } from '../../src/core/errors.js';
import type { CalendarException, Recurrence } from '../../src/model/calendar.js';

// Every expected date was read off a printed calendar (2026-01-01 is a Thursday, 2026-03-01 a
// Sunday, 2027-05-31 a Monday, 2028-11-23 a Thursday), not computed.

const MS_PER_DAY = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const dateOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** The dates a pattern falls on from `from` up to `to` (inclusive), at most `occurrences` of them. */
function expand(pattern: Recurrence, from: string, to?: string, occurrences?: number): string[] {
  return expandRecurrence(pattern, dayNumber(from), to === undefined ? Number.POSITIVE_INFINITY : dayNumber(to), occurrences).map(dateOf);
}

function thrown(code: ErrorCode, run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e, code)) return e;
    throw e;
  }
  throw new Error(`expected a ${code} error`);
}

describe('daily recurrence', () => {
  it('falls on every n-th day counted from the first day', () => {
    expect(expand({ type: 'daily', every: 3 }, '2026-03-02', '2026-03-14')).toEqual(['2026-03-02', '2026-03-05', '2026-03-08', '2026-03-11', '2026-03-14']);
  });

  it('runs across a year end for a number of occurrences', () => {
    expect(expand({ type: 'daily' }, '2026-12-30', undefined, 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
});

describe('weekly recurrence', () => {
  it('counts weeks from the Sunday-started week containing the first day, skipping days before it', () => {
    // From Wednesday 4 March: weeks of Sunday 1, 15 and 29 March; Monday 2 March is before the start.
    expect(expand({ type: 'weekly', every: 2, days: ['mon', 'thu'] }, '2026-03-04', '2026-04-05')).toEqual([
      '2026-03-05',
      '2026-03-16',
      '2026-03-19',
      '2026-03-30',
      '2026-04-02',
    ]);
  });

  it('puts Sunday at the start of its week, not the end', () => {
    // Monday-started weeks would give Sundays 8 and 22 March and 5 April instead.
    expect(expand({ type: 'weekly', every: 2, days: ['sun', 'sat'] }, '2026-03-04', '2026-04-05')).toEqual([
      '2026-03-07',
      '2026-03-15',
      '2026-03-21',
      '2026-03-29',
      '2026-04-04',
    ]);
    expect(expand({ type: 'weekly', every: 2, days: ['sun', 'wed'] }, '2026-03-08', '2026-03-31')).toEqual([
      '2026-03-08',
      '2026-03-11',
      '2026-03-22',
      '2026-03-25',
    ]);
  });

  it('lists days in date order whatever order they are given in, and counts only days from the first day on', () => {
    expect(expand({ type: 'weekly', days: ['fri', 'mon'] }, '2026-03-04', undefined, 3)).toEqual(['2026-03-06', '2026-03-09', '2026-03-13']);
  });
});

describe('monthly recurrence by date', () => {
  it('falls on the last day of short months when the day is 31', () => {
    expect(expand({ type: 'monthlyDate', day: 31 }, '2026-01-01', '2026-06-30')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
  });

  it('falls on 29 February in a leap year and 28 February otherwise', () => {
    expect(expand({ type: 'monthlyDate', every: 12, day: 30 }, '2027-02-01', undefined, 2)).toEqual(['2027-02-28', '2028-02-29']);
  });

  it('skips months by the interval, counted from the first month', () => {
    expect(expand({ type: 'monthlyDate', every: 2, day: 10 }, '2026-01-05', undefined, 3)).toEqual(['2026-01-10', '2026-03-10', '2026-05-10']);
  });

  it('leaves out a date in the first month that falls before the first day', () => {
    expect(expand({ type: 'monthlyDate', day: 10 }, '2026-01-15', '2026-03-31')).toEqual(['2026-02-10', '2026-03-10']);
  });
});

describe('monthly recurrence by position', () => {
  it('falls on the last Friday of each month', () => {
    expect(expand({ type: 'monthlyWeekday', week: 'last', weekday: 'fri' }, '2026-01-01', undefined, 4)).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
    ]);
  });

  it('falls on the second weekday (Monday to Friday) of each month', () => {
    expect(expand({ type: 'monthlyWeekday', week: 'second', weekday: 'weekday' }, '2026-03-01', '2026-06-30')).toEqual([
      '2026-03-03',
      '2026-04-02',
      '2026-05-04',
      '2026-06-02',
    ]);
  });

  it('falls on the first weekend day of each month', () => {
    expect(expand({ type: 'monthlyWeekday', week: 'first', weekday: 'weekendDay' }, '2026-01-01', '2026-05-31')).toEqual([
      '2026-01-03',
      '2026-02-01',
      '2026-03-01',
      '2026-04-04',
      '2026-05-02',
    ]);
  });

  it('falls on the last day of each month', () => {
    expect(expand({ type: 'monthlyWeekday', week: 'last', weekday: 'day' }, '2026-01-01', '2026-03-31')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('falls on the third Thursday of every third month', () => {
    expect(expand({ type: 'monthlyWeekday', every: 3, week: 'third', weekday: 'thu' }, '2026-01-01', undefined, 4)).toEqual([
      '2026-01-15',
      '2026-04-16',
      '2026-07-16',
      '2026-10-15',
    ]);
  });

  it('leaves out the first month when its day falls before the first day', () => {
    expect(expand({ type: 'monthlyWeekday', week: 'first', weekday: 'mon' }, '2026-01-20', '2026-03-31')).toEqual(['2026-02-02', '2026-03-02']);
  });
});

describe('yearly recurrence', () => {
  it('falls on the same date every year', () => {
    expect(expand({ type: 'yearlyDate', month: 12, day: 25 }, '2026-01-01', '2029-12-31')).toEqual(['2026-12-25', '2027-12-25', '2028-12-25', '2029-12-25']);
  });

  it('starts the next year when this year\'s date is already past', () => {
    expect(expand({ type: 'yearlyDate', month: 1, day: 1 }, '2026-06-01', undefined, 2)).toEqual(['2027-01-01', '2028-01-01']);
  });

  it('falls on the last Monday of May (Memorial Day)', () => {
    expect(expand({ type: 'yearlyWeekday', month: 5, week: 'last', weekday: 'mon' }, '2026-01-01', '2028-12-31')).toEqual([
      '2026-05-25',
      '2027-05-31',
      '2028-05-29',
    ]);
  });

  it('falls on the fourth Thursday of November (Thanksgiving)', () => {
    expect(expand({ type: 'yearlyWeekday', month: 11, week: 'fourth', weekday: 'thu' }, '2026-01-01', undefined, 3)).toEqual([
      '2026-11-26',
      '2027-11-25',
      '2028-11-23',
    ]);
  });
});

describe('limits', () => {
  it('stops at whichever comes first, the occurrence count or the end date', () => {
    expect(expand({ type: 'daily', every: 2 }, '2026-03-02', '2026-03-06', 10)).toEqual(['2026-03-02', '2026-03-04', '2026-03-06']);
    expect(expand({ type: 'daily', every: 2 }, '2026-03-02', '2026-03-31', 2)).toEqual(['2026-03-02', '2026-03-04']);
  });

  it('includes the end date itself', () => {
    expect(expand({ type: 'weekly', days: ['fri'] }, '2026-03-02', '2026-03-13')).toEqual(['2026-03-06', '2026-03-13']);
  });

  it('gives nothing when no pattern day falls in the range', () => {
    expect(expand({ type: 'yearlyDate', month: 12, day: 25 }, '2026-01-01', '2026-12-24')).toEqual([]);
  });

  it('refuses an exception that would expand to more than 100,000 days', () => {
    const endless: CalendarException = { from: '2000-01-01', to: '2299-12-31', recurrence: { type: 'daily' } };
    thrown('LIMIT_EXCEEDED', () => createWorkingCalendar({ ...STANDARD_CALENDAR, exceptions: [endless] }));
  });
});

describe('recurring exceptions in a working calendar', () => {
  it('makes the last Friday of the first four months holidays, and not the fifth', () => {
    const cal = createWorkingCalendar({
      ...STANDARD_CALENDAR,
      exceptions: [{ name: 'Recharge day', from: '2026-01-01', occurrences: 4, recurrence: { type: 'monthlyWeekday', week: 'last', weekday: 'fri' } }],
    });
    expect(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24'].map((d) => cal.isWorkingDay(d))).toEqual([false, false, false, false]);
    expect(cal.isWorkingDay('2026-05-29')).toBe(true);
    expect(cal.isWorkingDay('2026-03-26')).toBe(true);
  });

  it('adds working Saturday mornings for as many weeks as asked', () => {
    const cal = createWorkingCalendar({
      ...STANDARD_CALENDAR,
      exceptions: [{ from: '2026-03-07', occurrences: 2, times: [{ from: '09:00', to: '12:00' }], recurrence: { type: 'weekly', days: ['sat'] } }],
    });
    expect(cal.workingTimesOn('2026-03-07')).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(cal.workingTimesOn('2026-03-14')).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(cal.isWorkingDay('2026-03-21')).toBe(false);
    // Friday 16:00–17:00, then Saturday 09:00–10:00.
    expect(cal.addWorkingMinutes('2026-03-13T16:00', 120)).toBe('2026-03-14T10:00');
  });

  it('keeps a yearly holiday in every year of its range', () => {
    const cal = createWorkingCalendar({
      ...STANDARD_CALENDAR,
      exceptions: [{ name: 'Christmas', from: '2026-01-01', to: '2030-12-31', recurrence: { type: 'yearlyDate', month: 12, day: 25 } }],
    });
    // 25 December 2026 is a Friday, 2029 a Tuesday.
    expect(cal.addWorkingMinutes('2026-12-24T16:00', 120)).toBe('2026-12-28T09:00');
    expect(cal.isWorkingDay('2029-12-25')).toBe(false);
    expect(cal.isWorkingDay('2029-12-24')).toBe(true);
  });

  it('refuses a recurring exception with neither an end date nor an occurrence count', () => {
    const error = thrown('VALIDATION', () =>
      createWorkingCalendar({ ...STANDARD_CALENDAR, exceptions: [{ from: '2026-01-01', recurrence: { type: 'daily' } }] }),
    );
    expect(error.details.issues?.map((i) => i.path)).toEqual([['exceptions', 0, 'recurrence']]);
  });
});
