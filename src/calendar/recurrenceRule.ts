import { CampaignKitError } from '../core/errors.js';
import * as z from 'zod';
import { invalidField, parseInput } from '../core/validate.js';
import { LocalDateTimeSchema } from '../model/primitives.js';
import { dateParts, dayFromParts, daysInMonth, formatDay, MINUTES_PER_DAY, parseLocal, weekdayOf } from './localTime.js';

/**
 * Recurrence rules as RFC 5545 writes them (`FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8`), the part a
 * recurring task needs: `FREQ` DAILY, WEEKLY or MONTHLY, `INTERVAL`, `COUNT` or `UNTIL` (one of
 * them: a series must end), `BYDAY` (weekdays for WEEKLY; weekdays with an optional ordinal such
 * as `1MO` or `-1FR` for MONTHLY), `BYMONTHDAY` (MONTHLY, negative counts from the month's end) and
 * `WKST`. Other parts are refused rather than ignored, so a rule never means less than it says.
 * Occurrences are local date-times at the start's time of day, in date order, the start first when
 * it matches the rule (RFC 5545 counts DTSTART as the first occurrence).
 */

/** Most occurrences one rule may produce. */
export const MAX_OCCURRENCES = 1000;

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST']);

/** A parsed recurrence rule. */
export interface RecurrenceRule {
  /** How often. */
  readonly freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  /** Every n-th period (default 1). */
  readonly interval: number;
  /** How many occurrences, when the rule counts them. */
  readonly count?: number;
  /**
   * The last moment an occurrence may start, `YYYY-MM-DDTHH:mm`, when the rule has an end: a bare
   * `UNTIL` date includes that whole day. A `Z` suffix is read as local time, as every schedule is.
   */
  readonly until?: string;
  /** Weekdays (0 = Monday), each with its ordinal in the month for MONTHLY (0 = every). */
  readonly byDay: readonly { readonly weekday: number; readonly ordinal: number }[];
  /** Days of the month (negative from its end). */
  readonly byMonthDay: readonly number[];
  /** The weekday weeks start on (0 = Monday, the default), for WEEKLY rules with an INTERVAL. */
  readonly weekStart: number;
}

// What a parsed rule holds, checked again when one arrives from outside parseRecurrenceRule.
const RecurrenceRuleSchema = z.object({
  freq: z.enum(['DAILY', 'WEEKLY', 'MONTHLY']),
  interval: z.int().min(1).max(366),
  count: z.int().min(1).max(MAX_OCCURRENCES).optional(),
  until: LocalDateTimeSchema.optional(),
  byDay: z.array(z.object({ weekday: z.int().min(0).max(6), ordinal: z.int().min(-5).max(5) })).max(100),
  byMonthDay: z.array(z.int().min(-31).max(31)).max(100),
  weekStart: z.int().min(0).max(6),
}).refine((r) => (r.count === undefined) !== (r.until === undefined), { message: 'a rule ends by count or by date, exactly one', path: ['count'] });

function bad(message: string): CampaignKitError {
  return invalidField('recurrence rule', ['rule'], message);
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = /^[+-]?\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) throw bad(`${name} must be a whole number from ${min} to ${max}, got '${text}'`);
  return value;
}

/**
 * Parses an RFC 5545 `RRULE` value (with or without the `RRULE:` prefix); `VALIDATION` naming the
 * part for anything it does not support or cannot read.
 *
 * @example
 * ```ts
 * parseRecurrenceRule('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8');
 * // { freq: 'WEEKLY', interval: 1, count: 8, byDay: [{ weekday: 0, ordinal: 0 }, { weekday: 2, ordinal: 0 }], byMonthDay: [], weekStart: 0 }
 * ```
 */
export function parseRecurrenceRule(text: string): RecurrenceRule {
  if (typeof text !== 'string' || text.length > 500) throw bad('expected an RRULE text of at most 500 characters');
  const body = text.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [name = '', value, ...rest] = part.split('=');
    const key = name.toUpperCase();
    if (value === undefined || rest.length > 0 || value === '') throw bad(`'${part}' is not NAME=VALUE`);
    if (!PARTS.has(key)) throw bad(`${key} is not supported; use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY or WKST`);
    if (parts.has(key)) throw bad(`${key} appears twice`);
    parts.set(key, value.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') throw bad(`FREQ must be DAILY, WEEKLY or MONTHLY, got '${freq ?? ''}'`);
  const interval = parts.has('INTERVAL') ? integer(parts.get('INTERVAL') ?? '', 'INTERVAL', 1, 366) : 1;
  const countText = parts.get('COUNT');
  const untilText = parts.get('UNTIL');
  if ((countText === undefined) === (untilText === undefined)) throw bad('give COUNT or UNTIL (exactly one), so the series ends');
  const count = countText === undefined ? undefined : integer(countText, 'COUNT', 1, MAX_OCCURRENCES);
  let until: string | undefined;
  if (untilText !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2}Z?)?$/.exec(untilText);
    until = m === null ? undefined : `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '23'}:${m[5] ?? '59'}`;
    if (until === undefined || Number.isNaN(parseLocal(until))) throw bad(`UNTIL must be a date such as 20260630, got '${untilText}'`);
  }
  const byDay = (parts.get('BYDAY')?.split(',') ?? []).map((item) => {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (m === null) throw bad(`BYDAY item '${item}' is not a weekday such as MO or 1MO`);
    const ordinal = m[1] === undefined ? 0 : integer(m[1], 'a BYDAY ordinal', -5, 5);
    if (ordinal !== 0 && freq !== 'MONTHLY') throw bad(`BYDAY ordinals such as '${item}' need FREQ=MONTHLY`);
    if (m[1] !== undefined && ordinal === 0) throw bad(`BYDAY ordinal 0 in '${item}' means nothing`);
    return { weekday: WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]), ordinal };
  });
  if (byDay.length > 0 && freq === 'DAILY') throw bad('BYDAY with FREQ=DAILY is not supported; use FREQ=WEEKLY');
  const byMonthDay = (parts.get('BYMONTHDAY')?.split(',') ?? []).map((item) => {
    const day = integer(item, 'BYMONTHDAY', -31, 31);
    if (day === 0) throw bad('BYMONTHDAY 0 means nothing');
    return day;
  });
  if (byMonthDay.length > 0 && freq !== 'MONTHLY') throw bad('BYMONTHDAY needs FREQ=MONTHLY');
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !(WEEKDAYS as readonly string[]).includes(wkst)) throw bad(`WKST must be a weekday such as MO, got '${wkst}'`);
  const weekStart = wkst === undefined ? 0 : WEEKDAYS.indexOf(wkst as (typeof WEEKDAYS)[number]);
  return { freq, interval, ...(count === undefined ? {} : { count }), ...(until === undefined ? {} : { until }), byDay, byMonthDay, weekStart };
}

