import type { CalendarException, CalendarInput, Recurrence, WorkWeek } from '../../model/calendar.js';
import { EXCEPTION_TYPES, MONTH_ITEMS, MONTH_POSITIONS, WEEKDAYS_BY_DAY_TYPE } from './_codes.js';
import type { XmlWriter } from './_xmlWriter.js';

function writeTimes(w: XmlWriter, times: readonly { from: string; to: string }[]): void {
  if (times.length === 0) return;
  w.open('WorkingTimes');
  for (const t of times) w.open('WorkingTime').leaf('FromTime', `${t.from}:00`).leaf('ToTime', `${t.to === '24:00' ? '00:00' : t.to}:00`).close('WorkingTime');
  w.close('WorkingTimes');
}

function writeWeek(w: XmlWriter, week: WorkWeek | undefined): void {
  w.open('WeekDays');
  WEEKDAYS_BY_DAY_TYPE.forEach((day, i) => {
    const times = week?.[day];
    if (times === undefined) return;
    w.open('WeekDay').leaf('DayType', i + 1).leaf('DayWorking', times.length > 0 ? 1 : 0);
    writeTimes(w, times);
    w.close('WeekDay');
  });
  w.close('WeekDays');
}

function writeRecurrence(w: XmlWriter, r: Recurrence | undefined): void {
  if (r === undefined) {
    w.leaf('Type', EXCEPTION_TYPES.daily);
    return;
  }
  const monthItem = (d: string) => MONTH_ITEMS.indexOf(d as (typeof MONTH_ITEMS)[number]);
  const position = (p: string) => MONTH_POSITIONS.indexOf(p as (typeof MONTH_POSITIONS)[number]);
  switch (r.type) {
    case 'daily':
      w.leaf('Type', EXCEPTION_TYPES.dailyEvery).leaf('Period', r.every ?? 1);
      break;
    case 'weekly':
      w.leaf('Type', EXCEPTION_TYPES.weekly).leaf('Period', r.every ?? 1);
      w.leaf('DaysOfWeek', r.days.reduce((mask, d) => mask | (1 << WEEKDAYS_BY_DAY_TYPE.indexOf(d)), 0));
      break;
    case 'monthlyWeekday':
      w.leaf('Type', EXCEPTION_TYPES.monthlyWeekday).leaf('Period', r.every ?? 1).leaf('MonthItem', monthItem(r.weekday)).leaf('MonthPosition', position(r.week));
      break;
    case 'monthlyDate':
      w.leaf('Type', EXCEPTION_TYPES.monthlyDate).leaf('Period', r.every ?? 1).leaf('MonthDay', r.day);
      break;
    case 'yearlyWeekday':
      w.leaf('Type', EXCEPTION_TYPES.yearlyWeekday).leaf('Month', r.month - 1).leaf('MonthItem', monthItem(r.weekday)).leaf('MonthPosition', position(r.week));
      break;
    case 'yearlyDate':
      w.leaf('Type', EXCEPTION_TYPES.yearlyDate).leaf('Month', r.month - 1).leaf('MonthDay', r.day);
      break;
  }
}

function writeException(w: XmlWriter, ex: CalendarException): void {
  const times = ex.times ?? [];
  w.open('Exception').leaf('EnteredByOccurrences', ex.occurrences === undefined ? 0 : 1);
  w.open('TimePeriod').leaf('FromDate', `${ex.from}T00:00:00`).leaf('ToDate', `${ex.to ?? ex.from}T23:59:00`).close('TimePeriod');
  w.leaf('Occurrences', ex.occurrences ?? 1).leaf('Name', ex.name);
  writeRecurrence(w, ex.recurrence);
  w.leaf('DayWorking', times.length > 0 ? 1 : 0);
  writeTimes(w, times);
  w.close('Exception');
}

/** Writes one calendar: its week, exceptions (with recurrence) and work weeks. */
export function writeCalendar(w: XmlWriter, calendar: CalendarInput, uid: Map<string, number>): void {
  w.open('Calendar').leaf('UID', uid.get(calendar.id)).leaf('Name', calendar.name);
  w.leaf('IsBaseCalendar', calendar.base === undefined ? 1 : 0).leaf('BaseCalendarUID', calendar.base === undefined ? -1 : uid.get(calendar.base));
  writeWeek(w, calendar.week ?? {});
  if ((calendar.exceptions ?? []).length > 0) {
    w.open('Exceptions');
    for (const ex of calendar.exceptions ?? []) writeException(w, ex);
    w.close('Exceptions');
  }
  if ((calendar.workWeeks ?? []).length > 0) {
    w.open('WorkWeeks');
    for (const ww of calendar.workWeeks ?? []) {
      w.open('WorkWeek').open('TimePeriod').leaf('FromDate', `${ww.from}T00:00:00`).leaf('ToDate', `${ww.to}T23:59:00`).close('TimePeriod').leaf('Name', ww.name);
      writeWeek(w, ww.week);
      w.close('WorkWeek');
    }
    w.close('WorkWeeks');
  }
  w.close('Calendar');
}
