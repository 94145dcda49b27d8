import * as z from 'zod';
import { CampaignKitError } from '../../core/errors.js';
import { sumMoney } from '../../core/money.js';
import { parseInput } from '../../core/validate.js';
import { BUILT_IN_METRICS } from '../../kpi/builtInMetrics.js';
import { compareToTarget } from '../../kpi/compareToTarget.js';
import type { ReportCell, ReportDocument, ReportRow, ReportSection } from '../document/reportDocument.js';
import type { MessageKey } from '../i18n/messageCatalogue.js';
import type { ScalarValue } from '../i18n/reportValue.js';
import { categoryText, column, fact, money, msg, table, targetStatus, text } from './_common.js';
import { approximate, exact, minus, moneyPer, NUMBER_DECIMALS, over, PERCENT_DECIMALS, quotient, rounded, sum, varianceRate, type Fraction } from './_exact.js';
import { RoiReportInputSchema, type RoiReportInput } from './roiReportInput.js';

type Input = z.output<typeof RoiReportInputSchema>;
type MetricId = 'roi' | 'roas' | 'cpl' | 'cpa';

/** The library's own formula of a built-in metric, as `ROI = (revenue - cost) / cost`. */
function formulaOf(id: MetricId): string {
  const definition = BUILT_IN_METRICS.find((metric) => metric.id === id);
  return `${id.toUpperCase()} = ${definition?.formula ?? ''}`;
}

/**
 * The ROI report at a campaign's close: a summary (total cost, channel spend, revenue, leads,
 * conversions), cost by category with each one's share, results by channel with their ROAS, CPL
 * and CPA, and the return metrics with the library's formulas (`BUILT_IN_METRICS`: ROI =
 * (revenue - cost) / cost, ROAS = revenue / spend, CPL = spend / leads, CPA = spend /
 * conversions) against targets and benchmarks. `cost` is every category's actual cost, `spend`
 * every channel's spend. A metric over a zero denominator is `null`, shown as n/a / 不适用.
 * Figures are exact and rounded once for display; money per lead is rounded half to even to
 * whole minor units.
 *
 * @throws CampaignKitError `VALIDATION` for a malformed input (with the path of the first problem).
 * @example
 * ```ts
 * const doc = roiReport({
 *   campaign: 'Spring launch', period: { from: '2026-03-01', to: '2026-03-31' },
 *   generatedAt: '2026-04-01T02:00:00Z', currency: 'CNY',
 *   costs: [{ category: 'media', planned: 5_000_000, actual: 4_800_000 }, { category: 'venue', actual: 1_200_000 }],
 *   channels: [{ channel: 'search', spend: 4_800_000, revenue: 18_000_000, leads: 1200, conversions: 0 }],
 *   targets: { roi: 1.5, cpa: 50_000 },
 * });
 * // Return metrics: ROI 200% (+33.33% vs target), ROAS 3.75, CPL ¥40.00, CPA n/a
 * ```
 */
export function roiReport(input: RoiReportInput): ReportDocument {
  const parsed = parseInput(RoiReportInputSchema, input, 'ROI report input');
  const { currency } = parsed;
  const cost = sumMoney(parsed.costs.map((c) => ({ amount: c.actual, currency })), currency).amount;
  const spend = sumMoney(parsed.channels.map((c) => ({ amount: c.spend, currency })), currency).amount;
  const revenue = sumMoney(parsed.channels.map((c) => ({ amount: c.revenue, currency })), currency).amount;
  const leads = total('leads', parsed.channels.map((c) => c.leads));
  const conversions = total('conversions', parsed.channels.map((c) => c.conversions));
  const totals = { cost, spend, revenue, leads, conversions };
  const sections: ReportSection[] = [
    {
      heading: msg('roi.summary'),
      blocks: [
        {
          type: 'facts',
          items: [
            fact('roi.totalCost', money(cost, currency)),
            fact('roi.channelSpend', money(spend, currency)),
            fact('roi.revenue', money(revenue, currency)),
            fact('roi.leads', { kind: 'number', value: leads }),
            fact('roi.conversions', { kind: 'number', value: conversions }),
          ],
        },
      ],
    },
    { heading: msg('roi.costs'), blocks: [costsTable(parsed, cost)] },
    { heading: msg('roi.channels'), blocks: [channelsTable(parsed, totals)] },
    { heading: msg('roi.metrics'), blocks: [metricsTable(parsed, totals)] },
    {
      heading: msg('roi.formulas'),
      blocks: [
        {
          type: 'list',
          items: [
            { key: 'roi.term.cost', params: { amount: money(cost, currency) } },
            { key: 'roi.term.spend', params: { amount: money(spend, currency) } },
            { key: 'roi.term.revenue', params: { amount: money(revenue, currency) } },
            { key: 'roi.term.leads', params: { count: leads } },
            { key: 'roi.term.conversions', params: { count: conversions } },
          ],
        },
        { type: 'paragraph', text: msg('roi.term.zero') },
      ],
    },
  ];
  return {
    title: msg('roi.title'),
    meta: [
      fact('meta.campaign', text(parsed.campaign)),
      fact('meta.period', text({ key: 'value.range', params: { from: { kind: 'date', value: parsed.period.from }, to: { kind: 'date', value: parsed.period.to } } })),
      fact('meta.generatedAt', { kind: 'datetime', value: parsed.generatedAt }),
    ],
    sections,
  };
}

