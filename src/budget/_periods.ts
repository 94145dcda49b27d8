/**
 * Calendar periods of ISO dates (`YYYY-MM-DD`), computed in UTC so the host's time zone can never
 * move a day into a neighbouring week or month.
 */

/** The size of a reporting period. */
export type PeriodUnit = 'day' | 'week' | 'month';

/** One calendar period: its key (`2026-03-02`, `2026-W10`, `2026-03`) and first and last day. */
export interface Period {
  readonly key: string;
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** ISO 8601 week: weeks start on Monday; week 1 is the week holding the year's first Thursday. */
function isoWeek(date: string): Period {
  const ms = toMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const monday = ms - weekday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start: fromMs(monday), end: fromMs(monday + 6 * DAY_MS) };
}

function month(date: string): Period {
  const year = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return { key: date.slice(0, 7), start: `${date.slice(0, 7)}-01`, end: fromMs(Date.UTC(year, m, 0)) };
}

/** The period of `unit` that holds `date`. */
export function periodOf(date: string, unit: PeriodUnit): Period {
  if (unit === 'week') return isoWeek(date);
  if (unit === 'month') return month(date);
  return { key: date, start: date, end: date };
}

/** Every period of `unit` from the one holding `first` to the one holding `last`, in order. */
export function periodsBetween(first: string, last: string, unit: PeriodUnit): Period[] {
  const periods: Period[] = [];
  for (let p = periodOf(first, unit); p.start <= last; p = periodOf(addDays(p.end, 1), unit)) periods.push(p);
  return periods;
}
