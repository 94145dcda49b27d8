import * as z from 'zod';
import { currencyExponent, CurrencySchema } from '../../core/_currencies.js';
import { parseInput } from '../../core/validate.js';
import { IsoDateSchema } from '../../model/primitives.js';
import type { BudgetSummary } from '../../budget/budgetSummary.js';
import type { BudgetBurn } from '../series/budgetBurn.js';
import { labelDefault, LinePassThroughShape, MinorUnitsSchema, moneyTicks, PassThroughShape, toMajor } from './_seriesChart.js';
import { barChartSvg } from './barChartSvg.js';
import { lineChartSvg } from './lineChartSvg.js';

// Only the fields drawn are checked; a BudgetBurn from budgetBurn always passes.
const BurnSchema = z.looseObject({
  currency: CurrencySchema,
  statusDate: IsoDateSchema,
  points: z
    .array(
      z.looseObject({
        end: IsoDateSchema,
        cumulativePlanned: MinorUnitsSchema,
        cumulativeActual: MinorUnitsSchema.nullable(),
        cumulativeForecast: MinorUnitsSchema,
      }),
    )
    .max(100_000),
});

// Only the fields drawn are checked; a BudgetSummary from budgetSummary always passes.
const SummarySchema = z.looseObject({
  currency: CurrencySchema,
  categories: z
    .array(
      z.looseObject({
        category: z.string().max(200),
        kind: z.enum(['cost', 'revenue']),
        planned: MinorUnitsSchema,
        actual: MinorUnitsSchema,
        forecast: MinorUnitsSchema,
      }),
    )
    .max(10_000),
});

/** Options of {@link sCurveSvg}. */
export const SCurveSvgOptionsSchema = z.object({
  /** The title (default `'Budget burn'`). */
  title: z.string().max(500).default('Budget burn'),
  /** Series names in the legend and tooltips. */
  labels: z
    .object({
      /** Cumulative planned spend (default `'Planned'`). */
      planned: labelDefault('Planned'),
      /** Cumulative actual spend (default `'Actual'`). */
      actual: labelDefault('Actual'),
      /** Cumulative forecast, dashed (default `'Forecast'`). */
      forecast: labelDefault('Forecast'),
    })
    .prefault({}),
  ...LinePassThroughShape,
});
/** Options of {@link sCurveSvg}, as accepted. */
export type SCurveSvgOptions = z.input<typeof SCurveSvgOptionsSchema>;

/** Options of {@link budgetBarsSvg}. */
export const BudgetBarsSvgOptionsSchema = z.object({
  /** The title (default `'Budget by category'`). */
  title: z.string().max(500).default('Budget by category'),
  /** Series names in the legend and tooltips. */
  labels: z
    .object({
      /** Default `'Planned'`. */
      planned: labelDefault('Planned'),
      /** Default `'Actual'`. */
      actual: labelDefault('Actual'),
      /** Drawn as outlined bars (default `'Forecast'`). */
      forecast: labelDefault('Forecast'),
    })
    .prefault({}),
  /** Display names of categories by category id (`{ media: '媒体' }`); a category without one shows its id. */
  categoryLabels: z.record(z.string().max(200), z.string().max(200)).default({}),
  /** Which rows to draw: `cost` (default) or `revenue`. */
  kind: z.enum(['cost', 'revenue']).default('cost'),
  ...PassThroughShape,
});
/** Options of {@link budgetBarsSvg}, as accepted. */
export type BudgetBarsSvgOptions = z.input<typeof BudgetBarsSvgOptionsSchema>;

/**
 * The S-curves of a {@link BudgetBurn} as an SVG line chart: cumulative planned spend, cumulative
 * actual spend up to the status date (the period holding the status date is drawn at the status
 * date, since its actual runs only to then), and the cumulative forecast, dashed, ending at the
 * estimate at completion. Each point sits on the last day of its period. Amounts are drawn in major
 * units of the burn's currency (minor units ÷ 10^digits, e.g. 123450 fen → 1,234.50); the value
 * axis is labelled as money with the currency's digits (`1,000.00`, or `1,000` for JPY), with
 * `valuePrefix` and `valueSuffix` around each label, and named by `valueLabel`, the currency code
 * by default. Options: `title`, `labels` (`planned`, `actual`, `forecast`) and the line chart's
 * size, text and colour options, as for {@link burndownSvg}.
 *
 * @throws CampaignKitError `VALIDATION` for a burn without a known currency, with amounts that are
 * not integer minor units, or bad options.
 * @example
 * ```ts
 * const burn = budgetBurn({ statusDate: '2026-04-15', budget });
 * sCurveSvg(burn, { title: '预算燃烧', labels: { planned: '计划', actual: '实际', forecast: '预测' }, valuePrefix: '¥' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="预算燃烧" …>'
 * ```
 */
