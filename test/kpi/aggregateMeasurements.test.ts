import { describe, expect, it } from 'vitest';
import type { MeasurementInput } from '../../src/model/kpi.js';
import { aggregateMeasurements } from '../../src/kpi/aggregateMeasurements.js';
import { computeMetrics } from '../../src/kpi/computeMetrics.js';
import { errorOf } from '../_support/errors.js';

function day(id: string, date: string, values: Record<string, number>, extra: Partial<MeasurementInput> = {}): MeasurementInput {
  return { id, campaignId: 'launch', date, values, ...extra };
}

describe('aggregateMeasurements: ratio of sums, never average of ratios', () => {
  // Monday: 10 clicks / 100 impressions (CTR 10 %); Tuesday: 30 / 900 (CTR 3.33 %).
  const days = [day('m1', '2026-03-02', { clicks: 10, impressions: 100 }), day('m2', '2026-03-03', { clicks: 30, impressions: 900 })];

  it('sums the inputs and computes CTR from the sums', () => {
    const [week] = aggregateMeasurements(days, { metrics: ['ctr'] });
    expect(week?.inputs).toEqual({ clicks: 40, impressions: 1_000 });
    // 40 / 1,000 = 4 %, while the mean of the daily CTRs would be (10 % + 3.33 %) / 2 = 6.67 %.
    expect(week?.metrics).toEqual({ ctr: 0.04 });
  });

  it('spans the measurements when summing everything', () => {
    expect(aggregateMeasurements(days)).toEqual([
      { period: { key: 'all', start: '2026-03-02', end: '2026-03-03' }, inputs: { clicks: 40, impressions: 1_000 }, unsummable: [], measurementCount: 2 },
    ]);
  });

  it('sums decimals exactly', () => {
    const [group] = aggregateMeasurements([day('a', '2026-03-02', { score: 0.1 }), day('b', '2026-03-03', { score: 0.2 })]);
    expect(group?.inputs).toEqual({ score: 0.3 });
  });
});

describe('aggregateMeasurements: buckets and groups', () => {
  const data = [
    day('m1', '2026-03-01', { clicks: 1, spend: 100 }, { channel: 'search' }), // Sunday of ISO week 9
    day('m2', '2026-03-02', { clicks: 2, spend: 200 }, { channel: 'search' }), // Monday of week 10
    day('m3', '2026-03-08', { clicks: 4, spend: 400 }, { channel: 'social' }), // Sunday of week 10
    day('m4', '2026-03-31', { clicks: 8, spend: 800 }, { channel: 'social' }), // Tuesday of week 14
    day('m5', '2026-04-01', { clicks: 16, spend: 1600 }, { channel: 'search', campaignId: 'expo' }),
  ];

  it('buckets by ISO week, Monday to Sunday', () => {
    expect(aggregateMeasurements(data, { period: 'week' }).map((g) => [g.period.key, g.period.start, g.period.end, g.inputs.clicks])).toEqual([
      ['2026-W09', '2026-02-23', '2026-03-01', 1],
      ['2026-W10', '2026-03-02', '2026-03-08', 6],
      ['2026-W14', '2026-03-30', '2026-04-05', 24],
    ]);
  });

  it('buckets by calendar month', () => {
    expect(aggregateMeasurements(data, { period: 'month' }).map((g) => [g.period.key, g.period.start, g.period.end, g.inputs.clicks])).toEqual([
      ['2026-03', '2026-03-01', '2026-03-31', 15],
      ['2026-04', '2026-04-01', '2026-04-30', 16],
    ]);
  });

  it('buckets by day', () => {
    expect(aggregateMeasurements(data, { period: 'day' }).map((g) => g.period.key)).toEqual(['2026-03-01', '2026-03-02', '2026-03-08', '2026-03-31', '2026-04-01']);
  });

  it('keeps campaigns and channels apart when asked', () => {
    const groups = aggregateMeasurements(data, { groupBy: ['campaign', 'channel'], metrics: ['cpc'] });
    expect(groups.map((g) => [g.campaignId, g.channel, g.inputs.clicks, g.metrics?.cpc])).toEqual([
      ['expo', 'search', 16, 100],
      ['launch', 'search', 3, 100],
      ['launch', 'social', 12, 100],
    ]);
  });

  it('filters by an inclusive date range and reports the range as the period', () => {
    const [group] = aggregateMeasurements(data, { from: '2026-03-02', to: '2026-03-31' });
    expect(group?.inputs).toEqual({ clicks: 14, spend: 1_400 });
    expect(group?.period).toEqual({ key: 'all', start: '2026-03-02', end: '2026-03-31' });
    expect(aggregateMeasurements(data, { from: '2027-01-01' })).toEqual([]);
  });

  it('accepts a weekly measurement inside its ISO week and refuses to split one across weeks', () => {
    const weekly = day('w', '2026-03-02', { clicks: 70 }, { period: 'week' });
    expect(aggregateMeasurements([weekly], { period: 'week' })[0]?.period.key).toBe('2026-W10');
    expect(aggregateMeasurements([weekly], { period: 'month' })[0]?.inputs).toEqual({ clicks: 70 });
    const straddling = day('w2', '2026-03-04', { clicks: 70 }, { period: 'week' });
    expect(errorOf(() => aggregateMeasurements([straddling], { period: 'week' }), 'VALIDATION').message).toContain(
      'measurement w2 covers 2026-03-04..2026-03-10, which cannot be split into weeks',
    );
    expect(errorOf(() => aggregateMeasurements([weekly], { period: 'day' }), 'VALIDATION').details.issues?.[0]?.path).toEqual([0, 'period']);
  });

  it('refuses a measurement that straddles the from/to range', () => {
    const monthly = day('mo', '2026-03-01', { clicks: 300 }, { period: 'month' });
    expect(aggregateMeasurements([monthly], { from: '2026-03-01', to: '2026-03-31' })[0]?.inputs).toEqual({ clicks: 300 });
    expect(errorOf(() => aggregateMeasurements([monthly], { from: '2026-03-15' }), 'VALIDATION').message).toContain('straddles the range');
  });
});

