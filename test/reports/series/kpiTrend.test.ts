import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { createMetricRegistry } from '../../../src/kpi/createMetricRegistry.js';
import type { MeasurementInput } from '../../../src/model/kpi.js';
import { kpiTrend } from '../../../src/reports/series/kpiTrend.js';

const m = (id: string, date: string, channel: string, values: Record<string, number>, campaignId = 'c1'): MeasurementInput => ({ id, campaignId, date, channel, values });

/**
 * Two weeks of clicks and impressions on two channels. Search's first week has days of 2 % and 8 %:
 * their mean is 5 %, but the week's CTR is 40 clicks / 1,250 impressions = 3.2 %.
 */
const measurements = [
  m('s1', '2026-03-02', 'search', { clicks: 20, impressions: 1000 }),
  m('s2', '2026-03-03', 'search', { clicks: 20, impressions: 250 }),
  m('o1', '2026-03-04', 'social', { clicks: 10, impressions: 750 }),
  m('s3', '2026-03-10', 'search', { clicks: 60, impressions: 1500 }),
  m('o2', '2026-03-11', 'social', { clicks: 45, impressions: 1500 }),
  m('x1', '2026-03-04', 'search', { clicks: 999, impressions: 1000 }, 'other-campaign'),
];
const ctrTarget = { id: 't-ctr', campaignId: 'c1', metric: 'ctr', target: 0.03, periodStart: '2026-03-02', periodEnd: '2026-03-15' };

