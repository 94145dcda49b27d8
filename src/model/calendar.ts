import * as z from 'zod';
import { CalendarIdSchema } from './ids.js';
import { IsoDateSchema, NameSchema, TimeOfDaySchema } from './primitives.js';

/** Days of the week, Monday first (ISO order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];
/** A day of the week. */
export const WeekdaySchema = z.enum(WEEKDAYS);

/** One working period within a day, `from` inclusive to `to` exclusive (`to` may be `24:00`). */
export const WorkingTimeSchema = z
  .object({
    /** Start of the period, `HH:mm`. */
    from: TimeOfDaySchema,
    /** End of the period, `HH:mm` (`24:00` = midnight at the end of the day). */
    to: TimeOfDaySchema,
  })
  .refine((t) => t.from < t.to, { message: 'a working period must end after it starts', path: ['to'] });
/** One working period within a day. */
export type WorkingTime = z.infer<typeof WorkingTimeSchema>;

/** Working periods of one day, in order and not overlapping; `[]` means a non-working day. */
export const DayTimesSchema = z.array(WorkingTimeSchema).refine(
  (times) => times.every((t, i) => i === 0 || (times[i - 1] as WorkingTime).to <= t.from),
  'working periods must be in order and must not overlap',
);

/**
 * Working times per weekday. A day left out inherits from the base calendar (for a derived
 * calendar) or is non-working (for a base calendar).
 */
export const WorkWeekSchema = z.object({
  /** Monday. */ mon: DayTimesSchema.optional(),
  /** Tuesday. */ tue: DayTimesSchema.optional(),
  /** Wednesday. */ wed: DayTimesSchema.optional(),
  /** Thursday. */ thu: DayTimesSchema.optional(),
  /** Friday. */ fri: DayTimesSchema.optional(),
  /** Saturday. */ sat: DayTimesSchema.optional(),
  /** Sunday. */ sun: DayTimesSchema.optional(),
});
/** Working times per weekday. */
export type WorkWeek = z.infer<typeof WorkWeekSchema>;

/** Which occurrence of a weekday in a month: first … fourth, or last. */
export const WeekOfMonthSchema = z.enum(['first', 'second', 'third', 'fourth', 'last']);

/** The day a relative monthly/yearly pattern picks: a weekday, any day, a weekday (Mon–Fri) or a weekend day. */
export const RelativeDaySchema = z.union([WeekdaySchema, z.enum(['day', 'weekday', 'weekendDay'])]);

const every = z.int().min(1).max(1000).default(1);

/**
 * How an exception repeats between its `from` and `to` dates (or for `occurrences` times), with
 * Microsoft Project's recurrence patterns.
 */
export const RecurrenceSchema = z.discriminatedUnion('type', [
  z.object({
    /** Every `every` days. */
    type: z.literal('daily'),
    /** Interval in days. */
    every,
  }),
  z.object({
    /** On the given weekdays every `every` weeks. */
    type: z.literal('weekly'),
    /** Interval in weeks. */
    every,
    /** Weekdays the exception falls on. */
    days: z.array(WeekdaySchema).min(1),
  }),
  z.object({
    /** On day `day` of every `every` months. */
    type: z.literal('monthlyDate'),
    /** Interval in months. */
    every,
    /** Day of the month 1–31 (clamped to the month's last day). */
    day: z.int().min(1).max(31),
  }),
  z.object({
    /** On e.g. the third Thursday of every `every` months. */
    type: z.literal('monthlyWeekday'),
    /** Interval in months. */
    every,
    /** Which occurrence in the month. */
    week: WeekOfMonthSchema,
    /** Which day. */
    weekday: RelativeDaySchema,
  }),
  z.object({
    /** Every year on `month`/`day`. */
    type: z.literal('yearlyDate'),
    /** Month 1–12. */
    month: z.int().min(1).max(12),
    /** Day of the month 1–31. */
    day: z.int().min(1).max(31),
  }),
  z.object({
    /** Every year on e.g. the last Monday of May. */
    type: z.literal('yearlyWeekday'),
    /** Month 1–12. */
    month: z.int().min(1).max(12),
    /** Which occurrence in the month. */
    week: WeekOfMonthSchema,
    /** Which day. */
    weekday: RelativeDaySchema,
  }),
]);
/** How an exception repeats. */
export type Recurrence = z.input<typeof RecurrenceSchema>;

/**
 * A calendar exception: a holiday (no `times`), changed working hours, or an extra working day,
 * once or recurring.
 */
export const CalendarExceptionSchema = z
  .object({
    /** Label, e.g. "National Day". */
    name: z.string().max(200).optional(),
    /** First day the exception can apply (inclusive). */
    from: IsoDateSchema,
    /** Last day (inclusive); defaults to `from` for a one-off exception. */
    to: IsoDateSchema.optional(),
    /** Working periods on the affected days; empty or absent = non-working. */
    times: DayTimesSchema.optional(),
    /** Repeat pattern; without it, every day from `from` to `to` is affected. */
    recurrence: RecurrenceSchema.optional(),
    /** Stop after this many occurrences (counted from `from`). */
    occurrences: z.int().min(1).max(10000).optional(),
  })
  .refine((e) => e.to === undefined || e.from <= e.to, { message: '`to` must not be before `from`', path: ['to'] })
  .refine((e) => e.recurrence === undefined || e.to !== undefined || e.occurrences !== undefined, {
    message: 'a recurring exception needs `to` or `occurrences`',
    path: ['recurrence'],
  });
/** A calendar exception. */
export type CalendarException = z.input<typeof CalendarExceptionSchema>;

/** A different working week for a date range (Microsoft Project's "work weeks"). */
export const WorkWeekPeriodSchema = z
  .object({
    /** Label. */
    name: z.string().max(200).optional(),
    /** First day (inclusive). */
    from: IsoDateSchema,
    /** Last day (inclusive). */
    to: IsoDateSchema,
    /** Working times per weekday in the range; days left out fall back to the calendar's week. */
    week: WorkWeekSchema,
  })
  .refine((w) => w.from <= w.to, { message: '`to` must not be before `from`', path: ['to'] });

/**
 * A working calendar. A base calendar defines its whole week; a derived calendar names a `base`
 * and overrides only what differs (days, exceptions).
 */
export const CalendarSchema = z.object({
  /** Id, referenced by tasks, resources and derived calendars. */
  id: CalendarIdSchema,
  /** Display name, e.g. "Standard" or "Shanghai office". */
  name: NameSchema,
  /** The calendar this one derives from. */
  base: CalendarIdSchema.optional(),
  /** Working times per weekday. */
  week: WorkWeekSchema.default({}),
  /** Alternative working weeks for date ranges. */
  workWeeks: z.array(WorkWeekPeriodSchema).default([]),
  /** Holidays, changed hours and extra working days. */
  exceptions: z.array(CalendarExceptionSchema).default([]),
});
/** A working calendar, as stored. */
export type Calendar = z.infer<typeof CalendarSchema>;
/** A working calendar, as accepted on input (defaults not yet applied). */
export type CalendarInput = z.input<typeof CalendarSchema>;
