import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIGHT_SHIFT_CALENDAR, STANDARD_CALENDAR, TWENTY_FOUR_HOUR_CALENDAR } from '../../src/calendar/standardCalendars.js';
import { createWorkingCalendar } from '../../src/calendar/workingCalendar.js';
import { isCampaignKitError, type CampaignKitError, type ErrorCode } from '../../src/core/errors.js';
import type { CalendarInput } from '../../src/model/calendar.js';

// Dates below were read off a printed 2026 calendar: 2026-03-02 is a Monday, 2026-03-06 a Friday,
// 2026-04-03 Good Friday, 2026-10-01 a Thursday, 2026-12-31 a Thursday, 2028-02-28 a Monday.

function thrown(code: ErrorCode, run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e, code)) return e;
    throw e;
  }
  throw new Error(`expected a ${code} error`);
}

function issuePaths(error: CampaignKitError): (readonly (string | number)[])[] {
  return (error.details.issues ?? []).map((issue) => issue.path);
}

const OFFICE = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

/** Standard hours plus the given exceptions. */
function standardWith(exceptions: CalendarInput['exceptions'], extra: Partial<CalendarInput> = {}): CalendarInput {
  return { ...STANDARD_CALENDAR, id: 'office', name: 'Office', exceptions, ...extra };
}

const standard = createWorkingCalendar(STANDARD_CALENDAR);

describe('adding working time on the Standard calendar', () => {
  it('ends a full day at Monday 17:00, not Tuesday 08:00', () => {
    expect(standard.addWorkingMinutes('2026-03-02T08:00', 480)).toBe('2026-03-02T17:00');
  });

  it('ends half a day at 12:00, before lunch rather than after it', () => {
    expect(standard.addWorkingMinutes('2026-03-02T08:00', 240)).toBe('2026-03-02T12:00');
  });

  it('resumes after lunch at 13:00', () => {
    expect(standard.addWorkingMinutes('2026-03-02T11:00', 120)).toBe('2026-03-02T14:00');
  });

  it('carries Friday 16:00 plus 2 h over the weekend to Monday 09:00', () => {
    expect(standard.addWorkingMinutes('2026-03-06T16:00', 120)).toBe('2026-03-09T09:00');
  });

  it('fits a 40-hour week into Monday 08:00 to Friday 17:00, and one more minute into Monday', () => {
    expect(standard.addWorkingMinutes('2026-03-02T08:00', 2400)).toBe('2026-03-06T17:00');
    expect(standard.addWorkingMinutes('2026-03-02T08:00', 2401)).toBe('2026-03-09T08:01');
  });

  it('counts from the next working period when it starts in non-working time', () => {
    expect(standard.addWorkingMinutes('2026-03-07T10:00', 60)).toBe('2026-03-09T09:00');
    expect(standard.addWorkingMinutes('2026-03-02T12:30', 30)).toBe('2026-03-02T13:30');
    expect(standard.addWorkingMinutes('2026-03-02T06:00', 60)).toBe('2026-03-02T09:00');
  });

  it('refuses a minute count that is not a finite number', () => {
    const error = thrown('VALIDATION', () => standard.addWorkingMinutes('2026-03-02T08:00', Number.NaN));
    expect(issuePaths(error)).toEqual([['minutes']]);
    thrown('VALIDATION', () => standard.addWorkingMinutes('2026-03-02T08:00', Number.POSITIVE_INFINITY));
  });
});

describe('subtracting working time on the Standard calendar', () => {
  it('takes a full day from Monday 17:00 back to Monday 08:00', () => {
    expect(standard.addWorkingMinutes('2026-03-02T17:00', -480)).toBe('2026-03-02T08:00');
  });

  it('gives a start, not a finish, on a boundary: Monday 08:00 rather than Friday 17:00', () => {
    expect(standard.addWorkingMinutes('2026-03-09T09:00', -60)).toBe('2026-03-09T08:00');
  });

  it('gives 13:00 after lunch rather than 12:00 before it', () => {
    expect(standard.addWorkingMinutes('2026-03-02T17:00', -240)).toBe('2026-03-02T13:00');
    expect(standard.addWorkingMinutes('2026-03-09T12:00', -2400)).toBe('2026-03-02T13:00');
  });

  it('crosses the weekend backwards: Monday 09:00 minus 2 h is Friday 16:00', () => {
    expect(standard.addWorkingMinutes('2026-03-09T09:00', -120)).toBe('2026-03-06T16:00');
  });

  it('counts back from the end of the previous working period when it starts in non-working time', () => {
    expect(standard.addWorkingMinutes('2026-03-08T12:00', -60)).toBe('2026-03-06T16:00');
  });
});

