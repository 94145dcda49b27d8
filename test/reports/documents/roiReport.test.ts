import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../../../src/kpi/builtInMetrics.js';
import { renderMarkdown } from '../../../src/reports/document/renderMarkdown.js';
import { roiReport } from '../../../src/reports/documents/roiReport.js';
import type { RoiReportInput } from '../../../src/reports/documents/roiReportInput.js';

const CLOSE: RoiReportInput = {
  campaign: 'Spring launch',
  period: { from: '2026-03-01', to: '2026-03-31' },
  generatedAt: '2026-04-01T02:00:00Z',
  currency: 'CNY',
  costs: [
    { category: 'media', planned: 5_000_000, actual: 4_800_000 },
    { category: 'venue', actual: 1_200_000 },
  ],
  channels: [
    { channel: 'search', spend: 3_000_000, revenue: 12_000_000, leads: 900, conversions: 30 },
    { channel: 'short-video', spend: 1_800_000, revenue: 6_000_000, leads: 300, conversions: 0 },
  ],
  targets: { roi: 1.5, roas: 4, cpl: 5000 },
  benchmarks: { roas: 3 },
};

describe('roiReport', () => {
  it('shows ROI, ROAS, CPL and CPA with the library\'s own formulas, against targets and benchmarks', () => {
    const md = renderMarkdown(roiReport(CLOSE), { locale: 'en' });
    const formula = (id: string) => BUILT_IN_METRICS.find((m) => m.id === id)?.formula;
    expect(formula('roi')).toBe('(revenue - cost) / cost');
    expect(md).toContain(`| Return on investment (ROI) | ROI = ${formula('roi')} | 200% | 150% | +33.33% | — | — | OK |`);
    expect(md).toContain(`| Return on ad spend (ROAS) | ROAS = ${formula('roas')} | 3.75 | 4 | -6.25% | 3 | +25% | Warning |`);
    expect(md).toContain(`| Cost per lead (CPL) | CPL = ${formula('cpl')} | CN¥40.00 | CN¥50.00 | -20% | — | — | OK |`);
    expect(md).toContain(`| Cost per acquisition (CPA) | CPA = ${formula('cpa')} | CN¥1,600.00 | — | — | — | — |  |`);
  });

  it('shows n/a / 不适用, never Infinity or NaN, for a metric whose denominator is zero', () => {
    const doc = roiReport({ ...CLOSE, costs: [], channels: [{ channel: 'search', spend: 0, revenue: 100, leads: 0, conversions: 0 }], targets: { roi: 1 } });
    for (const locale of ['en', 'zh-CN'] as const) {
      const md = renderMarkdown(doc, { locale });
      expect(md).not.toMatch(/Infinity|NaN|∞/);
    }
    const zh = renderMarkdown(doc, { locale: 'zh-CN' });
    expect(zh).toContain('| 投资回报率（ROI） | ROI = (revenue - cost) / cost | 不适用 | 100% | 不适用 | — | — |');
    expect(zh).toContain('| search | ¥0.00 | ¥1.00 | 0 | 0 | 不适用 | 不适用 | 不适用 |');
    expect(renderMarkdown(doc, { locale: 'en' })).toContain('| Return on ad spend (ROAS) | ROAS = revenue / spend | n/a |');
  });

  it('lists spend by category with each share and a total, and results by channel with a total row', () => {
    const md = renderMarkdown(roiReport(CLOSE), { locale: 'zh-CN' });
    expect(md).toContain('| 媒介投放 | ¥50,000.00 | ¥48,000.00 | 80% |\n| 场地 | — | ¥12,000.00 | 20% |\n| **合计** | **¥50,000.00** | **¥60,000.00** | **100%** |');
    expect(md).toContain('| short-video | ¥18,000.00 | ¥60,000.00 | 300 | 0 | 3.33 | ¥60.00 | 不适用 |');
    expect(md).toContain('| **合计** | **¥48,000.00** | **¥180,000.00** | **1,200** | **30** | **3.75** | **¥40.00** | **¥1,600.00** |');
  });

  it('rounds money per lead once, half to even, in whole minor units (JPY has none)', () => {
    const doc = roiReport({ ...CLOSE, currency: 'JPY', costs: [], channels: [{ channel: 'search', spend: 1001, revenue: 0, leads: 2, conversions: 0 }], targets: {}, benchmarks: {} });
    // 1001 / 2 = 500.5 yen: half to even gives 500.
    expect(renderMarkdown(doc, { locale: 'en' })).toContain('| search | ¥1,001 | ¥0 | 2 | 0 | 0 | ¥500 | n/a |');
  });
});
