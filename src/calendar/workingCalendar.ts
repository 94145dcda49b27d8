import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { invalidField, parseInput } from '../core/validate.js';
import { CalendarSchema, type CalendarInput } from '../model/calendar.js';
import { compileCalendars } from './compileCalendars.js';
import { formatDay, formatLocal, isSupportedTime, outsideSupportedDates, parseDay, parseLocal } from './localTime.js';
import { WorkingTime } from './workingTime.js';

/**
 * Working-time arithmetic on one calendar, with local date-times `YYYY-MM-DDTHH:mm` in and out.
 * Created by {@link createWorkingCalendar}.
 */
export interface WorkingCalendar {
  /** The calendar's id. */
  readonly id: string;
  /** The calendar's name. */
  readonly name: string;
  /**
   * Adds working minutes (negative subtracts). A result on a boundary between working periods is
   * given as a finish when adding (Friday 17:00) and as a start when subtracting (Monday 08:00).
   */
  addWorkingMinutes(at: string, minutes: number): string;
  /** Working minutes from `from` to `to`; negative when `to` is earlier. */
  workingMinutesBetween(from: string, to: string): number;
  /** `at` itself if it is working time, else the start of the next working period. */
  nextWorkingStart(at: string): string;
  /** `at` itself if working time ends there or runs through it, else the end of the previous working period. */
  previousWorkingEnd(at: string): string;
  /** Whether the day `YYYY-MM-DD` has any working time. */
  isWorkingDay(date: string): boolean;
  /** Working periods of a day as `{ from, to }` clock times (`to` may be `24:00`). */
  workingTimesOn(date: string): { from: string; to: string }[];
  /** The working days from `fromDate` to `toDate`, inclusive, as `YYYY-MM-DD`. */
  workingDays(fromDate: string, toDate: string): string[];
}

function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** A result as `YYYY-MM-DDTHH:mm`; `VALIDATION` naming the argument `what` when it falls outside the supported dates. */
function formatResult(t: number, what: string): string {
  if (!isSupportedTime(t)) throw outsideSupportedDates('The result', t, [what]);
  return formatLocal(t);
}

const OptionsSchema = z.object({ calendars: z.array(z.looseObject({})).optional() });

/** What was passed, for a message: a string quoted, anything else by its type. */
function got(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
}

function instant(text: string, what: string): number {
  const t = parseLocal(text);
  if (Number.isNaN(t)) throw invalidField('date-time', [what], `expected YYYY-MM-DDTHH:mm in the years 1900–9999, got ${got(text)}`);
  return t;
}

function day(text: string, what: string): number {
  const d = parseDay(text);
  if (Number.isNaN(d) || text.length !== 10) throw invalidField('date', [what], `expected YYYY-MM-DD in the years 1900–9999, got ${got(text)}`);
  return d;
}

/**
 * Builds working-time arithmetic for a calendar. Pass the calendars it derives from in
 * `options.calendars`.
 *
 * @example
 * ```ts
 * const cal = createWorkingCalendar(STANDARD_CALENDAR);
 * cal.addWorkingMinutes('2026-03-06T16:00', 120); // '2026-03-09T09:00' (Friday 16:00 + 2 h → Monday)
 * cal.workingMinutesBetween('2026-03-06T08:00', '2026-03-09T17:00'); // 960
 * cal.nextWorkingStart('2026-03-06T17:00'); // '2026-03-09T08:00'
 * ```
 */
export function createWorkingCalendar(spec: CalendarInput, options: { calendars?: readonly CalendarInput[] } = {}): WorkingCalendar {
  const { id } = parseInput(CalendarSchema, spec, 'calendar');
  const others = (parseInput(OptionsSchema, options, 'calendar options').calendars ?? []).filter((c) => c.id !== id) as CalendarInput[];
  const compiled = compileCalendars([spec, ...others]).get(id);
  if (!compiled) throw new CampaignKitError('NOT_FOUND', `Calendar "${id}" could not be compiled`, { details: { ids: [id] } });
  const time = new WorkingTime(compiled);
  return {
    id: compiled.id,
    name: compiled.name,
    addWorkingMinutes: (at, minutes) => {
      if (typeof minutes !== 'number' || !Number.isFinite(minutes)) throw invalidField('minutes', ['minutes'], 'expected a finite number of minutes');
      return formatResult(time.add(instant(at, 'at'), Math.round(minutes)), 'minutes');
    },
    workingMinutesBetween: (from, to) => time.between(instant(from, 'from'), instant(to, 'to')),
    nextWorkingStart: (at) => formatResult(time.nextStart(instant(at, 'at')), 'at'),
    previousWorkingEnd: (at) => formatResult(time.previousEnd(instant(at, 'at')), 'at'),
    isWorkingDay: (date) => time.periodsOn(day(date, 'date')).length > 0,
    workingTimesOn: (date) => {
      const periods = time.periodsOn(day(date, 'date'));
      const out: { from: string; to: string }[] = [];
      for (let i = 0; i < periods.length; i += 2) out.push({ from: clock(periods[i] as number), to: clock(periods[i + 1] as number) });
      return out;
    },
    workingDays: (fromDate, toDate) => {
      const out: string[] = [];
      const last = day(toDate, 'toDate');
      for (let d = day(fromDate, 'fromDate'); d <= last; d++) if (time.periodsOn(d).length > 0) out.push(formatDay(d));
      return out;
    },
  };
}

