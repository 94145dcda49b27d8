import type { CalendarInput } from '../model/calendar.js';

const OFFICE_DAY = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

/**
 * Microsoft Project's "Standard" calendar: Monday to Friday, 08:00–12:00 and 13:00–17:00
 * (8 h a day, 40 h a week). The default project calendar.
 */
export const STANDARD_CALENDAR: CalendarInput = Object.freeze({
  id: 'standard',
  name: 'Standard',
  week: { mon: OFFICE_DAY, tue: OFFICE_DAY, wed: OFFICE_DAY, thu: OFFICE_DAY, fri: OFFICE_DAY, sat: [], sun: [] },
});

const ALL_DAY = [{ from: '00:00', to: '24:00' }];

/** Microsoft Project's "24 Hours" calendar: every minute of every day is working time. */
export const TWENTY_FOUR_HOUR_CALENDAR: CalendarInput = Object.freeze({
  id: '24-hours',
  name: '24 Hours',
  week: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
});

/**
 * Microsoft Project's "Night Shift" calendar: Monday 23:00 to Saturday 08:00 with a break 03:00–04:00
 * (8 h a night, 40 h a week).
 */
export const NIGHT_SHIFT_CALENDAR: CalendarInput = Object.freeze({
  id: 'night-shift',
  name: 'Night Shift',
  week: {
    sun: [],
    mon: [{ from: '23:00', to: '24:00' }],
    tue: [{ from: '00:00', to: '03:00' }, { from: '04:00', to: '08:00' }, { from: '23:00', to: '24:00' }],
    wed: [{ from: '00:00', to: '03:00' }, { from: '04:00', to: '08:00' }, { from: '23:00', to: '24:00' }],
    thu: [{ from: '00:00', to: '03:00' }, { from: '04:00', to: '08:00' }, { from: '23:00', to: '24:00' }],
    fri: [{ from: '00:00', to: '03:00' }, { from: '04:00', to: '08:00' }, { from: '23:00', to: '24:00' }],
    sat: [{ from: '00:00', to: '03:00' }, { from: '04:00', to: '08:00' }],
  },
});
