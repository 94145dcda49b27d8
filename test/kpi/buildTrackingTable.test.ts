import { describe, expect, it } from 'vitest';
import type { MeasurementInput } from '../../src/model/kpi.js';
import { buildTrackingTable } from '../../src/kpi/buildTrackingTable.js';
import { createMetricRegistry } from '../../src/kpi/createMetricRegistry.js';
import { errorOf } from '../_support/errors.js';

const measurements: MeasurementInput[] = [
  { id: 'm1', campaignId: 'spring', channel: 'trade-show', date: '2026-03-02', values: { leads: 2_500, clicks: 1_000, conversions: 100 } },
  { id: 'm2', campaignId: 'spring', channel: 'search', date: '2026-03-09', values: { leads: 1_700, clicks: 1_500, conversions: 150, spend: 600_000 } },
  { id: 'm3', campaignId: 'spring', channel: 'search', date: '2026-04-06', values: { leads: 900, clicks: 900, spend: 270_000 } },
  { id: 'm4', campaignId: 'other', date: '2026-03-02', values: { leads: 99_999 } },
];

describe('buildTrackingTable', () => {
  it('reproduces the brief: leads 5,000 → 4,200 is −16 %, conversion rate 8 % → 10 % is +25 %', () => {
    const rows = buildTrackingTable({
      targets: [
        { id: 't-leads', campaignId: 'spring', metric: 'leads', target: 5_000, periodStart: '2026-03-01', periodEnd: '2026-03-31',
          reason: 'Trade-show traffic below forecast', improvement: 'Add a webinar follow-up' },
        { id: 't-cvr', campaignId: 'spring', metric: 'cvr', target: 0.08, periodStart: '2026-03-01', periodEnd: '2026-03-31' },
      ],
      measurements,
      activityNames: { spring: 'Spring launch' },
    });
    expect(rows).toEqual([
      {
        targetId: 't-leads', activity: 'Spring launch', campaignId: 'spring', metric: 'leads', metricName: 'Leads', unit: 'count',
        direction: 'higher', target: 5_000, actual: 4_200, difference: -800, varianceRate: -0.16, status: 'offTrack',
        reason: 'Trade-show traffic below forecast', improvement: 'Add a webinar follow-up',
      },
      {
        // (100 + 150) conversions / (1,000 + 1,500) clicks = 10 %
        targetId: 't-cvr', activity: 'Spring launch', campaignId: 'spring', metric: 'cvr', metricName: 'Conversion rate (per click)',
        unit: 'percent', direction: 'higher', target: 0.08, actual: 0.1, difference: 0.02, varianceRate: 0.25, status: 'onTrack',
      },
    ]);
  });

  it('narrows a target to its channel and explains a metric without data', () => {
    const rows = buildTrackingTable({
      targets: [
        { id: 'cpl-search', campaignId: 'spring', channel: 'search', metric: 'cpl', target: 300, activity: 'Search ads' },
        { id: 'cpl-show', campaignId: 'spring', channel: 'trade-show', metric: 'cpl', target: 300 },
      ],
      measurements,
    });
    // (600,000 + 270,000) / (1,700 + 900) = 334.6… fen per lead, 11.5 % over target.
    expect(rows[0]).toMatchObject({ activity: 'Search ads', channel: 'search', actual: 870_000 / 2_600, status: 'offTrack', direction: 'lower' });
    expect(rows[0]?.varianceRate).toBeCloseTo(0.11538, 5);
    expect(rows[1]).toMatchObject({ activity: 'spring', actual: null, status: 'unknown', explanation: 'missing input: spend', varianceRate: null });
  });

  it('uses the target tolerance and a host registry', () => {
    const registry = createMetricRegistry([
      { id: 'booth_leads', name: 'Booth leads', formula: 'leads', inputs: ['leads'], unit: 'count', direction: 'higher' },
    ]);
    const [row] = buildTrackingTable(
      { targets: [{ id: 't', campaignId: 'spring', channel: 'trade-show', metric: 'booth_leads', target: 2_600, tolerance: 0.05 }], measurements },
      { registry },
    );
    // 2,500 of 2,600 is 3.8 % short: within 5 %.
    expect(row).toMatchObject({ actual: 2_500, status: 'onTrack', metricName: 'Booth leads' });
  });

  it('rejects a target on an unknown metric', () => {
    expect(errorOf(() => buildTrackingTable({ targets: [{ id: 't', campaignId: 'spring', metric: 'mqls', target: 1 }], measurements }), 'NOT_FOUND').details.ids).toEqual(['mqls']);
  });
});
