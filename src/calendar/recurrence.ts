import { CampaignKitError } from '../core/errors.js';
import type { Recurrence, Weekday } from '../model/calendar.js';
import { WEEKDAYS } from '../model/calendar.js';
import { dateParts, dayFromParts, daysInMonth, weekdayOf } from './localTime.js';

/** A day-kind a relative pattern picks: a weekday index (0 = Monday), or any day / a weekday / a weekend day. */
type RelativeDay = Weekday | 'day' | 'weekday' | 'weekendDay';
type WeekOfMonth = 'first' | 'second' | 'third' | 'fourth' | 'last';

// An exception that expands to more days than this is almost certainly a mistake (a daily pattern
// over centuries); refusing it keeps calendar compilation bounded.
const MAX_DAYS = 100_000;

function matches(day: number, kind: RelativeDay): boolean {
  const wd = weekdayOf(day);
  if (kind === 'day') return true;
  if (kind === 'weekday') return wd < 5;
  if (kind === 'weekendDay') return wd >= 5;
  return WEEKDAYS[wd] === kind;
}

/** The day of `year`/`month` that is the `week`-th (or last) day of `kind`. */
function relativeDayOfMonth(year: number, month: number, week: WeekOfMonth, kind: RelativeDay): number {
  const first = dayFromParts(year, month, 1);
  const last = first + daysInMonth(year, month) - 1;
  if (week === 'last') {
    for (let d = last; d >= first; d--) if (matches(d, kind)) return d;
    return Number.NaN;
  }
  let n = ['first', 'second', 'third', 'fourth'].indexOf(week);
  for (let d = first; d <= last; d++) {
    if (matches(d, kind) && n-- === 0) return d;
  }
  return Number.NaN;
}

function clampedDayOfMonth(year: number, month: number, day: number): number {
  return dayFromParts(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * Candidate days of a pattern in ascending order, starting at or before `from`; the caller filters
 * to `[from, to]` and counts occurrences. Weekly patterns count weeks from the Sunday-started week
 * containing `from`, as Microsoft Project does.
 */
function* candidates(pattern: Recurrence, from: number): Generator<number> {
  const every = pattern.type === 'yearlyDate' || pattern.type === 'yearlyWeekday' ? 1 : (pattern.every ?? 1);
  const start = dateParts(from);
  switch (pattern.type) {
    case 'daily':
      for (let d = from; ; d += every) yield d;
    case 'weekly': {
      const sunday = from - ((weekdayOf(from) + 1) % 7);
      const offsets = [...new Set(pattern.days.map((w) => (WEEKDAYS.indexOf(w) + 1) % 7))].sort((a, b) => a - b);
      for (let week = sunday; ; week += 7 * every) for (const o of offsets) yield week + o;
    }
    case 'monthlyDate':
      for (let k = 0; ; k += every) yield clampedDayOfMonth(start.year, start.month + k, pattern.day);
    case 'monthlyWeekday':
      for (let k = 0; ; k += every) {
        const first = dayFromParts(start.year, start.month + k, 1);
        const p = dateParts(first);
        yield relativeDayOfMonth(p.year, p.month, pattern.week, pattern.weekday);
      }
    case 'yearlyDate':
      for (let y = start.year; ; y++) yield clampedDayOfMonth(y, pattern.month, pattern.day);
    case 'yearlyWeekday':
      for (let y = start.year; ; y++) yield relativeDayOfMonth(y, pattern.month, pattern.week, pattern.weekday);
  }
}

/**
 * The days (day numbers, ascending) a recurring exception falls on: pattern days from `from` up to
 * `to` (inclusive) and at most `occurrences` of them.
 */
export function expandRecurrence(pattern: Recurrence, from: number, to: number, occurrences = Number.POSITIVE_INFINITY): number[] {
  const days: number[] = [];
  for (const day of candidates(pattern, from)) {
    if (day > to || days.length >= occurrences) break;
    if (Number.isNaN(day) || day < from) continue;
    days.push(day);
    if (days.length > MAX_DAYS) {
      throw new CampaignKitError('LIMIT_EXCEEDED', `A recurring calendar exception expands to more than ${MAX_DAYS} days; give it an end date or an occurrence count`);
    }
  }
  return days;
}