describe('holidays and other calendar exceptions', () => {
  it('skips a one-off holiday: Thursday 16:00 plus 2 h before Good Friday is Monday 09:00', () => {
    const cal = createWorkingCalendar(standardWith([{ name: 'Good Friday', from: '2026-04-03' }]));
    expect(cal.addWorkingMinutes('2026-04-02T16:00', 120)).toBe('2026-04-06T09:00');
    expect(cal.isWorkingDay('2026-04-03')).toBe(false);
  });

  it('skips every day of a holiday range, both ends included', () => {
    const cal = createWorkingCalendar(standardWith([{ name: 'Easter', from: '2026-04-03', to: '2026-04-06' }]));
    expect(cal.addWorkingMinutes('2026-04-02T16:00', 120)).toBe('2026-04-07T09:00');
    expect(cal.workingDays('2026-04-01', '2026-04-08')).toEqual(['2026-04-01', '2026-04-02', '2026-04-07', '2026-04-08']);
  });

  it('counts a week-long National Day holiday as no working time in either direction', () => {
    const cal = createWorkingCalendar(standardWith([{ name: 'National Day', from: '2026-10-01', to: '2026-10-07' }]));
    expect(cal.addWorkingMinutes('2026-09-30T17:00', 480)).toBe('2026-10-08T17:00');
    expect(cal.addWorkingMinutes('2026-10-08T08:00', -60)).toBe('2026-09-30T16:00');
    // Wednesday 30 September, Thursday 8 and Friday 9 October.
    expect(cal.workingMinutesBetween('2026-09-30T08:00', '2026-10-09T17:00')).toBe(1440);
  });

  it('uses changed working hours on the day they apply to', () => {
    const cal = createWorkingCalendar(standardWith([{ name: 'Offsite', from: '2026-03-04', times: [{ from: '09:00', to: '13:00' }] }]));
    expect(cal.workingTimesOn('2026-03-04')).toEqual([{ from: '09:00', to: '13:00' }]);
    expect(cal.nextWorkingStart('2026-03-04T08:00')).toBe('2026-03-04T09:00');
    // 4 h on the short Wednesday, then one more hour on Thursday.
    expect(cal.addWorkingMinutes('2026-03-04T08:00', 300)).toBe('2026-03-05T09:00');
    expect(cal.nextWorkingStart('2026-03-04T13:00')).toBe('2026-03-05T08:00');
  });

  it('works an extra Saturday morning', () => {
    const cal = createWorkingCalendar(standardWith([{ name: 'Launch prep', from: '2026-03-07', times: [{ from: '09:00', to: '12:00' }] }]));
    expect(cal.isWorkingDay('2026-03-07')).toBe(true);
    expect(cal.addWorkingMinutes('2026-03-06T16:00', 120)).toBe('2026-03-07T10:00');
    // 1 h on Friday, 3 h on Saturday, 1 h on Monday.
    expect(cal.addWorkingMinutes('2026-03-06T16:00', 300)).toBe('2026-03-09T09:00');
    expect(cal.workingMinutesBetween('2026-03-06T08:00', '2026-03-09T08:00')).toBe(660);
  });
});

