import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { STANDARD_CALENDAR } from '../calendar/standardCalendars.js';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar/workingCalendar.js';
import { CalendarSchema, type CalendarInput } from '../model/calendar.js';
import { TimeZoneSchema } from './_time.js';

/** Where working time comes from: a calendar (default Standard) and the calendars it derives from. */
export const CalendarOptionsSchema = z.object({
  /** The campaign's working calendar (default Standard, Mon–Fri 08:00–12:00 and 13:00–17:00). */
  calendar: CalendarSchema.optional(),
  /** Base calendars `calendar` derives from. */
  calendars: z.array(CalendarSchema).default([]),
  /** Time zone of the calendar, to turn instants into local dates (default `UTC`). */
  timeZone: TimeZoneSchema.default('UTC'),
});

/** Parsed calendar options. */
export type CalendarOptions = z.output<typeof CalendarOptionsSchema>;

/** Calendar options as accepted on input. */
export interface CalendarOptionsInput {
  /** The campaign's working calendar (default Standard). */
  readonly calendar?: CalendarInput;
  /** Base calendars `calendar` derives from. */
  readonly calendars?: readonly CalendarInput[];
  /** Time zone of the calendar (default `UTC`). */
  readonly timeZone?: string;
}

/** Parsed calendar options: working-time arithmetic and the zone. */
export interface CalendarContext {
  readonly calendar: WorkingCalendar;
  readonly timeZone: string;
  /** The calendar and its bases as data, for the scheduler. */
  readonly spec: CalendarInput;
  readonly calendars: readonly CalendarInput[];
}

/**
 * Parses calendar options and builds the working calendar. Options that carry more than the
 * calendar (a command's `now`, say) parse with a schema extending {@link CalendarOptionsSchema} and
 * call {@link calendarContextOf}, so they are read once.
 */
export function calendarContext(options: CalendarOptionsInput): CalendarContext {
  return calendarContextOf(parseInput(CalendarOptionsSchema, options, 'calendar options'));
}

/** Builds the working calendar of options already parsed. */
export function calendarContextOf(parsed: CalendarOptions): CalendarContext {
  const spec = parsed.calendar ?? STANDARD_CALENDAR;
  const calendar = createWorkingCalendar(spec, { calendars: parsed.calendars });
  return { calendar, timeZone: parsed.timeZone, spec, calendars: parsed.calendars };
}
