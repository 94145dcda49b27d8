import * as z from 'zod';
import { InstantSchema, IsoDateSchema, LocalDateTimeSchema, MoneySchema } from '../../model/primitives.js';
import { MessageKeySchema } from './messageCatalogue.js';

/**
 * Values in a report, each with the kind that says how it is shown. A report stays data until it
 * is rendered: the same document renders in every locale, and numbers, money and dates are
 * formatted only then. `null` is "not applicable" (a rate over a zero denominator, say) and shows
 * as `n/a` / `不适用`.
 */

/** The kinds a value (or a table column) can have. */
export const VALUE_KINDS = ['text', 'number', 'money', 'percent', 'date', 'datetime', 'duration'] as const;

/** One of {@link VALUE_KINDS}. */
export type ValueKind = (typeof VALUE_KINDS)[number];

const finiteOrNull = z.number().finite().nullable();

/** Whether a numeric value shows its sign when positive (`+25%`), as a variance does. */
const signed = z.boolean().optional();

/** A number of any kind but text, with how it is shown. */
export const ScalarValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** A plain number, shown with at most two decimals. */
    kind: z.literal('number'),
    /** The number, or `null` for n/a. */
    value: finiteOrNull,
    /** Show `+` on a positive value. */
    signed,
  }),
  z.strictObject({
    /** Money, shown with its currency's ISO 4217 digits (none for JPY). */
    kind: z.literal('money'),
    /** Integer minor units with an ISO 4217 code, or `null` for n/a. */
    value: MoneySchema.nullable(),
    /** Show `+` on a positive amount. */
    signed,
  }),
  z.strictObject({
    /** A fraction shown as a percentage with at most two decimals: `0.25` is `25%`. */
    kind: z.literal('percent'),
    /** The fraction, or `null` for n/a. */
    value: finiteOrNull,
    /** Show `+` on a positive value. */
    signed,
  }),
  z.strictObject({
    /** A calendar day. */
    kind: z.literal('date'),
    /** `YYYY-MM-DD`, or `null` for n/a. */
    value: IsoDateSchema.nullable(),
  }),
  z.strictObject({
    /** A date and time of day. */
    kind: z.literal('datetime'),
    /**
     * A local wall-clock `YYYY-MM-DDTHH:mm`, shown as written; or an instant with its offset
     * (`2026-03-03T01:00:00Z`), shown in the render option `timeZone`; or `null` for n/a.
     */
    value: z.union([LocalDateTimeSchema, InstantSchema]).nullable(),
  }),
  z.strictObject({
    /** Working time, shown in working days with at most two decimals. */
    kind: z.literal('duration'),
    /** Working minutes, or `null` for n/a. */
    value: finiteOrNull,
    /** Working minutes in a working day (default 480, Microsoft Project's 8 hours). */
    minutesPerDay: z.int().min(1).max(1440).optional(),
    /** Show `+` on a positive value. */
    signed,
  }),
]);

/** A value of a kind other than text (see {@link ScalarValueSchema}). */
export type ScalarValue = z.output<typeof ScalarValueSchema>;

/** A message from the catalogue, filled in the locale the report is rendered in. */
export const MessageRefSchema = z.strictObject({
  /** The message key, e.g. `'progress.late.empty'`. */
  key: MessageKeySchema,
  /** Values for its placeholders: text as it is, numbers and typed values formatted for the locale. */
  params: z.record(z.string().regex(/^[A-Za-z0-9_]+$/, 'expected a placeholder name such as amount'), z.union([z.string().max(20000), z.number().finite(), ScalarValueSchema])).optional(),
});

/** A message from the catalogue with its parameters. */
export type MessageRef = z.output<typeof MessageRefSchema>;

/**
 * Text in a report: a string as it is (a name a user typed), a catalogue message, or a list of
 * strings joined the locale's way (`Li Lei, Han Mei` / `Li Lei、Han Mei`).
 */
export const TextSchema = z.union([z.string().max(20000), MessageRefSchema, z.array(z.string().max(500)).max(200)]);

/** Text in a report, as accepted. */
export type TextInput = z.input<typeof TextSchema>;
/** Text in a report. */
export type Text = z.output<typeof TextSchema>;

/** Any value in a report: a {@link ScalarValue} or text. */
export const ReportValueSchema = z.union([
  ScalarValueSchema,
  z.strictObject({
    /** Text. */
    kind: z.literal('text'),
    /** A string, a catalogue message, or `null` for n/a. */
    value: TextSchema.nullable(),
  }),
]);

/** Any value in a report, as accepted. */
export type ReportValueInput = z.input<typeof ReportValueSchema>;
/** Any value in a report. */
export type ReportValue = z.output<typeof ReportValueSchema>;