describe('aggregateMeasurements: non-additive inputs and currencies', () => {
  it('drops reach when two measurements carry it, because unique people do not add up', () => {
    const [group] = aggregateMeasurements([day('a', '2026-03-02', { reach: 500, engagements: 40 }), day('b', '2026-03-03', { reach: 700, engagements: 60 })], {
      metrics: ['engagement_rate_reach'],
    });
    expect(group?.inputs).toEqual({ engagements: 100 });
    expect(group?.unsummable).toEqual(['reach']);
    expect(group?.metrics).toEqual({ engagement_rate_reach: null });
  });

  it('keeps reach from a single period-level measurement', () => {
    const [group] = aggregateMeasurements([day('a', '2026-03-02', { engagements: 40 }), day('wk', '2026-03-02', { reach: 900 }, { period: 'week' })]);
    expect(group?.inputs).toEqual({ engagements: 40, reach: 900 });
  });

  it('never sums two currencies', () => {
    const error = errorOf(
      () => aggregateMeasurements([day('a', '2026-03-02', { spend: 100 }, { currency: 'CNY' }), day('b', '2026-03-02', { spend: 100 }, { currency: 'USD' })]),
      'CURRENCY_MISMATCH',
    );
    expect(error.details.ids).toEqual(['b']);
    const byCampaign = aggregateMeasurements(
      [day('a', '2026-03-02', { spend: 100 }, { currency: 'CNY' }), day('b', '2026-03-02', { spend: 100 }, { currency: 'USD', campaignId: 'us' })],
      { groupBy: ['campaign'] },
    );
    expect(byCampaign.map((g) => [g.campaignId, g.currency])).toEqual([
      ['launch', 'CNY'],
      ['us', 'USD'],
    ]);
  });

  it('rejects fractional money in a measurement', () => {
    expect(errorOf(() => aggregateMeasurements([day('a', '2026-03-02', { revenue: 99.9 })]), 'VALIDATION').message).toContain('money inputs are integer minor units');
  });

  it('gives the same metrics as computing on the hand-summed inputs', () => {
    const list = [day('a', '2026-03-02', { spend: 1_000, leads: 3 }), day('b', '2026-03-09', { spend: 2_000, leads: 0 })];
    const [group] = aggregateMeasurements(list, { metrics: ['cpl'] });
    expect(group?.metrics).toEqual(computeMetrics({ spend: 3_000, leads: 3 }, ['cpl']));
    expect(group?.metrics).toEqual({ cpl: 1_000 });
  });
});
