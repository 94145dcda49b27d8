import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetSummary } from '../../../src/budget/budgetSummary.js';
import { isCampaignKitError } from '../../../src/core/errors.js';
import type { BudgetStateInput } from '../../../src/budget/budgetState.js';
import {
  budgetBarsSvg,
  budgetBurn,
  burnChart,
  burndownSvg,
  burnupSvg,
  cumulativeFlow,
  cumulativeFlowSvg,
  kpiTrend,
  kpiTrendSvg,
  sCurveSvg,
} from '../../../src/reports/index.js';
import type { TaskFactInput } from '../../../src/reports/series/taskHistory.js';
import { attributesOf } from './_ganttFixture.js';

/** A five-working-day sprint, Thursday 5 to Wednesday 11 March 2026, in story points. */
const sprint: TaskFactInput[] = [
  { at: '2026-03-05T09:00', taskId: 'a', kind: 'added', points: 3 },
  { at: '2026-03-05T09:00', taskId: 'b', kind: 'added', points: 5 },
  { at: '2026-03-05T09:30', taskId: 'c', kind: 'added', points: 2 },
  { at: '2026-03-06T16:00', taskId: 'a', kind: 'changed', statusCategory: 'done' },
  { at: '2026-03-07T10:00', taskId: 'd', kind: 'added', points: 4 },
  { at: '2026-03-09T11:00', taskId: 'b', kind: 'changed', statusCategory: 'in_progress' },
  { at: '2026-03-10T10:00', taskId: 'b', kind: 'changed', statusCategory: 'done' },
  { at: '2026-03-11T12:00', taskId: 'c', kind: 'removed' },
];
const chart = burnChart({ from: '2026-03-05', to: '2026-03-11', measure: 'points', facts: sprint });
const flow = cumulativeFlow({ from: '2026-03-05', to: '2026-03-11', facts: sprint });

/** Three weeks of a CNY campaign: media 1,500.00 spread evenly, 400.00 spent by the status date. */
const budget: BudgetStateInput = {
  campaign: { id: 'launch', currency: 'CNY', plannedStart: '2026-04-06', plannedFinish: '2026-04-24' },
  lines: [
    { id: 'media', campaignId: 'launch', category: 'media', planned: 150_000, currency: 'CNY' },
    { id: 'print', campaignId: 'launch', category: 'materials', planned: 60_000, forecast: 65_000, currency: 'CNY' },
  ],
  expenses: [
    { id: 'm1', campaignId: 'launch', category: 'media', kind: 'actual', amount: 40_000, currency: 'CNY', date: '2026-04-08' },
    { id: 'p1', campaignId: 'launch', category: 'materials', kind: 'actual', amount: 25_000, currency: 'CNY', date: '2026-04-14' },
  ],
};
const burn = budgetBurn({ statusDate: '2026-04-15', budget });

const ctr = kpiTrend({
  metric: 'ctr',
  byChannel: true,
  measurements: [
    { id: 's1', campaignId: 'c1', channel: 'search', date: '2026-03-02', values: { clicks: 20, impressions: 1000 } },
    { id: 's2', campaignId: 'c1', channel: 'search', date: '2026-03-10', values: { clicks: 30, impressions: 1000 } },
    { id: 'o1', campaignId: 'c1', channel: 'social', date: '2026-03-03', values: { clicks: 40, impressions: 1000 } },
    { id: 'o2', campaignId: 'c1', channel: 'social', date: '2026-03-11', values: { clicks: 10, impressions: 1000 } },
  ],
  target: { id: 't-ctr', campaignId: 'c1', metric: 'ctr', target: 0.03, periodStart: '2026-03-02', periodEnd: '2026-03-15' },
});
const leads = kpiTrend({
  metric: 'leads',
  measurements: [
    { id: 'l1', campaignId: 'c1', date: '2026-03-02', values: { leads: 20 } },
    { id: 'l2', campaignId: 'c1', date: '2026-03-10', values: { leads: 30 } },
  ],
  target: { id: 't-leads', campaignId: 'c1', metric: 'leads', target: 100, periodStart: '2026-03-02', periodEnd: '2026-03-15' },
});

