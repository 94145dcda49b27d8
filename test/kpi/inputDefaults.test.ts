import { describe, expect, it } from 'vitest';
import { computeMetrics, explainMetrics } from '../../src/kpi/computeMetrics.js';

describe('inputs that default to the media spend', () => {
  it('gives a campaign that reports only revenue and spend its ROI on that spend', () => {
    // ¥3,000 of revenue on ¥1,000 of spend: ROAS 3, ROI (3,000 − 1,000) / 1,000 = 2.
    expect(computeMetrics({ revenue: 300_000, spend: 100_000 }, ['roas', 'roi', 'roi_cn'])).toEqual({ roas: 3, roi: 2, roi_cn: 3 });
  });

  it('uses the total cost for ROI when it is given', () => {
    // Production and staff bring the investment to ¥1,500: ROI (3,000 − 1,500) / 1,500 = 1.
    expect(computeMetrics({ revenue: 300_000, spend: 100_000, cost: 150_000 }, ['roi'])).toEqual({ roi: 1 });
  });

  it('computes CAC from the spend when no sales or marketing cost is reported', () => {
    // ¥1,000 of spend won 8 customers: ¥125 each.
    expect(computeMetrics({ spend: 100_000, new_customers: 8 }, ['cac'])).toEqual({ cac: 12_500 });
    // With a sales cost, the marketing cost is still the spend unless given.
    expect(computeMetrics({ spend: 100_000, sales_cost: 60_000, new_customers: 8 }, ['cac'])).toEqual({ cac: 20_000 });
  });

  it('still names the missing input when there is no spend to fall back on', () => {
    expect(explainMetrics({ revenue: 300_000 }, ['roi']).roi).toMatchObject({ value: null });
  });
});
