import { parseLocal } from '../../../calendar/localTime.js';

/**
 * Local wall-clock dates for the components. campaignkit's dates carry no time zone; each component
 * wants them in its own form, and those that take `Date` objects must get the same wall-clock time
 * in whatever zone the browser runs (never `Date.parse`, which reads some forms as UTC and differs
 * between engines).
 */

/** The wall-clock fields of a local date-time the view's schema has accepted. */
export interface LocalParts {
  /** Four-digit year. */
  readonly year: number;
  /** Month 1–12. */
  readonly month: number;
  /** Day of the month 1–31. */
  readonly day: number;
  /** Hour 0–23. */
  readonly hour: number;
  /** Minute 0–59. */
  readonly minute: number;
}

/** Splits `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]` into its wall-clock fields (seconds are dropped, as the scheduler drops them). */
export function localParts(text: string): LocalParts {
  // parseLocal counts wall-clock minutes as if on UTC, so the UTC getters give back the fields.
  const d = new Date(parseLocal(text) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/**
 * The `Date` at this wall-clock time in the running environment's zone. A time that a daylight-saving
 * change skips (02:30 on the spring-forward night) comes out as the engine's local constructor makes
 * it, an hour later.
 */
export function toLocalDate(text: string): Date {
  const p = localParts(text);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute);
}

/** Two digits. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD HH:mm`, the form frappe-gantt reads. */
export function spaceSeparated(p: LocalParts): string {
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}
