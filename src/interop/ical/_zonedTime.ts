import { formatDay, parseDay, parseLocal } from '../../calendar/localTime.js';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (epoch milliseconds) of a local wall-clock time in a zone. A time that occurs twice
 * (the hour repeated when clocks go back) is the earlier one; a time that never occurs (skipped when
 * clocks go forward) moves forward by the gap, so 02:30 on a spring-forward night is 03:30. These
 * are the rules of Temporal's `compatible` disambiguation and of most calendar clients.
 */
export function localToInstant(local: string, timeZone: string): number {
  const wall = parseLocal(local) * 60_000;
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((instant) => instant + offsetAt(instant, timeZone) === wall);
  return fits.length > 0 ? Math.min(...fits) : wall - before;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An instant as an iCalendar UTC DATE-TIME `YYYYMMDDTHHMMSSZ`; `undefined` outside the years 0000–9999. */
export function utcDateTime(instant: number): string | undefined {
  const d = new Date(instant);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  return `${pad(year, 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The date part of a local date or date-time as an iCalendar DATE `YYYYMMDD`. */
export function icalDate(local: string): string {
  return local.slice(0, 10).replace(/-/g, '');
}

/** The local date `days` after the date part of `local`, as `YYYY-MM-DD`; `undefined` after 9999-12-31. */
export function addDays(local: string, days: number): string | undefined {
  const day = formatDay(parseDay(local) + days);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}
