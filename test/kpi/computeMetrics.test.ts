import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../../src/kpi/builtInMetrics.js';
import { computeMetrics, explainMetrics } from '../../src/kpi/computeMetrics.js';
import { errorOf } from '../_support/errors.js';

// One month of a campaign; money in fen (1 CNY = 100 fen).
const month = {
  impressions: 20_000,
  clicks: 500,
  link_clicks: 300,
  interactions: 625,
  sessions: 400,
  engaged_sessions: 260,
  conversions: 25,
  leads: 50,
  mqls: 20,
  sqls: 8,
  opportunities: 4,
  deals_won: 1,
  new_customers: 5,
  orders: 40,
  customers: 32,
  reach: 8_000,
  engagements: 1_200,
  follows: 150,
  unfollows: 30,
  spend: 1_500_000,
  cost: 2_000_000,
  revenue: 6_000_000,
  gross_margin: 2_400_000,
  sales_cost: 300_000,
  marketing_cost: 1_200_000,
  customer_lifespan: 3,
};

// Worked by hand from the formulas in docs/kpi.md.
const expected: Record<string, number> = {
  ctr: 0.025, // 500 / 20,000
  ctr_link: 0.015, // 300 / 20,000
  cvr: 0.05, // 25 / 500
  cvr_interactions: 0.04, // 25 / 625
  cvr_sessions: 0.0625, // 25 / 400
  cpc: 3_000, // 1,500,000 fen / 500 = 30 CNY
  cpm: 75_000, // 1,500,000 / 20,000 × 1000 = 750 CNY
  cpl: 30_000, // 1,500,000 / 50
  cpa: 60_000, // 1,500,000 / 25
  cac: 300_000, // (300,000 + 1,200,000) / 5
  roas: 4, // 6,000,000 / 1,500,000
  roi: 2, // (6,000,000 − 2,000,000) / 2,000,000
  roi_margin: 0.2, // (2,400,000 − 2,000,000) / 2,000,000
  engagement_rate: 0.65, // 260 / 400
  engagement_rate_reach: 0.15, // 1,200 / 8,000
  engagement_rate_impressions: 0.06, // 1,200 / 20,000
  lead_to_mql: 0.4, // 20 / 50
  mql_to_sql: 0.4, // 8 / 20
  sql_to_opportunity: 0.5, // 4 / 8
  opportunity_to_won: 0.25, // 1 / 4
  lead_to_won: 0.02, // 1 / 50
  leads: 50,
  conversions: 25,
  clicks: 500,
  revenue: 6_000_000,
  reach: 8_000,
  exposure: 20_000,
  followers_gained: 120, // 150 − 30
  aov: 150_000, // 6,000,000 / 40
  purchase_frequency: 1.25, // 40 / 32
  ltv: 562_500, // 150,000 × 1.25 × 3
  ltv_to_cac: 1.875, // 562,500 / 300,000
};

describe('computeMetrics: every built-in metric', () => {
  it('has an expected value in this test for every built-in metric', () => {
    expect(Object.keys(expected).sort()).toEqual(BUILT_IN_METRICS.map((m) => m.id).sort());
  });

  it.each(Object.entries(expected))('computes %s exactly', (id, value) => {
    expect(computeMetrics(month, [id])).toEqual({ [id]: value });
  });

  it('computes every metric whose inputs are present when no ids are given', () => {
    expect(computeMetrics(month)).toEqual(expected);
  });

  it('reproduces the published worked examples', () => {
    // Google Ads Help, "Conversion rate": 50 conversions from 1,000 interactions is 5 %.
    expect(computeMetrics({ conversions: 50, interactions: 1_000 }, ['cvr_interactions'])).toEqual({ cvr_interactions: 0.05 });
    // Meta link CTR: 500 link clicks over 20,000 impressions is 2.5 %.
    expect(computeMetrics({ link_clicks: 500, impressions: 20_000 }, ['ctr_link'])).toEqual({ ctr_link: 0.025 });
    // CPM: 250.00 spent on 125,000 impressions is 2.00 per thousand (in cents: 25,000 → 200).
    expect(computeMetrics({ spend: 25_000, impressions: 125_000 }, ['cpm'])).toEqual({ cpm: 200 });
    // GA4 engagement rate: 693 engaged sessions of 1,810 is 38.3 %.
    expect(computeMetrics({ engaged_sessions: 693, sessions: 1_810 }, ['engagement_rate']).engagement_rate).toBeCloseTo(0.383, 3);
  });
});

