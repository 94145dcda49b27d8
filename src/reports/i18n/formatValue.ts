import * as z from 'zod';
import { currencyExponent } from '../../core/_currencies.js';
import { toDecimalString } from '../../core/money.js';
import { parseInput } from '../../core/validate.js';
import { localDateTimeMinutes } from '../../model/primitives.js';
import { REPORT_MESSAGES } from './messageCatalogue.js';
import { ReportLocaleSchema, type ReportLocale } from './locales.js';
import { ReportValueSchema, type ReportValue, type ReportValueInput, type ScalarValue, type Text } from './reportValue.js';
import { fill } from './t.js';

const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Asia/Shanghai or UTC');

/** How values are formatted: the locale, and the time zone instants are shown in. */
export const FormatOptionsSchema = z.object({
  /** `en` or `zh-CN`. */
  locale: ReportLocaleSchema,
  /** IANA time zone for instants (`datetime` values with an offset); default `UTC`. Local date-times are shown as written. */
  timeZone: TimeZoneSchema.default('UTC'),
});

/** Options of {@link formatValue} and of the renderers, as accepted. */
export type FormatOptions = z.input<typeof FormatOptionsSchema>;

/** Options after defaults. */
export type ResolvedFormatOptions = z.output<typeof FormatOptionsSchema>;

/** Working minutes in a day when a duration does not say (Microsoft Project's default). */
const DEFAULT_MINUTES_PER_DAY = 480;

/**
 * One value formatted for reading, with `Intl` for the locale: numbers and percentages with at
 * most two decimals (rounded half to even, as money is), money with its currency's digits, dates
 * as `Mar 2, 2026` / `2026年3月2日`, durations in working days, `null` as `n/a` / `不适用`.
 *
 * @throws CampaignKitError `VALIDATION` for a malformed value or options, including an unsupported
 * locale (the message lists the supported ones).
 * @example
 * ```ts
 * formatValue({ kind: 'money', value: { amount: 123450, currency: 'CNY' } }, { locale: 'zh-CN' }); // '¥1,234.50'
 * formatValue({ kind: 'money', value: { amount: 1500, currency: 'JPY' } }, { locale: 'en' });      // '¥1,500'
 * formatValue({ kind: 'percent', value: -0.3333, signed: true }, { locale: 'en' });               // '-33.33%'
 * formatValue({ kind: 'percent', value: null }, { locale: 'zh-CN' });                             // '不适用'
 * ```
 */
export function formatValue(value: ReportValueInput, options: FormatOptions): string {
  const opts = parseInput(FormatOptionsSchema, options, 'format options');
  return formatParsedValue(parseInput(ReportValueSchema, value, 'report value'), opts);
}

/** {@link formatValue} of a value already checked. */
export function formatParsedValue(value: ReportValue, options: ResolvedFormatOptions): string {
  if (value.kind === 'text') return value.value === null ? notApplicable(options.locale) : textOf(value.value, options);
  return formatScalar(value, options);
}

/** A report text in the locale: a string as it is, a message filled from the catalogue, a list joined. */
export function textOf(text: Text, options: ResolvedFormatOptions): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return new Intl.ListFormat(options.locale, { type: 'conjunction', style: 'narrow' }).format(text);
  const values: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(text.params ?? {})) {
    values[name] = typeof param === 'object' ? formatScalar(param, options) : param;
  }
  return fill(options.locale, text.key, REPORT_MESSAGES[options.locale][text.key], values);
}

function notApplicable(locale: ReportLocale): string {
  return REPORT_MESSAGES[locale]['value.notApplicable'];
}

function formatScalar(value: ScalarValue, options: ResolvedFormatOptions): string {
  const { locale } = options;
  if (value.value === null) return notApplicable(locale);
  switch (value.kind) {
    case 'number':
      return numberFormat(locale, {}, value.signed).format(zeroed(value.value));
    case 'percent':
      return numberFormat(locale, { style: 'percent' }, value.signed).format(zeroed(value.value));
    case 'money': {
      const digits = currencyExponent(value.value.currency);
      const format = numberFormat(locale, { style: 'currency', currency: value.value.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }, value.signed);
      // The exact decimal text reaches Intl, so a large amount is not rounded through a float.
      return format.format(toDecimalString(value.value) as `${number}`);
    }
    case 'duration': {
      const days = zeroed(value.value / (value.minutesPerDay ?? DEFAULT_MINUTES_PER_DAY));
      return numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'narrow' }, value.signed).format(days);
    }
    case 'date':
      return dateFormat(locale, 'UTC', false).format(localDateTimeMinutes(value.value) * 60_000);
    case 'datetime': {
      const local = localDateTimeMinutes(value.value);
      // A local date-time is a wall-clock reading: shown as written, in no zone.
      if (!Number.isNaN(local)) return dateFormat(locale, 'UTC', true).format(local * 60_000);
      return dateFormat(locale, options.timeZone, true, true).format(Date.parse(value.value));
    }
  }
}

/** `-0` shows as `-0` in Intl; a report has no negative zero. */
function zeroed(x: number): number {
  return x === 0 ? 0 : x;
}

function numberFormat(locale: ReportLocale, style: Intl.NumberFormatOptions, signed: boolean | undefined): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    ...style,
    roundingMode: 'halfEven',
    // `negative` rather than `auto`: a value that rounds to zero shows no sign.
    signDisplay: signed === true ? 'exceptZero' : 'negative',
  });
}

function dateFormat(locale: ReportLocale, timeZone: string, withTime: boolean, withZone = false): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    ...(withZone ? { timeZoneName: 'short' } : {}),
  });
}
