import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NIGHT_SHIFT_CALENDAR, STANDARD_CALENDAR, TWENTY_FOUR_HOUR_CALENDAR } from '../../src/calendar/standardCalendars.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../src/calendar/workingCalendar.js';
import { localDateTime } from '../_support/arbitraries.js';

// Laws of working-time arithmetic that hold on any calendar, checked on the Standard, Night Shift
// and 24 Hours calendars and on a Standard calendar with holidays, a short day and a working Saturday.
const calendars: [string, WorkingCalendar][] = [
  ['Standard', createWorkingCalendar(STANDARD_CALENDAR)],
  ['Night Shift', createWorkingCalendar(NIGHT_SHIFT_CALENDAR)],
  ['24 Hours', createWorkingCalendar(TWENTY_FOUR_HOUR_CALENDAR)],
  [
    'Standard with exceptions',
    createWorkingCalendar({
      ...STANDARD_CALENDAR,
      id: 'office',
      exceptions: [
        { from: '2026-10-01', to: '2026-10-07' },
        { from: '2026-12-24', times: [{ from: '09:00', to: '12:00' }] },
        { from: '2027-01-09', times: [{ from: '10:00', to: '15:00' }] },
        { from: '2026-01-01', to: '2028-12-31', recurrence: { type: 'yearlyDate', month: 5, day: 1 } },
      ],
    }),
  ],
];

const instants = localDateTime('2025-06-01T00:00', '2027-06-30T23:59');
const amounts = fc.integer({ min: 1, max: 480 * 60 });

describe.each(calendars)('working-time arithmetic on the %s calendar', (_, cal) => {
  it('adds exactly the working minutes asked for, in either direction', () => {
    fc.assert(
      fc.property(instants, amounts, (at, minutes) => {
        expect(cal.workingMinutesBetween(at, cal.addWorkingMinutes(at, minutes))).toBe(minutes);
        expect(cal.workingMinutesBetween(at, cal.addWorkingMinutes(at, -minutes))).toBe(-minutes);
      }),
    );
  });

  it('gives a finish when adding and a start when subtracting', () => {
    fc.assert(
      fc.property(instants, amounts, (at, minutes) => {
        const finish = cal.addWorkingMinutes(at, minutes);
        expect(cal.previousWorkingEnd(finish)).toBe(finish);
        const start = cal.addWorkingMinutes(at, -minutes);
        expect(cal.nextWorkingStart(start)).toBe(start);
      }),
    );
  });

  it('comes back to the next working start when the same amount is added and taken away', () => {
    fc.assert(
      fc.property(instants, amounts, (at, minutes) => {
        expect(cal.addWorkingMinutes(cal.addWorkingMinutes(at, minutes), -minutes)).toBe(cal.nextWorkingStart(at));
        expect(cal.addWorkingMinutes(cal.addWorkingMinutes(at, -minutes), minutes)).toBe(cal.previousWorkingEnd(at));
      }),
    );
  });

  it('counts working minutes additively and with a sign', () => {
    fc.assert(
      fc.property(instants, instants, instants, (a, b, c) => {
        expect(cal.workingMinutesBetween(a, b) + cal.workingMinutesBetween(b, a)).toBe(0);
        expect(cal.workingMinutesBetween(a, b) + cal.workingMinutesBetween(b, c)).toBe(cal.workingMinutesBetween(a, c));
      }),
    );
  });

  it('moves an instant to working time without skipping any', () => {
    fc.assert(
      fc.property(instants, (at) => {
        const next = cal.nextWorkingStart(at);
        const previous = cal.previousWorkingEnd(at);
        expect(next >= at).toBe(true);
        expect(previous <= at).toBe(true);
        expect(cal.workingMinutesBetween(at, next)).toBe(0);
        expect(cal.workingMinutesBetween(previous, at)).toBe(0);
      }),
    );
  });
});