describe('derived calendars', () => {
  const office: CalendarInput = standardWith([{ name: 'Labour Day', from: '2026-05-01' }]);
  const partTime: CalendarInput = {
    id: 'part-time',
    name: 'Part time',
    base: 'office',
    week: { wed: [], fri: [{ from: '08:00', to: '12:00' }] },
  };

  it('inherits the days it does not override from its base', () => {
    const cal = createWorkingCalendar(partTime, { calendars: [office] });
    expect(cal.id).toBe('part-time');
    expect(cal.name).toBe('Part time');
    expect(cal.workingTimesOn('2026-03-02')).toEqual(OFFICE);
    expect(cal.workingTimesOn('2026-03-06')).toEqual([{ from: '08:00', to: '12:00' }]);
  });

  it('uses its own working week for the days it overrides', () => {
    const cal = createWorkingCalendar(partTime, { calendars: [office] });
    expect(cal.isWorkingDay('2026-03-04')).toBe(false);
    // Tuesday 16:00–17:00, no Wednesday, Thursday 08:00–09:00.
    expect(cal.addWorkingMinutes('2026-03-03T16:00', 120)).toBe('2026-03-05T09:00');
    // Monday, Tuesday, Thursday 8 h each and Friday 4 h.
    expect(cal.workingMinutesBetween('2026-03-02T00:00', '2026-03-09T00:00')).toBe(1680);
  });

  it("inherits its base's holidays, even on a day whose hours it overrides", () => {
    const cal = createWorkingCalendar(partTime, { calendars: [office] });
    expect(cal.isWorkingDay('2026-05-01')).toBe(false);
  });

  it("lets its own exception override its base's holiday", () => {
    const cal = createWorkingCalendar(
      { ...partTime, exceptions: [{ name: 'Stand-by', from: '2026-05-01', times: [{ from: '10:00', to: '14:00' }] }] },
      { calendars: [office] },
    );
    expect(cal.workingTimesOn('2026-05-01')).toEqual([{ from: '10:00', to: '14:00' }]);
  });

  it('inherits through a chain of bases', () => {
    const intern: CalendarInput = { id: 'intern', name: 'Intern', base: 'part-time', week: { mon: [] } };
    const cal = createWorkingCalendar(intern, { calendars: [office, partTime] });
    expect(cal.isWorkingDay('2026-03-02')).toBe(false);
    expect(cal.isWorkingDay('2026-03-04')).toBe(false);
    expect(cal.workingTimesOn('2026-03-03')).toEqual(OFFICE);
    expect(cal.isWorkingDay('2026-05-01')).toBe(false);
  });
});

describe('work weeks for a date range', () => {
  const summer = createWorkingCalendar(
    standardWith([{ name: 'Team day', from: '2026-07-17' }], {
      workWeeks: [{ name: 'Summer Fridays', from: '2026-07-06', to: '2026-08-28', week: { fri: [{ from: '08:00', to: '12:00' }] } }],
    }),
  );

  it('uses the range\'s hours on the days it defines, both ends of the range included', () => {
    expect(summer.workingTimesOn('2026-07-10')).toEqual([{ from: '08:00', to: '12:00' }]);
    expect(summer.workingTimesOn('2026-08-28')).toEqual([{ from: '08:00', to: '12:00' }]);
    // 4 h on the short Friday, then one more hour on Monday.
    expect(summer.addWorkingMinutes('2026-07-10T08:00', 300)).toBe('2026-07-13T09:00');
  });

  it("falls back to the calendar's own week for days the range leaves out and outside the range", () => {
    expect(summer.workingTimesOn('2026-07-06')).toEqual(OFFICE);
    expect(summer.workingTimesOn('2026-07-03')).toEqual(OFFICE);
    expect(summer.workingTimesOn('2026-09-04')).toEqual(OFFICE);
  });

  it('lets an exception override the work week', () => {
    expect(summer.isWorkingDay('2026-07-17')).toBe(false);
  });
});

describe('the 24 Hours calendar', () => {
  const allDay = createWorkingCalendar(TWENTY_FOUR_HOUR_CALENDAR);

  it('works every minute, weekends included', () => {
    expect(allDay.addWorkingMinutes('2026-03-06T22:00', 600)).toBe('2026-03-07T08:00');
    expect(allDay.workingMinutesBetween('2026-03-07T00:00', '2026-03-09T00:00')).toBe(2880);
    expect(allDay.nextWorkingStart('2026-03-08T03:00')).toBe('2026-03-08T03:00');
    expect(allDay.workingTimesOn('2026-03-08')).toEqual([{ from: '00:00', to: '24:00' }]);
  });

  it('ends a 24-hour duration at midnight and takes it back to the midnight before', () => {
    expect(allDay.addWorkingMinutes('2026-03-02T00:00', 1440)).toBe('2026-03-03T00:00');
    expect(allDay.addWorkingMinutes('2026-03-03T00:00', -1440)).toBe('2026-03-02T00:00');
  });
});

