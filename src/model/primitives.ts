import * as z from 'zod';
import { CurrencySchema } from '../core/_currencies.js';

/**
 * Shared value schemas. Every entity schema is built from these, so a date or a currency code is
 * validated the same way everywhere.
 */

/**
 * The years a date or date-time may fall in: four-digit years from 1900, the range every output of
 * the library can be written in (`YYYY-MM-DD`) and that `Date.UTC` reads without taking years
 * 0–99 as 1900–1999. Inputs outside it are refused, and so are schedules that would leave it.
 */
export const SUPPORTED_YEARS = { first: 1900, last: 9999 } as const;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
// What the schemas store: no 24:00 and at most milliseconds.
const STORED_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T(?:[01]\d|2[0-3]):\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first and last minute of the supported years, 1900-01-01T00:00 and 9999-12-31T23:59, in minutes since 1970-01-01T00:00. */
export const SUPPORTED_MINUTES = {
  first: Date.UTC(SUPPORTED_YEARS.first, 0, 1) / 60_000,
  last: Date.UTC(SUPPORTED_YEARS.last, 11, 31, 23, 59) / 60_000,
} as const;

/** Whether a text that starts with four digits names a year outside {@link SUPPORTED_YEARS}. */
function outsideSupportedYears(text: string): boolean {
  const year = /^\d{4}/.test(text) ? Number(text.slice(0, 4)) : Number.NaN;
  return year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last;
}

/**
 * Reads a local date-time `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss[.fff]]` as whole minutes since
 * 1970-01-01T00:00 (seconds are dropped: scheduling counts in minutes). `24:00` is the end of the
 * day. `NaN` for anything else: a malformed text, a date that does not exist (2026-02-30) or one
 * outside {@link SUPPORTED_YEARS}. The one reader of local date-times, so the schemas and the
 * scheduler agree on what a date is.
 */
export function localDateTimeMinutes(text: unknown): number {
  if (typeof text !== 'string' || outsideSupportedYears(text)) return Number.NaN;
  const m = LOCAL.exec(text);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return Number.NaN;
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) return Number.NaN;
  const minutes = Date.UTC(year, month - 1, day, hour, minute) / 60_000;
  // 9999-12-31T24:00 is the first minute of year 10000.
  return minutes > SUPPORTED_MINUTES.last ? Number.NaN : minutes;
}

/**
 * True when `finish` is before `start`, both local date-times; false when either is absent or
 * unreadable (the field's own schema reports those). Compares instants, so `2026-03-02` and
 * `2026-03-02T00:00:00` are the same time.
 */
export function finishesBeforeStart(start: string | undefined, finish: string | undefined): boolean {
  return localDateTimeMinutes(finish) < localDateTimeMinutes(start);
}

const YEARS_MESSAGE = `must be in the years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`;

// Each schema reports a year out of range on its own, once, rather than as a malformed date too.
const realOrOutOfRange = (s: string) => outsideSupportedYears(s) || !Number.isNaN(localDateTimeMinutes(s));

/** A calendar date `YYYY-MM-DD` (no time, no zone) in the years 1900–9999. */
export const IsoDateSchema = z
  .string()
  .regex(DATE, 'expected a date as YYYY-MM-DD')
  .refine((s) => !DATE.test(s) || realOrOutOfRange(s), 'not a real calendar date')
  .refine((s) => !outsideSupportedYears(s), YEARS_MESSAGE);

/**
 * A local wall-clock date-time `YYYY-MM-DDTHH:mm` (seconds optional), without a zone, in the years
 * 1900–9999: scheduling runs in the calendar's local time, as Microsoft Project does. A bare date
 * `YYYY-MM-DD` is accepted and means midnight.
 */
export const LocalDateTimeSchema = z
  .string()
  .refine((s) => STORED_DATE_TIME.test(s) && realOrOutOfRange(s), 'expected a local date-time as YYYY-MM-DDTHH:mm (or a date YYYY-MM-DD)')
  .refine((s) => !outsideSupportedYears(s), YEARS_MESSAGE);

/** An instant with its UTC offset, e.g. `2026-03-02T09:00:00.000Z` (audit and event times). */
export const InstantSchema = z.iso.datetime({ offset: true });

/** A clock time of day `HH:mm`; `24:00` is allowed as the end of a working period. */
export const TimeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time of day as HH:mm (00:00–24:00)');

/**
 * An active ISO 4217 currency code such as `CNY`, `USD` or `JPY`: the same check on every entity
 * and in every money function, so a campaign in `RMB` is refused when it is created, not by every
 * budget command after.
 */
export const CurrencyCodeSchema = CurrencySchema;

/** An amount of money in integer minor units (fen, cents; yen have none). Never a float. */
export const MinorUnitsSchema = z.int('money must be an integer number of minor units (e.g. cents)');

/** Money: integer minor units with their currency. */
export const MoneySchema = z.object({
  /** Integer minor units (e.g. 12345 = 123.45 CNY). */
  amount: MinorUnitsSchema,
  /** ISO 4217 currency code. */
  currency: CurrencyCodeSchema,
});
/** Money: integer minor units with their currency. */
export type Money = z.infer<typeof MoneySchema>;

/** Units a duration or lag can be written in (Microsoft Project's set; `e` = elapsed). */
export const DURATION_UNITS = ['m', 'h', 'd', 'w', 'mo', 'em', 'eh', 'ed', 'ew', 'emo', '%', 'e%'] as const;
/** One of {@link DURATION_UNITS}. */
export type DurationUnit = (typeof DURATION_UNITS)[number];

/**
 * A duration or lag as Microsoft Project writes it: `'30m'`, `'4h'`, `'2d'`, `'1w'`, `'1mo'`,
 * elapsed `'2ed'`, percent (lags only) `'50%'`, negative for leads `'-1d'`; or as an object.
 */
export const DurationInputSchema = z.union([
  z
    .string()
    .regex(
      /^\s*[+-]?(?:\d+(?:\.\d+)?|\.\d+)\s*(?:m|min|mins|h|hr|hrs|d|day|days|w|wk|wks|mo|mon|em|eh|ed|ew|emo|%|e%)\s*$/i,
      "expected a duration such as '30m', '4h', '2d', '1w', '1mo', '2ed' or '50%'",
    ),
  z.object({
    /** Amount in `unit`; negative for a lead. */
    value: z.number(),
    /** The unit. */
    unit: z.enum(DURATION_UNITS),
  }),
]);
/** See {@link DurationInputSchema}. */
export type DurationInput = z.input<typeof DurationInputSchema>;

/**
 * How long a day, a week and a month are in working time, for durations written in `d`, `w` and
 * `mo` (Microsoft Project's options; its defaults are 480, 2400 and 20).
 */
export const DurationSettingsSchema = z.object({
  /** Working minutes per day for `d` durations. */
  minutesPerDay: z.int().min(1).max(1440),
  /** Working minutes per week for `w` durations. */
  minutesPerWeek: z.int().min(1).max(10080),
  /** Working days per month for `mo` durations. */
  daysPerMonth: z.int().min(1).max(31),
});

/** Free-form labels. */
export const TagsSchema = z.array(z.string().min(1).max(64)).max(64);

/** A non-empty display name. */
export const NameSchema = z.string().trim().min(1, 'must not be empty').max(500);

/** A percentage 0–100. */
export const PercentSchema = z.number().min(0).max(100);
