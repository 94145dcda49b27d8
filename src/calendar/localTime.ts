/**
 * Local wall-clock time as integer minutes since 1970-01-01T00:00, with no time zone.
 *
 * Scheduling runs in the calendar's local time, as Microsoft Project does: a working day of
 * 08:00–17:00 is eight hours on the day clocks change too, and no daylight-saving shift can move a
 * task by an hour. Zones belong at the edges of an application, not in the schedule.
 */

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]` to local minutes; `NaN` when malformed. */
export function parseLocal(text: string): number {
  const m = LOCAL.exec(text);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return Number.NaN;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls 2026-02-30 over to March; a rolled date is not the date the caller meant.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return Number.NaN;
  return ms / 60000;
}

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
export function parseDay(text: string): number {
  return Math.floor(parseLocal(text.slice(0, 10)) / MINUTES_PER_DAY);
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