describe('the Night Shift calendar', () => {
  const night = createWorkingCalendar(NIGHT_SHIFT_CALENDAR);

  it('starts the week on Monday at 23:00', () => {
    expect(night.nextWorkingStart('2026-03-02T08:00')).toBe('2026-03-02T23:00');
    expect(night.isWorkingDay('2026-03-01')).toBe(false);
    expect(night.isWorkingDay('2026-03-02')).toBe(true);
  });

  it('runs a night of 8 h from 23:00 to 08:00 with a break from 03:00 to 04:00', () => {
    expect(night.addWorkingMinutes('2026-03-02T23:00', 480)).toBe('2026-03-03T08:00');
    expect(night.addWorkingMinutes('2026-03-02T23:00', 240)).toBe('2026-03-03T03:00');
    expect(night.addWorkingMinutes('2026-03-02T23:00', 241)).toBe('2026-03-03T04:01');
  });

  it('works straight through midnight', () => {
    expect(night.addWorkingMinutes('2026-03-02T23:30', 60)).toBe('2026-03-03T00:30');
  });

  it('has 40 h in a week', () => {
    expect(night.workingMinutesBetween('2026-03-02T00:00', '2026-03-09T00:00')).toBe(2400);
  });

  it("ends Friday night's shift on Saturday 08:00 and resumes on Monday 23:00", () => {
    expect(night.addWorkingMinutes('2026-03-06T23:00', 480)).toBe('2026-03-07T08:00');
    expect(night.addWorkingMinutes('2026-03-06T23:00', 481)).toBe('2026-03-09T23:01');
    expect(night.previousWorkingEnd('2026-03-08T12:00')).toBe('2026-03-07T08:00');
  });
});

describe('month and year ends', () => {
  it('carries work from the last day of a month into the first of the next', () => {
    expect(standard.addWorkingMinutes('2026-03-31T16:00', 120)).toBe('2026-04-01T09:00');
    expect(standard.addWorkingMinutes('2026-02-27T16:00', 120)).toBe('2026-03-02T09:00');
  });

  it('carries work over New Year, and around a New Year holiday', () => {
    expect(standard.addWorkingMinutes('2026-12-31T16:00', 120)).toBe('2027-01-01T09:00');
    expect(standard.addWorkingMinutes('2027-01-04T09:00', -120)).toBe('2027-01-01T16:00');
    expect(standard.workingMinutesBetween('2026-12-31T08:00', '2027-01-01T17:00')).toBe(960);
    const cal = createWorkingCalendar(standardWith([{ name: "New Year's Day", from: '2027-01-01' }]));
    expect(cal.addWorkingMinutes('2026-12-31T16:00', 120)).toBe('2027-01-04T09:00');
    expect(cal.addWorkingMinutes('2027-01-04T09:00', -120)).toBe('2026-12-31T16:00');
  });

  it('knows 29 February 2028 and that 2026 has none', () => {
    expect(standard.addWorkingMinutes('2028-02-28T17:00', 480)).toBe('2028-02-29T17:00');
    expect(standard.workingDays('2026-02-26', '2026-03-03')).toEqual(['2026-02-26', '2026-02-27', '2026-03-02', '2026-03-03']);
    thrown('VALIDATION', () => standard.addWorkingMinutes('2026-02-29T08:00', 60));
  });
});

