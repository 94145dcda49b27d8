import { STANDARD_CALENDAR } from '../../calendar/standardCalendars.js';
import type { CalendarException, CalendarInput, Recurrence, WorkWeek } from '../../model/calendar.js';
import { EXCEPTION_TYPES, MONTH_ITEMS, MONTH_POSITIONS, WEEKDAYS_BY_DAY_TYPE } from './_codes.js';
import { child, children, text, type XmlNode } from './_xml.js';
import type { MspdiWarning } from './mspdiWarning.js';

const localDate = (value: string | undefined): string | undefined => (value === undefined ? undefined : value.slice(0, 10));
const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

function clock(value: string | undefined): string {
  const hhmm = (value ?? '00:00').slice(0, 5);
  return hhmm;
}

function workingTimes(node: XmlNode | undefined): { from: string; to: string }[] {
  return children(child(node, 'WorkingTimes'), 'WorkingTime')
    .map((t) => ({ from: clock(text(t, 'FromTime')), to: clock(text(t, 'ToTime')) }))
    .map((t) => ({ from: t.from, to: t.to === '00:00' ? '24:00' : t.to }))
    .filter((t) => t.from !== t.to);
}

function weekOf(weekDays: readonly XmlNode[]): WorkWeek {
  const week: Record<string, { from: string; to: string }[]> = {};
  for (const day of weekDays) {
    const type = num(text(day, 'DayType')) ?? 0;
    if (type < 1 || type > 7) continue;
    week[WEEKDAYS_BY_DAY_TYPE[type - 1] as string] = text(day, 'DayWorking') === '1' ? workingTimes(day) : [];
  }
  return week as WorkWeek;
}

function recurrenceOf(ex: XmlNode): Recurrence | undefined {
  const type = num(text(ex, 'Type')) ?? EXCEPTION_TYPES.daily;
  const every = num(text(ex, 'Period')) ?? 1;
  const monthItem = MONTH_ITEMS[num(text(ex, 'MonthItem')) ?? 0] ?? 'day';
  const week = MONTH_POSITIONS[num(text(ex, 'MonthPosition')) ?? 0] ?? 'first';
  // MSPDI months are 0-based.
  const month = (num(text(ex, 'Month')) ?? 0) + 1;
  const day = num(text(ex, 'MonthDay')) ?? 1;
  switch (type) {
    case EXCEPTION_TYPES.dailyEvery:
      return { type: 'daily', every };
    case EXCEPTION_TYPES.weekly: {
      const mask = num(text(ex, 'DaysOfWeek')) ?? 0;
      const days = WEEKDAYS_BY_DAY_TYPE.filter((_, i) => (mask & (1 << i)) !== 0);
      return days.length > 0 ? { type: 'weekly', every, days } : undefined;
    }
    case EXCEPTION_TYPES.monthlyWeekday:
      return { type: 'monthlyWeekday', every, week, weekday: monthItem };
    case EXCEPTION_TYPES.monthlyDate:
      return { type: 'monthlyDate', every, day };
    case EXCEPTION_TYPES.yearlyWeekday:
      return { type: 'yearlyWeekday', month, week, weekday: monthItem };
    case EXCEPTION_TYPES.yearlyDate:
      return { type: 'yearlyDate', month, day };
    default:
      // Type 1: every day of the range.
      return undefined;
  }
}

function exceptionsOf(calendar: XmlNode): CalendarException[] {
  const modern = children(child(calendar, 'Exceptions'), 'Exception');
  if (modern.length > 0) {
    return modern.flatMap((ex): CalendarException[] => {
      const period = child(ex, 'TimePeriod');
      const from = localDate(text(period, 'FromDate'));
      const to = localDate(text(period, 'ToDate'));
      if (from === undefined) return [];
      const recurrence = recurrenceOf(ex);
      const times = text(ex, 'DayWorking') === '1' ? workingTimes(ex) : [];
      const occurrences = recurrence ? num(text(ex, 'Occurrences')) : undefined;
      const name = text(ex, 'Name');
      return [{ from, to: to ?? from, times, ...(name ? { name } : {}), ...(recurrence ? { recurrence } : {}), ...(occurrences ? { occurrences } : {}) }];
    });
  }
  // Files from Project 2003 and earlier list exceptions as WeekDay entries of DayType 0.
  return children(child(calendar, 'WeekDays'), 'WeekDay')
    .filter((d) => text(d, 'DayType') === '0')
    .flatMap((d): CalendarException[] => {
      const period = child(d, 'TimePeriod');
      const from = localDate(text(period, 'FromDate'));
      if (from === undefined) return [];
      return [{ from, to: localDate(text(period, 'ToDate')) ?? from, times: text(d, 'DayWorking') === '1' ? workingTimes(d) : [] }];
    });
}

/** Reads one MSPDI calendar: its week, work weeks and (recurring) exceptions. */
function calendarOf(node: XmlNode): CalendarInput {
  const id = text(node, 'UID') ?? '';
  const baseUid = text(node, 'BaseCalendarUID');
  const isBase = text(node, 'IsBaseCalendar') === '1';
  const workWeeks = children(child(node, 'WorkWeeks'), 'WorkWeek').flatMap((w) => {
    const period = child(w, 'TimePeriod');
    const from = localDate(text(period, 'FromDate'));
    const to = localDate(text(period, 'ToDate'));
    if (from === undefined || to === undefined) return [];
    const name = text(w, 'Name');
    return [{ from, to, week: weekOf(children(child(w, 'WeekDays'), 'WeekDay')), ...(name ? { name } : {}) }];
  });
  return {
    id,
    name: text(node, 'Name') ?? `Calendar ${id}`,
    ...(!isBase && baseUid !== undefined && baseUid !== '-1' ? { base: baseUid } : {}),
    week: weekOf(children(child(node, 'WeekDays'), 'WeekDay')),
    workWeeks,
    exceptions: exceptionsOf(node),
  };
}

/**
 * Reads the calendars of an MSPDI file. A calendar whose base calendar is not in the file derives
 * from Standard instead (the days it leaves out get Standard's hours), with a `MISSING_CALENDAR`
 * warning.
 */
export function calendarsOf(nodes: readonly XmlNode[], warn: (warning: MspdiWarning) => void): CalendarInput[] {
  const calendars = nodes.map(calendarOf);
  const ids = new Set(calendars.map((c) => c.id));
  return calendars.map((calendar, i) => {
    const { base, ...rest } = calendar;
    if (base === undefined || ids.has(base)) return calendar;
    warn({
      code: 'MISSING_CALENDAR',
      message: `Calendar UID ${calendar.id} derives from calendar UID ${base}, which is not in the file; it derives from Standard instead`,
      uid: calendar.id,
      path: `Project/Calendars/Calendar[${i + 1}]/BaseCalendarUID`,
    });
    return { ...rest, week: { ...STANDARD_CALENDAR.week, ...rest.week } };
  });
}