/** The legend's names, in order. */
function legendOf(svg: string): string[] {
  return [...svg.matchAll(/<g data-legend="\d+">[\s\S]*?<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

/** The `<g data-series="i">…</g>` group of one series. */
function seriesGroup(svg: string, index: number): string {
  const match = new RegExp(`<g data-series="${index}">[\\s\\S]*?\\n</g>`).exec(svg);
  if (match === null) throw new Error(`no series ${index}`);
  return match[0];
}

/** The points of the first `<path data-part="line">` in `group`. */
function linePoints(group: string): number {
  return (attributesOf(group, /<path data-part="line"[^>]*>/).d ?? '').split(' ').length;
}

function valueTicks(svg: string): string[] {
  return [...svg.matchAll(/<text data-value-tick="[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isCampaignKitError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a CampaignKitError');
}

describe('burndownSvg and burnupSvg', () => {
  it('draws the remaining points with a dot per day and the ideal line dashed', () => {
    const svg = burndownSvg(chart);
    expect(svg).toContain('aria-label="Burndown"');
    expect(legendOf(svg)).toEqual(['Remaining', 'Ideal']);
    const remaining = seriesGroup(svg, 0);
    expect(linePoints(remaining)).toBe(chart.days.length);
    expect(remaining.match(/data-part="marker"/g)).toHaveLength(5);
    expect(remaining).toContain('<title>2026-03-09 · Remaining: 11</title>');
    expect(attributesOf(remaining, /<path data-part="line"[^>]*>/)['stroke-dasharray']).toBeUndefined();
    const ideal = seriesGroup(svg, 1);
    expect(linePoints(ideal)).toBe(5);
    expect(attributesOf(ideal, /<path data-part="line"[^>]*>/)['stroke-dasharray']).toBe('6 4');
    // The ideal line ends on zero: its last y is the zero line's.
    const zero = attributesOf(svg, /<line data-zero-line="true"[^>]*>/).y1;
    expect(attributesOf(ideal, /<path data-part="line"[^>]*>/).d?.endsWith(`,${zero ?? ''}`)).toBe(true);
  });

  it('draws the burnup as completed and scope', () => {
    const svg = burnupSvg(chart, { width: 800, height: 400, valueLabel: 'Story points' });
    expect(svg).toContain('width="800" height="400"');
    expect(svg).toContain('aria-label="Burnup"');
    expect(svg).toContain('>Story points</text>');
    expect(legendOf(svg)).toEqual(['Completed', 'Scope']);
    expect(seriesGroup(svg, 0)).toContain('<title>2026-03-11 · Completed: 8</title>');
    expect(linePoints(seriesGroup(svg, 1))).toBe(5);
  });

  it('escapes a label with < and keeps Chinese labels and titles', () => {
    const svg = burndownSvg(chart, { title: '燃尽图 <冲刺 1>', labels: { remaining: '剩余 <点数>', ideal: '理想' } });
    expect(svg).toContain('aria-label="燃尽图 &lt;冲刺 1&gt;"');
    expect(legendOf(svg)).toEqual(['剩余 &lt;点数&gt;', '理想']);
    expect(svg).not.toContain('<点数>');
    expect(burnupSvg(chart, { labels: { completed: '已完成', scope: '范围' } })).toContain('>范围</text>');
  });

  it('is deterministic', () => {
    expect(burndownSvg(chart, { title: 'S' })).toBe(burndownSvg(burnChart({ from: '2026-03-05', to: '2026-03-11', measure: 'points', facts: sprint }), { title: 'S' }));
  });
});

describe('cumulativeFlowSvg', () => {
  it('stacks one band per status category with done at the bottom', () => {
    const svg = cumulativeFlowSvg(flow);
    expect(svg).toContain('aria-label="Cumulative flow"');
    expect(legendOf(svg)).toEqual(['Done', 'In review', 'In progress', 'To do', 'Backlog']);
    expect(svg.match(/data-part="area"/g)).toHaveLength(5);
    expect(linePoints(seriesGroup(svg, 0))).toBe(flow.days.length);
    // The top band's upper edge is each day's scope.
    const yOfTick = (tick: number): number => Number(attributesOf(svg, new RegExp(`<text data-value-tick="${tick}"[^>]*>`)).y) - 12 * 0.35;
    const [zero, two] = [yOfTick(0), yOfTick(2)];
    const tops = [...(attributesOf(seriesGroup(svg, 4), /<path data-part="line"[^>]*>/).d ?? '').matchAll(/,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(tops.map((y) => Math.round(((zero - y) / (zero - two)) * 2 * 100) / 100)).toEqual(flow.days.map((d) => d.total));
  });

  it('draws the bands in done-first order whatever order the flow lists them in, with the caller’s labels', () => {
    const svg = cumulativeFlowSvg({ ...flow, bands: ['todo', 'done'] }, { labels: { done: '已完成', todo: '待办' } });
    expect(legendOf(svg)).toEqual(['已完成', '待办']);
  });

  it('draws the empty frame for a flow without days', () => {
    const svg = cumulativeFlowSvg({ ...flow, days: [] }, { noDataLabel: '无数据' });
    expect(svg).toContain('>无数据</text>');
    expect(legendOf(svg)).toEqual([]);
  });
});

describe('sCurveSvg', () => {
  it('draws cumulative planned, actual to the status date and a dashed forecast, in yuan with money ticks', () => {
    expect(burn.points.map((p) => [p.end, p.cumulativePlanned, p.cumulativeActual, p.cumulativeForecast])).toEqual([
      ['2026-04-12', 70_000, 40_000, 40_000],
      // After the status date the estimates to complete, 1,100.00 and 400.00, spread over the 7 planned days left: 2 of them in week 16.
      ['2026-04-19', 140_000, 65_000, 107_860],
      ['2026-04-26', 210_000, null, 215_000],
    ]);
    const svg = sCurveSvg(burn, { valuePrefix: '¥' });
    expect(svg).toContain('aria-label="Budget burn"');
    expect(legendOf(svg)).toEqual(['Planned', 'Actual', 'Forecast']);
    expect(valueTicks(svg)).toEqual(['¥0.00', '¥500.00', '¥1,000.00', '¥1,500.00', '¥2,000.00', '¥2,500.00']);
    expect(svg).toContain('>CNY</text>');
    expect(linePoints(seriesGroup(svg, 0))).toBe(3);
    // The actual stops at the status date, where the week holding it is drawn.
    const actual = seriesGroup(svg, 1);
    expect(linePoints(actual)).toBe(2);
    expect(actual).toContain('<title>2026-04-15 · Actual: ¥650</title>');
    expect(actual).not.toContain('2026-04-19');
    expect(attributesOf(seriesGroup(svg, 2), /<path data-part="line"[^>]*>/)['stroke-dasharray']).toBe('6 4');
  });

  it('uses the currency’s digits: yen have none', () => {
    const yen = sCurveSvg({ ...burn, currency: 'JPY' }, { valueLabel: '円' });
    expect(valueTicks(yen)).toEqual(['0', '50,000', '100,000', '150,000', '200,000', '250,000']);
    expect(yen).toContain('>円</text>');
    const dinar = sCurveSvg({ ...burn, currency: 'KWD' });
    expect(valueTicks(dinar)[1]).toBe('50.000');
  });

  it('keeps Chinese labels and escapes <', () => {
    const svg = sCurveSvg(burn, { title: '预算 S 曲线', labels: { planned: '计划', actual: '实际 <截至今日>', forecast: '预测' } });
    expect(legendOf(svg)).toEqual(['计划', '实际 &lt;截至今日&gt;', '预测']);
    expect(svg).toContain('<title>预算 S 曲线</title>');
  });
});

describe('budgetBarsSvg', () => {
  const summary = budgetSummary(budget);

  it('draws planned, actual and an outlined forecast per cost category, in yuan', () => {
    const svg = budgetBarsSvg(summary, { categoryLabels: { media: '媒体', materials: '物料 <印刷>' }, valuePrefix: '¥' });
    expect(svg).toContain('aria-label="Budget by category"');
    expect(legendOf(svg)).toEqual(['Planned', 'Actual', 'Forecast']);
    expect(svg.match(/<rect data-category=/g)).toHaveLength(6);
    expect(svg).toContain('<title>媒体 · Planned: ¥1,500</title>');
    expect(svg).toContain('<title>物料 &lt;印刷&gt; · Forecast: ¥650</title>');
    expect(attributesOf(seriesGroup(svg, 2), /<rect data-category="0"[^>]*>/)).toMatchObject({ fill: '#ffffff', 'stroke-width': '1.5' });
    expect(valueTicks(svg)).toEqual(['¥0.00', '¥500.00', '¥1,000.00', '¥1,500.00']);
  });

  it('shows a category without a display name by its id, and draws nothing for a kind without rows', () => {
    expect(budgetBarsSvg(summary)).toContain('>materials</text>');
    expect(budgetBarsSvg(summary, { kind: 'revenue' })).toContain('>No data</text>');
  });

  it('is deterministic', () => {
    expect(budgetBarsSvg(summary, { title: '预算' })).toBe(budgetBarsSvg(budgetSummary(budget), { title: '预算' }));
  });
});

describe('kpiTrendSvg', () => {
  it('draws a line per channel in percent and the target dashed', () => {
    const svg = kpiTrendSvg(ctr, { channelLabels: { search: '搜索' } });
    expect(svg).toContain('aria-label="Click-through rate"');
    expect(legendOf(svg)).toEqual(['搜索', 'social', 'Target']);
    expect(linePoints(seriesGroup(svg, 0))).toBe(2);
    expect(seriesGroup(svg, 0)).toContain('<title>2026-03-15 · 搜索: 3%</title>');
    expect(seriesGroup(svg, 1)).toContain('<title>2026-03-08 · social: 4%</title>');
    expect(attributesOf(seriesGroup(svg, 2), /<path data-part="line"[^>]*>/)['stroke-dasharray']).toBe('6 4');
    expect(valueTicks(svg).at(-1)).toBe('4%');
  });

  it('draws the cumulative value of a metric that accumulates, with the expected line', () => {
    const svg = kpiTrendSvg(leads, { title: '线索', labels: { target: '目标', expected: '预期' } });
    expect(legendOf(svg)).toEqual(['Leads', '目标', '预期']);
    expect(seriesGroup(svg, 0)).toContain('<title>2026-03-15 · Leads: 50</title>');
    expect(attributesOf(seriesGroup(svg, 2), /<path data-part="line"[^>]*>/)['stroke-dasharray']).toBeUndefined();
    expect(kpiTrendSvg(leads, { show: 'value', labels: { value: 'Leads per week' } })).toContain('<title>2026-03-15 · Leads per week: 30</title>');
  });

  it('is deterministic', () => {
    expect(kpiTrendSvg(ctr)).toBe(kpiTrendSvg(ctr));
  });
});

describe('validation', () => {
  it('refuses malformed series with a VALIDATION error naming the field', () => {
    expect(errorOf(() => burndownSvg({ ...chart, days: [{ date: '2026-13-01', scope: 1, completed: 0, remaining: 1, ideal: 1 }] }))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('days[0].date') });
    expect(errorOf(() => burnupSvg({ ...chart, days: [{ date: '2026-03-05', scope: Number.NaN, completed: 0, remaining: 1, ideal: 1 }] })).message).toContain('days[0].scope');
    expect(errorOf(() => cumulativeFlowSvg({ ...flow, bands: ['cancelled' as 'done'] })).message).toContain('bands[0]');
    expect(errorOf(() => sCurveSvg({ ...burn, currency: 'XAU' })).message).toContain('currency');
    expect(errorOf(() => sCurveSvg({ ...burn, points: [{ ...(burn.points[0] ?? burn.points[1]), cumulativePlanned: 1.5 } as (typeof burn.points)[number]] })).message).toContain('points[0].cumulativePlanned');
    expect(errorOf(() => budgetBarsSvg({ ...budgetSummary(budget), categories: [{ category: 'x' }] } as unknown as Parameters<typeof budgetBarsSvg>[0])).message).toContain('categories[0]');
    expect(errorOf(() => kpiTrendSvg({ ...ctr, unit: 'furlongs' } as unknown as Parameters<typeof kpiTrendSvg>[0])).message).toContain('unit');
  });

  it('refuses bad options', () => {
    expect(errorOf(() => burndownSvg(chart, { width: 10 })).message).toContain('width');
    expect(errorOf(() => sCurveSvg(burn, { colors: { background: 'url(#x)' } })).message).toContain('colors.background');
    expect(errorOf(() => kpiTrendSvg(ctr, { show: 'total' as 'value' })).message).toContain('show');
    expect(errorOf(() => budgetBarsSvg(budgetSummary(budget), { labels: { planned: 7 as unknown as string } })).message).toContain('labels.planned');
  });

  it('lets only CampaignKitError escape for arbitrary arguments', () => {
    const functions = [burndownSvg, burnupSvg, cumulativeFlowSvg, sCurveSvg, budgetBarsSvg, kpiTrendSvg] as ((...args: unknown[]) => string)[];
    fc.assert(
      fc.property(fc.constantFrom(...functions), fc.anything(), fc.anything(), (fn, series, options) => {
        try {
          fn(series, options);
        } catch (error) {
          expect(isCampaignKitError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
