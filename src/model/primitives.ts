import * as z from 'zod';

/**
 * Shared value schemas. Every entity schema is built from these, so a date or a currency code is
 * validated the same way everywhere.
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export const IsoDateSchema = z
  .string()
  .regex(DATE, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const [, y, m, d] = DATE.exec(s) ?? [];
    return isRealDate(Number(y), Number(m), Number(d));
  }, 'not a real calendar date');

/**
 * A local wall-clock date-time `YYYY-MM-DDTHH:mm` (seconds optional), without a zone: scheduling
 * runs in the calendar's local time, as Microsoft Project does. A bare date `YYYY-MM-DD` is accepted
 * and means midnight.
 */
export const LocalDateTimeSchema = z.string().refine((s) => {
  const dateOnly = DATE.exec(s);
  if (dateOnly) return isRealDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
  const m = LOCAL_DATE_TIME.exec(s);
  if (!m) return false;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) && hour < 24 && minute < 60;
}, 'expected a local date-time as YYYY-MM-DDTHH:mm (or a date YYYY-MM-DD)');

/** An instant with its UTC offset, e.g. `2026-03-02T09:00:00.000Z` (audit and event times). */
export const InstantSchema = z.iso.datetime({ offset: true });

/** A clock time of day `HH:mm`; `24:00` is allowed as the end of a working period. */
export const TimeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time of day as HH:mm (00:00–24:00)');

/** A three-letter ISO 4217 currency code such as `CNY`, `USD` or `JPY`. */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as CNY or USD');

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

/** Free-form labels. */
export const TagsSchema = z.array(z.string().min(1).max(64)).max(64);

/** A non-empty display name. */
export const NameSchema = z.string().trim().min(1, 'must not be empty').max(500);

/** A percentage 0–100. */
export const PercentSchema = z.number().min(0).max(100);
