import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { renderHtml } from '../../../src/reports/document/renderHtml.js';
import { renderMarkdown } from '../../../src/reports/document/renderMarkdown.js';
import { dailyReport } from '../../../src/reports/documents/dailyReport.js';
import { retrospectiveReport } from '../../../src/reports/documents/retrospectiveReport.js';
import { roiReport } from '../../../src/reports/documents/roiReport.js';
import { weeklyReport } from '../../../src/reports/documents/weeklyReport.js';
import { formatValue } from '../../../src/reports/i18n/formatValue.js';
import { t } from '../../../src/reports/i18n/t.js';
import { SMALL_DAY } from './_inputs.js';

type Fn = (...args: unknown[]) => unknown;

const FUNCTIONS: [string, Fn][] = Object.entries({ renderHtml, renderMarkdown, dailyReport, weeklyReport, roiReport, retrospectiveReport, formatValue, t }) as [string, Fn][];

function outcome(fn: Fn, args: unknown[]): string {
  try {
    fn(...args);
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? error.code : `raw ${String(error)}`;
  }
}

describe('the report documents let only CampaignKitError escape', () => {
  it.each(FUNCTIONS)('%s, called with anything', (_name, fn) => {
    const argument = fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withNullPrototype: true });
    fc.assert(fc.property(fc.array(argument, { maxLength: 3 }), (args) => {
      expect(outcome(fn, args)).not.toMatch(/^raw /);
    }), { numRuns: 100 });
  });

  it('a daily report with extreme numbers still renders, or fails with a CampaignKitError', () => {
    const extreme = fc.oneof(fc.constantFrom(0, -0, 1e-300, 1e300, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0.1, 5e-324), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(extreme, extreme, extreme, (previous, current, amount) => {
        const build = () =>
          renderHtml(
            dailyReport({ ...SMALL_DAY, kpis: [{ metric: 'x', unit: 'currency', previous, current, target: amount }], spend: [{ category: 'media', amount: Math.trunc(amount) }] }),
            { locale: 'zh-CN' },
          );
        expect(outcome(build, [])).not.toMatch(/^raw /);
      }),
      { numRuns: 200 },
    );
  });

  it('ROI and retrospective reports with extreme figures still render, or fail with a CampaignKitError', () => {
    const amount = fc.oneof(fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER), fc.nat());
    const count = fc.oneof(fc.constantFrom(0, 1e-300, 0.1, 1e300), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }));
    const figure = fc.oneof(fc.constantFrom(0, -0, 1e-300, -1e300, 5e-324), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(amount, amount, count, figure, figure, (spend, revenue, leads, target, actual) => {
        const roi = () =>
          renderMarkdown(
            roiReport({
              campaign: 'c', period: { from: '2026-03-01', to: '2026-03-31' }, generatedAt: '2026-04-01T00:00:00Z', currency: 'JPY',
              costs: [{ category: 'media', actual: spend, planned: revenue }],
              channels: [{ channel: 'search', spend, revenue, leads, conversions: leads }],
              targets: { roi: target, roas: target, cpl: target, cpa: target },
              benchmarks: { roi: actual },
            }),
            { locale: 'en' },
          );
        const retro = () =>
          renderMarkdown(
            retrospectiveReport({
              campaign: 'c', period: { from: '2026-03-01', to: '2026-03-31' }, generatedAt: '2026-04-01T00:00:00Z', currency: 'CNY',
              kpis: [{ activity: 'a', metric: 'm', unit: 'currency', target, actual }, { activity: 'a', metric: 'p', unit: 'percent', target, actual }],
              budget: [{ category: 'media', planned: spend, actual: revenue }],
              stages: [{ stage: 's', slaMinutes: leads, actualMinutes: leads }],
            }),
            { locale: 'zh-CN' },
          );
        expect(outcome(roi, [])).not.toMatch(/^raw /);
        expect(outcome(retro, [])).not.toMatch(/^raw /);
      }),
      { numRuns: 300 },
    );
  });
});
