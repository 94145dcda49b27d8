import * as z from 'zod';
import { COST_CATEGORIES } from '../../model/budget.js';
import { METRIC_UNITS, type MetricUnit } from '../../model/kpi.js';
import type { ReportBlock, ReportColumn, ReportFact, ReportRow, RowStatus } from '../document/reportDocument.js';
import type { MessageKey } from '../i18n/messageCatalogue.js';
import type { ReportValue, ScalarValue, Text } from '../i18n/reportValue.js';
import { PERCENT_DECIMALS, NUMBER_DECIMALS, quotient, wholeMinor } from './_exact.js';

/** A name a person reads: a campaign, a task, a member. */
export const LabelSchema = z.string().trim().min(1, 'must not be empty').max(500);

/** Free text a team wrote: a reason, a blocker, a lesson. */
export const NoteSchema = z.string().max(5000);

/** The unit of a metric value (see the KPI model): rates as fractions, money in minor units. */
export const MetricUnitSchema = z.enum(METRIC_UNITS);

/** A catalogue message. */
export function msg(key: MessageKey): Text {
  return { key };
}

/** A column of a kind, with its heading from the catalogue. */
export function column(key: MessageKey, kind: ReportColumn['kind'], options: { signed?: boolean; minutesPerDay?: number } = {}): ReportColumn {
  return { heading: msg(key), kind, ...options };
}

/** A table block that says `empty` when it has no rows. */
export function table(columns: readonly ReportColumn[], rows: readonly ReportRow[], empty?: MessageKey): ReportBlock {
  return { type: 'table', columns: [...columns], rows: [...rows], ...(empty === undefined ? {} : { empty: msg(empty) }) };
}

/** A fact whose label is a catalogue message. */
export function fact(label: MessageKey, value: ReportValue): ReportFact {
  return { label: msg(label), value };
}

/** A money value in `currency`; n/a for an amount that is not a safe integer (too large to show exactly). */
export function money(amount: number | null, currency: string, signed = false): ScalarValue {
  const shown = amount !== null && Number.isSafeInteger(amount) ? { amount, currency } : null;
  return { kind: 'money', value: shown, ...(signed ? { signed } : {}) };
}

/** A built-in cost category in the reader's language; a host's own category as it is. */
export function categoryText(category: string): Text {
  return (COST_CATEGORIES as readonly string[]).includes(category) ? msg(`category.${category}` as MessageKey) : category;
}

/**
 * A metric value in its unit: money for `currency` (minor units, rounded to whole ones for
 * display), a percent for `percent`, a number for `ratio` and `count`.
 */
export function metricValue(unit: MetricUnit, value: number | null, currency: string, signed = false): ScalarValue {
  const sign = signed ? { signed } : {};
  if (unit === 'currency') return money(value === null ? null : wholeMinor(value), currency, signed);
  const decimals = unit === 'percent' ? PERCENT_DECIMALS : NUMBER_DECIMALS;
  return { kind: unit === 'percent' ? 'percent' : 'number', value: value === null ? null : quotient(value, 1, decimals), ...sign };
}

/** A signed percent from a fraction already rounded for display. */
export function signedPercent(value: number | null): ScalarValue {
  return { kind: 'percent', value, signed: true };
}

/** A text value. */
export function text(value: Text): ReportValue {
  return { kind: 'text', value };
}

const TARGET_STATUS: Readonly<Record<string, RowStatus | undefined>> = { onTrack: 'ok', atRisk: 'warning', offTrack: 'critical' };

/** The row colour of a `compareToTarget` status: on track ok, at risk warning, off track critical, unknown none. */
export function targetStatus(status: string | undefined): RowStatus | undefined {
  return status === undefined ? undefined : TARGET_STATUS[status];
}
