import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { budgetBurn } from '../../../src/reports/series/budgetBurn.js';
import { burnChart } from '../../../src/reports/series/burnChart.js';
import { cumulativeFlow } from '../../../src/reports/series/cumulativeFlow.js';
import { kpiTrend } from '../../../src/reports/series/kpiTrend.js';

type Fn = (...args: unknown[]) => unknown;

const SERIES: [string, Fn][] = [
  ['burnChart', burnChart as Fn],
  ['cumulativeFlow', cumulativeFlow as Fn],
  ['budgetBurn', budgetBurn as Fn],
  ['kpiTrend', kpiTrend as Fn],
];

/** Valid inputs, to be bent field by field. */
const NEAR: Record<string, Record<string, unknown>> = {
  burnChart: { from: '2026-03-02', to: '2026-03-06', measure: 'work', facts: [{ at: '2026-03-02T09:00', taskId: 'a', kind: 'added', duration: 480 }] },
  cumulativeFlow: { from: '2026-03-02', to: '2026-03-06', facts: [{ at: '2026-03-07T09:00', taskId: 'a', kind: 'added' }] },
  budgetBurn: {
    statusDate: '2026-04-08',
    budget: {
      campaign: { id: 'c', currency: 'CNY', plannedStart: '2026-04-06', plannedFinish: '2026-04-17' },
      lines: [{ id: 'l', campaignId: 'c', category: 'media', planned: 1000, currency: 'CNY' }],
      expenses: [{ id: 'e', campaignId: 'c', category: 'media', kind: 'actual', amount: 10, currency: 'CNY', date: '2026-04-07' }],
    },
  },
  kpiTrend: { metric: 'ctr', measurements: [{ id: 'm', campaignId: 'c', date: '2026-03-02', values: { clicks: 1, impressions: 10 } }] },
};

function outcome(fn: Fn, args: unknown[]): string {
  try {
    fn(...args);
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? error.code : `raw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true });

describe('every series function lets only CampaignKitError escape', () => {
  it.each(SERIES)('%s, on arbitrary arguments', (_name, fn) => {
    fc.assert(fc.property(fc.array(anything, { maxLength: 3 }), (args) => {
      expect(outcome(fn, args)).not.toMatch(/^raw /);
    }), { numRuns: 100 });
  });

  it.each(SERIES)('%s, on a valid input with one field replaced', (name, fn) => {
    const valid = NEAR[name] ?? {};
    expect(outcome(fn, [valid])).toBe('ok');
    const keys = [...Object.keys(valid), 'calendar', 'period', 'target', 'lineDays', 'tasks', 'estimateAtCompletion'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), anything, (key, value) => {
        expect(outcome(fn, [{ ...valid, [key]: value }])).not.toMatch(/^raw /);
      }),
      { numRuns: 200 },
    );
  });
});