describe('daylight-saving weekends (local wall-clock time, no zones)', () => {
  const everyDay = createWorkingCalendar({
    id: 'every-day',
    name: 'Every day',
    week: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE, sat: OFFICE, sun: OFFICE },
  });
  const allDay = createWorkingCalendar(TWENTY_FOUR_HOUR_CALENDAR);

  it('keeps a working day at 8 h on the Sundays clocks change in the US and the EU', () => {
    for (const sunday of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
      expect(everyDay.workingMinutesBetween(`${sunday}T08:00`, `${sunday}T17:00`)).toBe(480);
      expect(allDay.workingMinutesBetween(`${sunday}T00:00`, `${sunday}T23:59`)).toBe(1439);
    }
  });

  it('carries Friday work over the US spring-forward weekend without losing an hour', () => {
    expect(standard.addWorkingMinutes('2026-03-06T16:00', 120)).toBe('2026-03-09T09:00');
    expect(standard.workingMinutesBetween('2026-03-06T08:00', '2026-03-09T17:00')).toBe(960);
    expect(standard.workingMinutesBetween('2026-03-27T08:00', '2026-03-30T17:00')).toBe(960);
  });

  describe('on a host whose own time zone observes daylight saving', () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'America/New_York';
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('gives the same answers as anywhere else', () => {
      const cal = createWorkingCalendar(TWENTY_FOUR_HOUR_CALENDAR);
      expect(cal.workingMinutesBetween('2026-03-08T00:00', '2026-03-09T00:00')).toBe(1440);
      expect(cal.addWorkingMinutes('2026-03-08T01:00', 120)).toBe('2026-03-08T03:00');
      expect(createWorkingCalendar(STANDARD_CALENDAR).addWorkingMinutes('2026-03-06T16:00', 120)).toBe('2026-03-09T09:00');
    });
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working minutes', () => {
    expect(standard.workingMinutesBetween('2026-03-02T08:00', '2026-03-02T17:00')).toBe(480);
    expect(standard.workingMinutesBetween('2026-03-02T11:00', '2026-03-02T14:00')).toBe(120);
    expect(standard.workingMinutesBetween('2026-03-02T12:00', '2026-03-02T13:00')).toBe(0);
    expect(standard.workingMinutesBetween('2026-03-07T00:00', '2026-03-08T23:59')).toBe(0);
    expect(standard.workingMinutesBetween('2026-03-01T12:00', '2026-03-07T12:00')).toBe(2400);
  });

  it('is negative when the second date is earlier', () => {
    expect(standard.workingMinutesBetween('2026-03-09T09:00', '2026-03-06T16:00')).toBe(-120);
    expect(standard.workingMinutesBetween('2026-03-09T08:00', '2026-03-02T08:00')).toBe(-2400);
  });

  it('is zero between a Friday finish and the following Monday start', () => {
    expect(standard.workingMinutesBetween('2026-03-06T17:00', '2026-03-09T08:00')).toBe(0);
  });
});

describe('nextWorkingStart and previousWorkingEnd', () => {
  it('keeps an instant that working time follows', () => {
    expect(standard.nextWorkingStart('2026-03-02T08:00')).toBe('2026-03-02T08:00');
    expect(standard.nextWorkingStart('2026-03-02T11:59')).toBe('2026-03-02T11:59');
    expect(standard.nextWorkingStart('2026-03-02T13:00')).toBe('2026-03-02T13:00');
  });

  it('moves an instant at or after the end of a period to the next period start', () => {
    expect(standard.nextWorkingStart('2026-03-02T07:00')).toBe('2026-03-02T08:00');
    expect(standard.nextWorkingStart('2026-03-02T12:00')).toBe('2026-03-02T13:00');
    expect(standard.nextWorkingStart('2026-03-02T17:00')).toBe('2026-03-03T08:00');
    expect(standard.nextWorkingStart('2026-03-06T17:00')).toBe('2026-03-09T08:00');
    expect(standard.nextWorkingStart('2026-03-07T12:00')).toBe('2026-03-09T08:00');
  });

  it('keeps an instant that working time precedes', () => {
    expect(standard.previousWorkingEnd('2026-03-02T17:00')).toBe('2026-03-02T17:00');
    expect(standard.previousWorkingEnd('2026-03-02T12:00')).toBe('2026-03-02T12:00');
    expect(standard.previousWorkingEnd('2026-03-02T10:00')).toBe('2026-03-02T10:00');
  });

  it('moves an instant at or before the start of a period back to the previous period end', () => {
    expect(standard.previousWorkingEnd('2026-03-09T08:00')).toBe('2026-03-06T17:00');
    expect(standard.previousWorkingEnd('2026-03-02T13:00')).toBe('2026-03-02T12:00');
    expect(standard.previousWorkingEnd('2026-03-02T12:30')).toBe('2026-03-02T12:00');
    expect(standard.previousWorkingEnd('2026-03-02T08:00')).toBe('2026-02-27T17:00');
    expect(standard.previousWorkingEnd('2026-03-08T12:00')).toBe('2026-03-06T17:00');
  });
});

