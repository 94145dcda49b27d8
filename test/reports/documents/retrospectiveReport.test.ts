import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/reports/document/renderMarkdown.js';
import { retrospectiveReport } from '../../../src/reports/documents/retrospectiveReport.js';
import type { RetrospectiveReportInput } from '../../../src/reports/documents/retrospectiveReportInput.js';

const CLOSED: RetrospectiveReportInput = {
  campaign: 'Spring launch',
  period: { from: '2026-03-01', to: '2026-03-31' },
  generatedAt: '2026-04-02T02:00:00Z',
  currency: 'CNY',
  kpis: [
    { activity: 'Trade show', metric: 'Signed deals', unit: 'count', target: 3, actual: 2, reason: 'Booth far from the entrance', improvement: 'Book a corner booth' },
    { activity: 'Search ads', metric: 'CVR', unit: 'percent', target: 0.08, actual: 0.1 },
    { activity: 'Search ads', metric: 'Refunds', unit: 'count', target: 0, actual: 4 },
    { activity: 'Live stream', metric: 'CPL', unit: 'currency', target: 3000, actual: null },
  ],
  schedule: [{ task: 'Booth build', baselineFinish: '2026-03-10T17:00', actualFinish: '2026-03-12T12:00', varianceMinutes: 720 }],
  stages: [
    { stage: 'Legal review', slaMinutes: 960, actualMinutes: 1440 },
    { stage: 'Creative', slaMinutes: 2400, actualMinutes: 1920 },
  ],
  budget: [
    { category: 'venue', planned: 10_000_000, actual: 12_000_000 },
    { category: 'creative', planned: 3_000_000, actual: 2_000_000 },
  ],
  lessons: [{ text: 'Book the booth early', category: 'planning', tags: ['vendor', 'trade-show'] }],
};

describe('retrospectiveReport', () => {
  it('has the seed table with exactly its seven columns, in Chinese and in English', () => {
    const zh = renderMarkdown(retrospectiveReport(CLOSED), { locale: 'zh-CN' });
    expect(zh).toContain('## 效果复盘\n\n| 活动名称 | 关键指标 | 目标值 | 实际值 | 差异率 | 原因分析 | 改进方向 |\n| --- | --- | ---: | ---: | ---: | --- | --- |\n');
    const en = renderMarkdown(retrospectiveReport(CLOSED), { locale: 'en' });
    expect(en).toContain('| Campaign | Key metric | Target | Actual | Variance | Cause analysis | Improvement |\n');
  });

  it('gives the variance rate exactly as a signed percent: target 3, actual 2 is −33.33 %', () => {
    const zh = renderMarkdown(retrospectiveReport(CLOSED), { locale: 'zh-CN' });
    expect(zh).toContain('| Trade show | Signed deals | 3 | 2 | -33.33% | Booth far from the entrance | Book a corner booth |');
    // 0.1 against 0.08 is +25 % exactly, not 25.000000000000007 %.
    expect(zh).toContain('| Search ads | CVR | 8% | 10% | +25% | — | — |');
  });

  it('shows n/a for a target of 0 and for a missing actual', () => {
    const zh = renderMarkdown(retrospectiveReport(CLOSED), { locale: 'zh-CN' });
    expect(zh).toContain('| Search ads | Refunds | 0 | 4 | 不适用 | — | — |');
    expect(zh).toContain('| Live stream | CPL | ¥30.00 | 不适用 | 不适用 | — | — |');
    expect(renderMarkdown(retrospectiveReport(CLOSED), { locale: 'en' })).toContain('| Search ads | Refunds | 0 | 4 | n/a | — | — |');
  });

  it('shows schedule variance and stage cycle times in working days, with met or missed', () => {
    const en = renderMarkdown(retrospectiveReport(CLOSED), { locale: 'en' });
    expect(en).toContain('| Booth build | Mar 10, 2026, 17:00 | Mar 12, 2026, 12:00 | +1.5d | Warning |');
    expect(en).toContain('| Legal review | 2d | 3d | Missed | Critical |\n| Creative | 5d | 4d | Met | OK |');
    const zh = renderMarkdown(retrospectiveReport({ ...CLOSED, minutesPerDay: 360 }), { locale: 'zh-CN' });
    expect(zh).toContain('| Legal review | 2.67天 | 4天 | 未达成 | 严重 |');
  });

  it('computes budget variance with the money helpers, and its rate over planned', () => {
    const en = renderMarkdown(retrospectiveReport(CLOSED), { locale: 'en' });
    expect(en).toContain('| Venue | CN¥100,000.00 | CN¥120,000.00 | +CN¥20,000.00 | +20% | Warning |');
    expect(en).toContain('| Creative | CN¥30,000.00 | CN¥20,000.00 | -CN¥10,000.00 | -33.33% |  |');
    expect(en).toContain('| **Total** | **CN¥130,000.00** | **CN¥140,000.00** | **+CN¥10,000.00** | **+7.69%** | **Warning** |');
  });

  it('keeps JPY amounts without decimals, and shows a rate that rounds to zero without a sign', () => {
    const md = renderMarkdown(retrospectiveReport({ ...CLOSED, currency: 'JPY', budget: [{ category: 'venue', planned: 150000, actual: 149999 }] }), { locale: 'en' });
    expect(md).toContain('| Venue | ¥150,000 | ¥149,999 | -¥1 | 0% |\n');
  });

  it('lists lessons with their category and tags joined the locale\'s way', () => {
    expect(renderMarkdown(retrospectiveReport(CLOSED), { locale: 'zh-CN' })).toContain('| Book the booth early | planning | vendor、trade-show |');
    expect(renderMarkdown(retrospectiveReport({ ...CLOSED, lessons: [] }), { locale: 'zh-CN' })).toContain('## 经验教训\n\n*暂无经验教训记录*');
  });
});
