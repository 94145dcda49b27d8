/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, private to the KPI engine. Dates are counted as
 * whole days since 1970-01-01 in UTC, so no time zone or daylight-saving change can move a day.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** The day before the same day-of-month `months` later, clamped to short months (e.g. Jan 31 + 1 → Feb 28). */
export function lastDayOfMonthsFrom(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(day, lastOfTarget));
  return dateOfDay(Math.round(target / MS_PER_DAY) - 1);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week of a date: its key (`2026-W10`), Monday and Sunday. */
export function isoWeek(date: string): { key: string; start: string; end: string } {
  const monday = dayNumber(date) - (isoWeekday(date) - 1);
  // The week belongs to the year of its Thursday.
  const thursday = dateOfDay(monday + 3);
  const year = thursday.slice(0, 4);
  const firstThursdayOfYear = dayNumber(`${year}-01-04`) - (isoWeekday(`${year}-01-04`) - 4);
  const week = (dayNumber(thursday) - firstThursdayOfYear) / 7 + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start: dateOfDay(monday), end: dateOfDay(monday + 6) };
}

/** The calendar month of a date: its key (`2026-03`), first and last day. */
export function calendarMonth(date: string): { key: string; start: string; end: string } {
  const start = `${date.slice(0, 7)}-01`;
  return { key: date.slice(0, 7), start, end: lastDayOfMonthsFrom(start, 1) };
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
