/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, private to the KPI engine. Dates are counted as
 * whole days since 1970-01-01 in UTC, so no time zone or daylight-saving change can move a day.
 */

import { formatDay } from '../calendar/localTime.js';

const MS_PER_DAY = 86_400_000;

/** The day before the same day-of-month `months` later, clamped to short months (e.g. Jan 31 + 1 → Feb 28). */
export function lastDayOfMonthsFrom(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(day, lastOfTarget));
  return formatDay(Math.round(target / MS_PER_DAY) - 1);
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Milliseconds since the epoch of an instant with offset, or of a local date-time read as UTC. A
 * bare date is its first millisecond, or its last with `endOfDay`.
 */
export function timeOf(value: string, endOfDay = false): number {
  if (BARE_DATE.test(value)) return Date.parse(`${value}T00:00:00Z`) + (endOfDay ? MS_PER_DAY - 1 : 0);
  return Date.parse(HAS_OFFSET.test(value) ? value : `${value}Z`);
}