describe('computeMetrics: zero denominators and missing inputs', () => {
  const denominators: [string, string, string][] = [
    ['ctr', 'impressions', 'impressions'],
    ['ctr_link', 'impressions', 'impressions'],
    ['cvr', 'clicks', 'clicks'],
    ['cvr_interactions', 'interactions', 'interactions'],
    ['cvr_sessions', 'sessions', 'sessions'],
    ['cpc', 'clicks', 'clicks'],
    ['cpm', 'impressions', 'impressions'],
    ['cpl', 'leads', 'leads'],
    ['cpa', 'conversions', 'conversions'],
    ['cac', 'new_customers', 'new_customers'],
    ['roas', 'spend', 'spend'],
    ['roi', 'cost', 'cost'],
    ['roi_margin', 'cost', 'cost'],
    ['engagement_rate', 'sessions', 'sessions'],
    ['engagement_rate_reach', 'reach', 'reach'],
    ['engagement_rate_impressions', 'impressions', 'impressions'],
    ['lead_to_mql', 'leads', 'leads'],
    ['mql_to_sql', 'mqls', 'mqls'],
    ['sql_to_opportunity', 'sqls', 'sqls'],
    ['opportunity_to_won', 'opportunities', 'opportunities'],
    ['lead_to_won', 'leads', 'leads'],
    ['aov', 'orders', 'orders'],
    ['purchase_frequency', 'customers', 'customers'],
  ];

  it.each(denominators)('gives %s null when %s is 0, naming the denominator', (id, input, denominator) => {
    const result = explainMetrics({ ...month, [input]: 0 }, [id]);
    expect(result).toEqual({
      [id]: { value: null, reason: { code: 'DIVISION_BY_ZERO', denominator, message: `division by zero: ${denominator} is 0` } },
    });
    expect(computeMetrics({ ...month, [input]: 0 }, [id])).toEqual({ [id]: null });
  });

  it('gives a metric built on another metric null with the inner reason', () => {
    const result = explainMetrics({ ...month, orders: 0 }, ['ltv']).ltv;
    expect(result).toEqual({
      value: null,
      reason: {
        code: 'METRIC_UNAVAILABLE',
        metric: 'aov',
        cause: { code: 'DIVISION_BY_ZERO', denominator: 'orders', message: 'division by zero: orders is 0' },
        message: 'aov has no value (division by zero: orders is 0)',
      },
    });
    expect(explainMetrics({ ...month, new_customers: 0 }, ['ltv_to_cac']).ltv_to_cac?.reason).toMatchObject({ code: 'METRIC_UNAVAILABLE', metric: 'cac' });
  });

  it('names every missing input, including those of metrics it builds on', () => {
    expect(explainMetrics({ clicks: 10 }, ['cpc', 'ltv_to_cac'])).toEqual({
      cpc: { value: null, reason: { code: 'MISSING_INPUT', inputs: ['spend'], message: 'missing input: spend' } },
      ltv_to_cac: {
        value: null,
        reason: {
          code: 'MISSING_INPUT',
          inputs: ['customer_lifespan', 'customers', 'marketing_cost', 'new_customers', 'orders', 'revenue', 'sales_cost'],
          message: 'missing inputs: customer_lifespan, customers, marketing_cost, new_customers, orders, revenue, sales_cost',
        },
      },
    });
  });

  it('skips metrics with absent inputs when no ids are given, but keeps those that divide by zero', () => {
    expect(computeMetrics({ spend: 50_000, clicks: 0, impressions: 20_000 })).toEqual({ ctr: 0, cpc: null, cpm: 2_500, clicks: 0, exposure: 20_000 });
  });

  it('returns aliases under the id asked for: roi_cn is ROAS, not ROI', () => {
    expect(computeMetrics({ revenue: 300_000, spend: 100_000, cost: 150_000 }, ['roi_cn', 'roas', 'roi'])).toEqual({ roi_cn: 3, roas: 3, roi: 1 });
  });

  it('is exact on decimal inputs of custom-free formulas', () => {
    expect(computeMetrics({ engaged_sessions: 0.3, sessions: 0.1 }, ['engagement_rate'])).toEqual({ engagement_rate: 3 });
  });
});

describe('computeMetrics: input checks', () => {
  it('rejects fractional money so yuan are never mistaken for fen', () => {
    const error = errorOf(() => computeMetrics({ spend: 48.5, clicks: 10 }), 'VALIDATION');
    expect(error.message).toBe('Invalid metric inputs: spend: money inputs are integer minor units (e.g. cents or fen); got 48.5');
  });

  it('rejects non-numbers, NaN and Infinity', () => {
    expect(errorOf(() => computeMetrics({ clicks: Number.NaN }), 'VALIDATION').details.issues?.[0]?.path).toEqual(['clicks']);
    expect(errorOf(() => computeMetrics({ clicks: Number.POSITIVE_INFINITY }), 'VALIDATION').details.issues?.[0]?.path).toEqual(['clicks']);
    expect(errorOf(() => computeMetrics({ clicks: '10' } as unknown as Record<string, number>), 'VALIDATION').details.issues?.[0]?.path).toEqual(['clicks']);
  });

  it('rejects unknown metric ids, naming all of them', () => {
    const error = errorOf(() => computeMetrics({ clicks: 1 }, ['ctr', 'crt', 'roi_us']), 'NOT_FOUND');
    expect(error.details.ids).toEqual(['crt', 'roi_us']);
    expect(error.message).toContain('Unknown metric ids: crt, roi_us');
  });

  it('rejects upper-case ids', () => {
    expect(errorOf(() => computeMetrics({ clicks: 1 }, ['CTR']), 'VALIDATION').details.issues?.[0]?.path).toEqual([0]);
  });
});