/** The days of one month the rule picks. */
function monthDays(rule: RecurrenceRule, year: number, month: number, startDay: number): number[] {
  const length = daysInMonth(year, month);
  const first = dayFromParts(year, month, 1);
  const picked = new Set<number>();
  for (const d of rule.byMonthDay) {
    const dayOfMonth = d > 0 ? d : length + d + 1;
    if (dayOfMonth >= 1 && dayOfMonth <= length) picked.add(first + dayOfMonth - 1);
  }
  for (const { weekday, ordinal } of rule.byDay) {
    const matching: number[] = [];
    for (let day = first; day < first + length; day++) if (weekdayOf(day) === weekday) matching.push(day);
    if (ordinal === 0) for (const day of matching) picked.add(day);
    else {
      const day = ordinal > 0 ? matching[ordinal - 1] : matching[matching.length + ordinal];
      if (day !== undefined) picked.add(day);
    }
  }
  // Without BYDAY or BYMONTHDAY, the start's day of the month (months without it are skipped).
  if (rule.byDay.length === 0 && rule.byMonthDay.length === 0) {
    const dayOfMonth = dateParts(startDay).day;
    if (dayOfMonth <= length) picked.add(first + dayOfMonth - 1);
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * The occurrences of `rule` from `start` (`YYYY-MM-DDTHH:mm`), as local date-times at the start's
 * time of day: every one up to `COUNT` or `UNTIL`, at most {@link MAX_OCCURRENCES}
 * (`LIMIT_EXCEEDED` beyond).
 *
 * @example
 * ```ts
 * expandRecurrence(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3'), '2026-03-02T17:00');
 * // ['2026-03-02T17:00', '2026-03-04T17:00', '2026-03-09T17:00']
 * ```
 */
export function expandRecurrence(given: RecurrenceRule, start: string): string[] {
  const rule = parseInput(RecurrenceRuleSchema, given, 'recurrence rule');
  const startMinutes = parseLocal(start);
  if (Number.isNaN(startMinutes)) throw invalidField('recurrence', ['start'], `expected a local date-time such as 2026-03-02T17:00, got '${String(start)}'`);
  const startDay = Math.floor(startMinutes / MINUTES_PER_DAY);
  const time = start.length > 10 ? start.slice(10, 16) : 'T00:00';
  const until = rule.until === undefined ? Number.POSITIVE_INFINITY : parseLocal(rule.until);
  const lastDay = Math.floor(until / MINUTES_PER_DAY);
  const timeOfDay = startMinutes - startDay * MINUTES_PER_DAY;
  const wanted = rule.count ?? Number.POSITIVE_INFINITY;
  const days: number[] = [];
  const take = (day: number): boolean => {
    if (day < startDay) return true;
    if (day * MINUTES_PER_DAY + timeOfDay > until || days.length >= wanted) return false;
    if (days.length >= MAX_OCCURRENCES) {
      throw new CampaignKitError('LIMIT_EXCEEDED', `A recurrence may have at most ${MAX_OCCURRENCES} occurrences; give a smaller COUNT or an earlier UNTIL`, { details: { limit: MAX_OCCURRENCES } });
    }
    days.push(day);
    return true;
  };
  if (rule.freq === 'DAILY') {
    for (let day = startDay; take(day); day += rule.interval);
  } else if (rule.freq === 'WEEKLY') {
    // Days counted from the week's first day (WKST), so an INTERVAL skips whole weeks as RFC 5545 does.
    const offsetOf = (weekday: number) => (weekday - rule.weekStart + 7) % 7;
    const offsets = [...new Set((rule.byDay.length === 0 ? [weekdayOf(startDay)] : rule.byDay.map((d) => d.weekday)).map(offsetOf))].sort((a, b) => a - b);
    for (let weekFirst = startDay - offsetOf(weekdayOf(startDay)); ; weekFirst += 7 * rule.interval) {
      if (!offsets.every((o) => take(weekFirst + o))) break;
    }
  } else {
    const { year, month } = dateParts(startDay);
    for (let step = 0; ; step += rule.interval) {
      const y = year + Math.floor((month - 1 + step) / 12);
      const m = ((month - 1 + step) % 12) + 1;
      if (dayFromParts(y, m, 1) > lastDay || days.length >= wanted || y > 9999) break;
      if (!monthDays(rule, y, m, startDay).every(take)) break;
    }
  }
  return days.map((day) => `${formatDay(day)}${time}`);
}