export function sCurveSvg(burn: BudgetBurn, options: SCurveSvgOptions = {}): string {
  const { currency, statusDate, points } = parseInput(BurnSchema, burn, 'budget burn');
  const { labels, valueLabel, ...rest } = parseInput(SCurveSvgOptionsSchema, options, 'S-curve options');
  const digits = currencyExponent(currency);
  const major = (amount: number): number => toMajor(amount, digits);
  const planned = points.map((p) => ({ date: p.end, value: major(p.cumulativePlanned) }));
  const actual = points.map((p) => ({ date: p.end < statusDate ? p.end : statusDate, value: p.cumulativeActual === null ? null : major(p.cumulativeActual) }));
  const forecast = points.map((p) => ({ date: p.end, value: major(p.cumulativeForecast) }));
  const values = [...planned, ...actual, ...forecast].flatMap((p) => (p.value === null ? [] : [p.value]));
  return lineChartSvg({
    ...rest,
    valueLabel: valueLabel ?? currency,
    valueTicks: points.length === 0 ? undefined : moneyTicks(values, digits, rest.valuePrefix, rest.valueSuffix),
    series: [
      { name: labels.planned, points: planned },
      { name: labels.actual, markers: true, points: actual },
      { name: labels.forecast, line: 'dashed', points: forecast },
    ],
  });
}

/**
 * The categories of a {@link BudgetSummary} as an SVG bar chart: per category, planned, actual and
 * forecast spend side by side, the forecast as an outlined bar. Cost categories by default (`kind:
 * 'revenue'` draws the revenue rows instead), in the summary's order, each named by
 * `categoryLabels` or else by its id. Amounts are drawn in major units of the summary's currency,
 * with the value axis labelled as money with the currency's digits and named by `valueLabel`, the
 * currency code by default. Options: `title`, `labels` (`planned`, `actual`, `forecast`),
 * `categoryLabels`, `kind` and the bar chart's `width`, `height`, `fontSize`, `fontFamily`,
 * `valueLabel`, `valuePrefix`, `valueSuffix`, `noDataLabel` and `colors`.
 *
 * @throws CampaignKitError `VALIDATION` for a summary without a known currency, with amounts that
 * are not integer minor units, or bad options.
 * @example
 * ```ts
 * budgetBarsSvg(budgetSummary(tradeShow), { categoryLabels: { media: '媒体', venue: '场地' }, valuePrefix: '¥' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="Budget by category" …>'
 * ```
 */
export function budgetBarsSvg(summary: BudgetSummary, options: BudgetBarsSvgOptions = {}): string {
  const { currency, categories } = parseInput(SummarySchema, summary, 'budget summary');
  const { labels, categoryLabels, kind, valueLabel, ...rest } = parseInput(BudgetBarsSvgOptionsSchema, options, 'budget bars options');
  const digits = currencyExponent(currency);
  const rows = categories.filter((row) => row.kind === kind);
  const column = (field: 'planned' | 'actual' | 'forecast'): number[] => rows.map((row) => toMajor(row[field], digits));
  const series = [
    { name: labels.planned, values: column('planned') },
    { name: labels.actual, values: column('actual') },
    { name: labels.forecast, fill: 'outline' as const, values: column('forecast') },
  ];
  return barChartSvg({
    ...rest,
    valueLabel: valueLabel ?? currency,
    valueTicks: rows.length === 0 ? undefined : moneyTicks(series.flatMap((s) => s.values), digits, rest.valuePrefix, rest.valueSuffix),
    categories: rows.map((row) => (Object.hasOwn(categoryLabels, row.category) ? (categoryLabels[row.category] ?? row.category) : row.category)),
    series,
  });
}