describe('kpiTrend', () => {
  it('computes CTR per week from summed clicks and impressions, not by averaging the days', () => {
    const trend = kpiTrend({ metric: 'ctr', measurements: measurements.slice(0, 5) });
    expect(trend).toMatchObject({ metric: 'ctr', unit: 'percent', direction: 'higher', period: 'week', accumulates: false, target: null });
    const [all] = trend.series;
    expect(all?.channel).toBeUndefined();
    expect(all?.points).toEqual([
      { period: '2026-W10', start: '2026-03-02', end: '2026-03-08', inputs: { clicks: 50, impressions: 2000 }, measurementCount: 3, value: 0.025, cumulative: 0.025, target: null, expected: null },
      { period: '2026-W11', start: '2026-03-09', end: '2026-03-15', inputs: { clicks: 105, impressions: 3000 }, measurementCount: 2, value: 0.035, cumulative: 0.031, target: null, expected: null },
    ]);
  });

  it('splits by channel and draws the target of one campaign, leaving other campaigns out', () => {
    const trend = kpiTrend({ metric: 'ctr', measurements, byChannel: true, target: ctrTarget });
    expect(trend.target).toBe(0.03);
    expect(trend.series.map((s) => s.channel)).toEqual(['search', 'social']);
    const [search, social] = trend.series;
    expect(search?.points.map((p) => [p.value, p.cumulative, p.target, p.expected])).toEqual([
      [0.032, 0.032, 0.03, 0.03],
      [0.04, 100 / 2750, 0.03, 0.03],
    ]);
    // Averaging search's two days would have said 0.05 for the first week.
    expect(search?.points[0]?.value).not.toBe((0.02 + 0.08) / 2);
    expect(social?.points.map((p) => [p.inputs, p.value])).toEqual([
      [{ clicks: 10, impressions: 750 }, 10 / 750],
      [{ clicks: 45, impressions: 1500 }, 0.03],
    ]);
  });

  it('lists every day of the range, an empty one with no value and the reason', () => {
    const trend = kpiTrend({ metric: 'ctr', period: 'day', from: '2026-03-02', to: '2026-03-04', measurements: measurements.slice(0, 3) });
    expect(trend.series[0]?.points.map((p) => [p.period, p.value, p.cumulative])).toEqual([
      ['2026-03-02', 0.02, 0.02],
      ['2026-03-03', 0.08, 0.032],
      ['2026-03-04', 10 / 750, 50 / 2000],
    ]);
    const empty = kpiTrend({ metric: 'ctr', period: 'day', from: '2026-03-05', to: '2026-03-05', measurements: measurements.slice(0, 3) }).series[0]?.points[0];
    expect(empty).toMatchObject({ measurementCount: 0, value: null, cumulative: null, reason: 'missing inputs: clicks, impressions' });
  });

  it('keeps reach in the running total only while one measurement carries it, and refuses two currencies in one series', () => {
    const trend = kpiTrend({
      metric: 'engagement_rate_reach',
      period: 'day',
      measurements: [m('r1', '2026-03-02', 'social', { engagements: 50, reach: 1000 }), m('r2', '2026-03-03', 'social', { engagements: 30, reach: 600 })],
    });
    expect(trend.series[0]?.points.map((p) => [p.value, p.cumulative])).toEqual([
      [0.05, 0.05],
      [0.05, null],
    ]);
    const spend = [
      { id: 'a', campaignId: 'c1', date: '2026-03-02', currency: 'CNY', values: { spend: 100, clicks: 1 } },
      { id: 'b', campaignId: 'c1', date: '2026-03-09', currency: 'USD', values: { spend: 100, clicks: 1 } },
    ];
    expect(() => kpiTrend({ metric: 'cpc', measurements: spend })).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
  });

  it('paces an accumulating metric along its target period with expectedProgress', () => {
    const trend = kpiTrend({
      metric: 'leads',
      measurements: [m('l1', '2026-03-03', 'search', { leads: 300 }), m('l2', '2026-03-12', 'search', { leads: 450 })],
      target: { id: 't-leads', campaignId: 'c1', metric: 'leads', target: 1000, periodStart: '2026-03-02', periodEnd: '2026-03-15' },
    });
    expect(trend.accumulates).toBe(true);
    expect(trend.series[0]?.points.map((p) => [p.period, p.value, p.cumulative, p.target, p.expected])).toEqual([
      ['2026-W10', 300, 300, 1000, 500],
      ['2026-W11', 450, 750, 1000, 1000],
    ]);
  });

  it('tells accumulating metrics from ratios by their formula', () => {
    const registry = createMetricRegistry([
      { id: 'net_leads', name: 'Net leads', formula: '2 * (leads - rejected) / 2', inputs: ['leads', 'rejected'], unit: 'count', direction: 'higher' },
      { id: 'leads_plus_one', name: 'Leads + 1', formula: 'leads + 1', inputs: ['leads'], unit: 'count', direction: 'higher' },
    ]);
    const grows = (metric: string) => kpiTrend({ metric, measurements: [] }, { registry }).accumulates;
    expect(['leads', 'clicks', 'followers_gained', 'net_leads'].map(grows)).toEqual([true, true, true, true]);
    expect(['ctr', 'cpm', 'aov', 'reach', 'leads_plus_one'].map(grows)).toEqual([false, false, false, false, false]);
    expect(kpiTrend({ metric: 'ctr', measurements: [], accumulates: true }).accumulates).toBe(true);
  });

  it('refuses an unknown metric, a target on another metric and a bad registry', () => {
    const codeOf = (run: () => unknown): string => {
      try {
        run();
        return 'ok';
      } catch (e) {
        return isCampaignKitError(e) ? e.code : 'raw';
      }
    };
    expect(codeOf(() => kpiTrend({ metric: 'nope', measurements }))).toBe('NOT_FOUND');
    expect(codeOf(() => kpiTrend({ metric: 'cpc', measurements, target: ctrTarget }))).toBe('VALIDATION');
    expect(codeOf(() => kpiTrend({ metric: 'ctr', measurements }, { registry: {} as never }))).toBe('VALIDATION');
    expect(codeOf(() => kpiTrend({ metric: 'ctr', measurements, from: '2026-03-09', to: '2026-03-02' }))).toBe('VALIDATION');
  });

  it('gives every point the CTR of its summed inputs, and the last cumulative the CTR of all of them', () => {
    const measurement = fc.record({
      day: fc.integer({ min: 0, max: 40 }),
      channel: fc.constantFrom('search', 'social', 'video'),
      clicks: fc.integer({ min: 0, max: 500 }),
      impressions: fc.integer({ min: 1, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(measurement, { minLength: 1, maxLength: 25 }), fc.constantFrom('day', 'week', 'month' as const), fc.boolean(), (items, period, byChannel) => {
        const list = items.map((x, i) => m(`m${i}`, new Date(Date.UTC(2026, 2, 1 + x.day)).toISOString().slice(0, 10), x.channel, { clicks: x.clicks, impressions: x.impressions }));
        const trend = kpiTrend({ metric: 'ctr', measurements: list, period, byChannel });
        for (const series of trend.series) {
          for (const p of series.points) {
            const clicks = p.inputs.clicks;
            const impressions = p.inputs.impressions;
            expect(p.value).toBe(clicks === undefined || impressions === undefined ? null : clicks / impressions);
          }
          const own = byChannel ? items.filter((x) => x.channel === series.channel) : items;
          const total = own.reduce((s, x) => ({ clicks: s.clicks + x.clicks, impressions: s.impressions + x.impressions }), { clicks: 0, impressions: 0 });
          expect(series.points.at(-1)?.cumulative).toBe(total.clicks / total.impressions);
        }
      }),
      { numRuns: 100 },
    );
  });
});
