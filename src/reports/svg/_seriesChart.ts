import * as z from 'zod';
import { ChartOptionsShape } from './_chartOptions.js';
import { niceTicks } from './_niceTicks.js';

/** A series label in the legend and tooltips, e.g. `'Remaining'` or `'剩余'`. */
export const SeriesLabelSchema = z.string().max(200);

/** A label with its English default. */
export const labelDefault = (text: string) => SeriesLabelSchema.default(text);

/** The options of the underlying chart that a series chart passes through as they are. */
export const PassThroughShape = {
  width: ChartOptionsShape.width,
  height: ChartOptionsShape.height,
  fontSize: ChartOptionsShape.fontSize,
  fontFamily: ChartOptionsShape.fontFamily,
  valueLabel: ChartOptionsShape.valueLabel,
  valuePrefix: ChartOptionsShape.valuePrefix,
  valueSuffix: ChartOptionsShape.valueSuffix,
  noDataLabel: ChartOptionsShape.noDataLabel,
  colors: ChartOptionsShape.colors,
};

/** {@link PassThroughShape} and the line chart's own `dateLabel`. */
export const LinePassThroughShape = {
  ...PassThroughShape,
  /** Name of the date axis, written under it; none by default. */
  dateLabel: z.string().max(200).optional(),
};

/** An amount of money in integer minor units, small enough to draw. */
export const MinorUnitsSchema = z.number().int().min(-1e15).max(1e15);

/** `amount` minor units of a currency with `digits` decimals, in major units (`123450`, 2 → `1234.5`). */
export function toMajor(amount: number, digits: number): number {
  return amount / 10 ** digits;
}

/** `value` with exactly `digits` decimals, thousands grouped with commas, `prefix` and `suffix` around it (`¥12,000.00`). */
export function moneyLabel(value: number, digits: number, prefix: string, suffix: string): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${prefix}${grouped}${fraction === undefined ? '' : `.${fraction}`}${suffix}`;
}

/**
 * Value-axis ticks for amounts in major units: 1-2-5 steps over the values and zero, each labelled
 * as money with the currency's digits (`0.00`, `500.00`, `1,000.00`).
 */
export function moneyTicks(values: readonly number[], digits: number, prefix: string, suffix: string): { value: number; label: string }[] {
  const low = values.reduce((min, v) => Math.min(min, v), 0);
  const high = values.reduce((max, v) => Math.max(max, v), 0);
  const scale = niceTicks(low, high, 5);
  return scale.ticks.map((value) => ({ value, label: moneyLabel(value, digits, prefix, suffix) }));
}
