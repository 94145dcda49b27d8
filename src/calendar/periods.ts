import { formatDay, parseDay } from './localTime.js';

/**
 * Reporting periods of calendar dates (`YYYY-MM-DD`): days, ISO 8601 weeks and months. Dates are
 * whole day numbers, so neither the host's time zone nor a daylight-saving change can move a day
 * into a neighbouring week or month.
 */

/** The size of a reporting period. */
export type PeriodUnit = 'day' | 'week' | 'month';

/** One calendar period: its key (`2026-03-02`, `2026-W10`, `2026-03`) and first and last day. */
export interface Period {
  /** `YYYY-MM-DD` for a day, `YYYY-Www` for an ISO week, `YYYY-MM` for a month. */
  readonly key: string;
  /** First day. */
  readonly start: string;
  /** Last day. */
  readonly end: string;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: string, days: number): string {
  return formatDay(parseDay(date) + days);
}

/** The ISO 8601 week holding `date`: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): Period {
  const day = parseDay(date);
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  const thursday = formatDay(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((monday + 3 - parseDay(`${year}-01-01`)) / 7) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start: formatDay(monday), end: formatDay(monday + 6) };
}

/** The calendar month holding `date`. */
export function calendarMonth(date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { key: date.slice(0, 7), start: `${date.slice(0, 7)}-01`, end: formatDay(Date.UTC(year, month, 0) / 86_400_000) };
}

/** The period of `unit` that holds `date`. */
export function periodOf(date: string, unit: PeriodUnit): Period {
  if (unit === 'week') return isoWeek(date);
  if (unit === 'month') return calendarMonth(date);
  return { key: date, start: date, end: date };
}

/** Every period of `unit` from the one holding `first` to the one holding `last`, in order. */
export function periodsBetween(first: string, last: string, unit: PeriodUnit): Period[] {
  const periods: Period[] = [];
  for (let p = periodOf(first, unit); p.start <= last; p = periodOf(addDays(p.end, 1), unit)) periods.push(p);
  return periods;
}
