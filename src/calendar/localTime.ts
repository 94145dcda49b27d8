/**
 * Local wall-clock time as integer minutes since 1970-01-01T00:00, with no time zone.
 *
 * Scheduling runs in the calendar's local time, as Microsoft Project does: a working day of
 * 08:00–17:00 is eight hours on the day clocks change too, and no daylight-saving shift can move a
 * task by an hour. Zones belong at the edges of an application, not in the schedule.
 */

import { CampaignKitError, type ErrorIssue } from '../core/errors.js';
import { localDateTimeMinutes, SUPPORTED_MINUTES } from '../model/primitives.js';

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** The first and last minute of the supported dates, 1900-01-01T00:00 and 9999-12-31T23:59. */
export const FIRST_MINUTE = SUPPORTED_MINUTES.first;
export const LAST_MINUTE = SUPPORTED_MINUTES.last;

/** Whether local minutes `t` lie within the supported dates (false for `NaN`). */
export function isSupportedTime(t: number): boolean {
  return t >= FIRST_MINUTE && t <= LAST_MINUTE;
}

/**
 * The `VALIDATION` error for a result that would fall outside the supported dates: `what` says
 * which result and why, `path` and `ids` locate the input that leads there.
 */
export function outsideSupportedDates(what: string, t: number, path: ErrorIssue['path'], ids: readonly string[] = []): CampaignKitError {
  const when = !Number.isFinite(t) ? '' : ` (${formatLocal(t)})`;
  const side = t < FIRST_MINUTE ? `before ${formatLocal(FIRST_MINUTE)}, the first` : `after ${formatLocal(LAST_MINUTE)}, the last`;
  const message = `${what} would fall ${side} date-time campaignkit supports${when}`;
  return new CampaignKitError('VALIDATION', `${message}; shorten the durations or lags, or move the dates`, {
    details: { issues: [{ path, message, code: 'out_of_range' }], ids },
  });
}

/**
 * Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]` (seconds dropped, `24:00` the end of the day) to
 * local minutes; `NaN` when malformed, not a real date or outside the years 1900–9999.
 */
export const parseLocal: (text: unknown) => number = localDateTimeMinutes;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats local minutes as `YYYY-MM-DDTHH:mm`. */
export function formatLocal(minutes: number): string {
  const d = new Date(minutes * 60000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** Formats a day number (days since 1970-01-01) as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return formatLocal(day * MINUTES_PER_DAY).slice(0, 10);
}

/** The day number (days since 1970-01-01) of a `YYYY-MM-DD` date; `NaN` when malformed. */
export function parseDay(text: unknown): number {
  return typeof text === 'string' ? Math.floor(parseLocal(text.slice(0, 10)) / MINUTES_PER_DAY) : Number.NaN;
}

/** Day number of an instant. */
export function dayOf(minutes: number): number {
  return Math.floor(minutes / MINUTES_PER_DAY);
}

/** ISO weekday index of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** `{ year, month (1–12), day }` of a day number. */
export function dateParts(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day number of a calendar date; the month may overflow (13 = January next year). */
export function dayFromParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes after midnight of a `HH:mm` clock time (`24:00` → 1440). */
export function parseTimeOfDay(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}