describe('workingDays and isWorkingDay', () => {
  it('lists the working days of a range, both ends included', () => {
    expect(standard.workingDays('2026-03-01', '2026-03-10')).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(standard.workingDays('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
  });

  it('is empty for a weekend and for a range that ends before it starts', () => {
    expect(standard.workingDays('2026-03-07', '2026-03-08')).toEqual([]);
    expect(standard.workingDays('2026-03-10', '2026-03-02')).toEqual([]);
  });

  it('tells working days from weekend days', () => {
    expect(standard.isWorkingDay('2026-03-02')).toBe(true);
    expect(standard.isWorkingDay('2026-03-07')).toBe(false);
    expect(standard.isWorkingDay('2026-03-08')).toBe(false);
  });

  it('refuses anything but a YYYY-MM-DD date, naming the argument', () => {
    expect(issuePaths(thrown('VALIDATION', () => standard.isWorkingDay('2026-03-02T08:00')))).toEqual([['date']]);
    expect(issuePaths(thrown('VALIDATION', () => standard.workingDays('2026-3-1', '2026-03-10')))).toEqual([['fromDate']]);
    expect(issuePaths(thrown('VALIDATION', () => standard.workingDays('2026-03-01', '2026-02-30')))).toEqual([['toDate']]);
  });
});

describe('invalid calendars and inputs', () => {
  it('reports an unknown base calendar as NOT_FOUND, naming it', () => {
    const error = thrown('NOT_FOUND', () => createWorkingCalendar({ id: 'team', name: 'Team', base: 'missing' }));
    expect(error.details.ids).toEqual(['missing']);
  });

  it('reports calendars that derive from each other in a loop as a CYCLE, in order', () => {
    const a: CalendarInput = { id: 'a', name: 'A', base: 'b' };
    const b: CalendarInput = { id: 'b', name: 'B', base: 'c' };
    const c: CalendarInput = { id: 'c', name: 'C', base: 'a' };
    expect(thrown('CYCLE', () => createWorkingCalendar(a, { calendars: [b, c] })).details.cycle).toEqual(['a', 'b', 'c', 'a']);
    expect(thrown('CYCLE', () => createWorkingCalendar({ ...a, base: 'b' }, { calendars: [{ ...b, base: 'a' }] })).details.cycle).toEqual([
      'a',
      'b',
      'a',
    ]);
    expect(thrown('CYCLE', () => createWorkingCalendar({ ...a, base: 'a' })).details.cycle).toEqual(['a', 'a']);
  });

  it('refuses malformed date-times, naming the argument', () => {
    for (const bad of ['2026-02-30T08:00', '2026-03-02 08:00', '2026-03-02T25:00', '2026-13-01T08:00', 'tomorrow']) {
      expect(issuePaths(thrown('VALIDATION', () => standard.addWorkingMinutes(bad, 60)))).toEqual([['at']]);
    }
    expect(issuePaths(thrown('VALIDATION', () => standard.workingMinutesBetween('x', '2026-03-02T08:00')))).toEqual([['from']]);
    expect(issuePaths(thrown('VALIDATION', () => standard.workingMinutesBetween('2026-03-02T08:00', '2026-03-02T8:00')))).toEqual([['to']]);
    expect(issuePaths(thrown('VALIDATION', () => standard.nextWorkingStart('')))).toEqual([['at']]);
    expect(issuePaths(thrown('VALIDATION', () => standard.previousWorkingEnd('2026-03-32T08:00')))).toEqual([['at']]);
  });

  it('refuses a malformed calendar, naming the field', () => {
    const backwards = thrown('VALIDATION', () => createWorkingCalendar(standardWith([{ from: '2026-04-06', to: '2026-04-03' }])));
    expect(issuePaths(backwards)).toEqual([['exceptions', 0, 'to']]);
    const inverted = thrown('VALIDATION', () => createWorkingCalendar({ id: 'x', name: 'X', week: { mon: [{ from: '17:00', to: '08:00' }] } }));
    expect(issuePaths(inverted)).toEqual([['week', 'mon', 0, 'to']]);
    const overlapping = thrown('VALIDATION', () =>
      createWorkingCalendar({ id: 'x', name: 'X', week: { mon: [{ from: '08:00', to: '13:00' }, { from: '12:00', to: '17:00' }] } }),
    );
    expect(issuePaths(overlapping)).toEqual([['week', 'mon']]);
  });

  it('refuses to add time on a calendar with no working time at all, but still answers questions about days', () => {
    const closed = createWorkingCalendar({ id: 'closed', name: 'Closed' });
    const error = thrown('VALIDATION', () => closed.addWorkingMinutes('2026-03-02T08:00', 60));
    expect(error.details.ids).toEqual(['closed']);
    thrown('VALIDATION', () => closed.nextWorkingStart('2026-03-02T08:00'));
    expect(closed.isWorkingDay('2026-03-02')).toBe(false);
    expect(closed.workingMinutesBetween('2026-03-02T08:00', '2026-03-09T08:00')).toBe(0);
  });
});
