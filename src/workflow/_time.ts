import * as z from 'zod';

/** An IANA time zone such as `Asia/Shanghai` or `UTC`, checked against the runtime's Intl data. */
export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Asia/Shanghai or UTC');

/**
 * The local wall-clock date-time `YYYY-MM-DDTHH:mm` of an instant in a time zone. Calendars and
 * task dates are local, while `now` and event times are instants; this is the one place they meet.
 */
export function localDateTime(instant: string | number, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A local date-time in the canonical `YYYY-MM-DDTHH:mm` form (a bare date means midnight; seconds are dropped). */
export function normalizeLocal(value: string): string {
  return value.length === 10 ? `${value}T00:00` : value.slice(0, 16);
}
