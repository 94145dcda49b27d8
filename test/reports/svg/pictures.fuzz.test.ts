import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { toMermaidGantt } from '../../../src/reports/mermaid/toMermaidGantt.js';
import { barChartSvg } from '../../../src/reports/svg/barChartSvg.js';
import { ganttSvg } from '../../../src/reports/svg/ganttSvg.js';
import { lineChartSvg } from '../../../src/reports/svg/lineChartSvg.js';
import { row, weekView } from './_ganttFixture.js';

/** `ok` or the CampaignKitError code; anything else escaping is a failure. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? error.code : `raw ${String(error)}`;
  }
}

const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 20 }));
const value = fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.constant(null));
const date = fc.constantFrom('2026-03-02', '2026-03-09', '1900-01-01', '9999-12-31', '2026-02-30', 'x');
const dateTime = fc.constantFrom('2026-03-02T08:00', '2026-03-04T17:00', '2026-03-08T23:59', '1900-01-01T00:00', '2026-03-02', 'nope');

describe('the pictures let only CampaignKitError escape, and the SVG stays well-formed text', () => {
  it('lineChartSvg with near-valid charts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: anyText, points: fc.array(fc.record({ date, value }), { maxLength: 5 }), area: fc.constantFrom('none', 'fill', 'stack') }), { maxLength: 4 }), text, (series, title) => {
        expect(outcome(() => lineChartSvg({ series, title }))).toMatch(/^(ok|VALIDATION)$/);
      }),
      { numRuns: 200 },
    );
  });

  it('barChartSvg with near-valid charts', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 4 }), fc.array(fc.record({ name: anyText, values: fc.array(value, { maxLength: 4 }) }), { maxLength: 3 }), (categories, series) => {
        expect(outcome(() => barChartSvg({ categories, series }))).toMatch(/^(ok|VALIDATION)$/);
      }),
      { numRuns: 200 },
    );
  });

  it('ganttSvg and toMermaidGantt with near-valid views', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: anyText, name: anyText, start: dateTime, finish: dateTime, milestone: fc.boolean(), summary: fc.boolean(), level: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 }), (rows) => {
        const view = weekView(rows.map((r) => row(r)), { links: rows.length > 1 ? [{ id: 'l', from: rows[0]?.id ?? '', to: rows[1]?.id ?? '', type: 'SF', lag: 0, lagElapsed: false, lagUnit: 'd' }] : [] });
        const svg = outcome(() => ganttSvg(view));
        expect(svg).toMatch(/^(ok|VALIDATION)$/);
        expect(outcome(() => toMermaidGantt(view))).toMatch(/^(ok|VALIDATION)$/);
        if (svg === 'ok') expect(ganttSvg(view)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      }),
      { numRuns: 200 },
    );
  });

  it('every picture with arbitrary arguments', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true }), fc.anything({ maxDepth: 2 }), (a, b) => {
        for (const fn of [ganttSvg, lineChartSvg, barChartSvg, toMermaidGantt] as ((...args: unknown[]) => unknown)[]) expect(outcome(() => fn(a, b))).not.toMatch(/^raw /);
      }),
      { numRuns: 200 },
    );
  });
});