/** The exact sum of a count over the channels; `LIMIT_EXCEEDED` beyond the number range. */
function total(what: string, values: readonly number[]): number {
  const result = sum(values);
  if (result === null) throw new CampaignKitError('LIMIT_EXCEEDED', `The total ${what} of the channels is too large for a number`);
  return result;
}

interface Totals {
  readonly cost: number;
  readonly spend: number;
  readonly revenue: number;
  readonly leads: number;
  readonly conversions: number;
}

function costsTable(input: Input, cost: number) {
  const { currency } = input;
  const rows: ReportRow[] = input.costs.map((c) => ({
    cells: [categoryText(c.category), c.planned === undefined ? msg('value.notSet') : { amount: c.planned, currency }, { amount: c.actual, currency }, quotient(c.actual, cost, PERCENT_DECIMALS)],
  }));
  if (rows.length > 0) {
    const planned = input.costs.every((c) => c.planned === undefined) ? null : sumMoney(input.costs.map((c) => ({ amount: c.planned ?? 0, currency })), currency);
    rows.push({ cells: [msg('row.total'), planned ?? msg('value.notSet'), { amount: cost, currency }, quotient(cost, cost, PERCENT_DECIMALS)], total: true });
  }
  const columns = [column('column.category', 'text'), column('column.planned', 'money'), column('column.actual', 'money'), column('column.share', 'percent')];
  return table(columns, rows, 'roi.costs.empty');
}

function channelCells(name: ReportCell, figures: Omit<Totals, 'cost'>, currency: string): ReportCell[] {
  return [
    name,
    { amount: figures.spend, currency },
    { amount: figures.revenue, currency },
    figures.leads,
    figures.conversions,
    quotient(figures.revenue, figures.spend, NUMBER_DECIMALS),
    money(moneyPer(figures.spend, figures.leads), currency),
    money(moneyPer(figures.spend, figures.conversions), currency),
  ];
}

function channelsTable(input: Input, totals: Totals) {
  const rows: ReportRow[] = input.channels.map((c) => ({ cells: channelCells(c.channel, c, input.currency) }));
  if (rows.length > 0) rows.push({ cells: channelCells(msg('row.total'), totals, input.currency), total: true });
  const columns = [
    column('column.channel', 'text'),
    column('column.spend', 'money'),
    column('column.revenue', 'money'),
    column('column.leads', 'number'),
    column('column.conversions', 'number'),
    column('column.roas', 'number'),
    column('column.cpl', 'money'),
    column('column.cpa', 'money'),
  ];
  return table(columns, rows, 'roi.channels.empty');
}

/** How a metric's value is shown: ROI as a percent, ROAS as a number, CPL and CPA as money. */
type Shown = (value: Fraction | null) => ScalarValue;

/** Each metric's exact value, and how it is shown (rounded once, as its kind is). */
function metricFigures(totals: Totals, currency: string): readonly { id: MetricId; name: MessageKey; value: Fraction | null; shown: Shown }[] {
  const percent: Shown = (f) => ({ kind: 'percent', value: f === null ? null : rounded(f, PERCENT_DECIMALS) });
  const ratio: Shown = (f) => ({ kind: 'number', value: f === null ? null : rounded(f, NUMBER_DECIMALS) });
  // Money per lead or acquisition: whole minor units, half to even, as moneyPer rounds.
  const perUnit: Shown = (f) => money(f === null ? null : rounded(f, 0), currency);
  const spend = exact(totals.spend);
  return [
    { id: 'roi', name: 'metric.roi', value: over(minus(exact(totals.revenue), exact(totals.cost)), exact(totals.cost)), shown: percent },
    { id: 'roas', name: 'metric.roas', value: over(exact(totals.revenue), spend), shown: ratio },
    { id: 'cpl', name: 'metric.cpl', value: over(spend, exact(totals.leads)), shown: perUnit },
    { id: 'cpa', name: 'metric.cpa', value: over(spend, exact(totals.conversions)), shown: perUnit },
  ];
}

function metricsTable(input: Input, totals: Totals) {
  const rows: ReportRow[] = metricFigures(totals, input.currency).map(({ id, name, value, shown }) => {
    const target = input.targets[id];
    const benchmark = input.benchmarks[id];
    const actual = value === null ? null : approximate(value);
    const cells: ReportCell[] = [
      msg(name),
      formulaOf(id),
      shown(value),
      target === undefined ? msg('value.notSet') : shown(exact(target)),
      target === undefined ? msg('value.notSet') : varianceRate(value, target),
      benchmark === undefined ? msg('value.notSet') : shown(exact(benchmark)),
      benchmark === undefined ? msg('value.notSet') : varianceRate(value, benchmark),
    ];
    const comparable = target !== undefined && actual !== null && Number.isFinite(actual);
    const status = comparable ? targetStatus(compareToTarget({ metric: id, target, actual }).status) : undefined;
    return { cells, ...(status === undefined ? {} : { status }) };
  });
  const columns = [
    column('column.metric', 'text'),
    column('column.formula', 'text'),
    column('column.value', 'number'),
    column('column.target', 'number'),
    column('column.vsTarget', 'percent', { signed: true }),
    column('column.benchmark', 'number'),
    column('column.vsBenchmark', 'percent', { signed: true }),
  ];
  // Always four rows: a metric without a value still has its row, showing n/a.
  return table(columns, rows);
}
