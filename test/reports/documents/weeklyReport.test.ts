import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/reports/document/renderMarkdown.js';
import { weeklyReport } from '../../../src/reports/documents/weeklyReport.js';
import { SMALL_DAY } from './_inputs.js';

const WEEK = { ...SMALL_DAY, period: { from: '2026-03-02T09:00', to: '2026-03-09T09:00' } };

describe('weeklyReport', () => {
  it('speaks of the week and of next week', () => {
    const md = renderMarkdown(weeklyReport({ ...WEEK, finished: [], deadlines: [] }), { locale: 'zh-CN' });
    expect(md.startsWith('# 周报\n')).toBe(true);
    expect(md).toContain('## 下周截止\n\n*下周无截止任务*');
    expect(md).toContain('*本周无完成任务*');
    expect(renderMarkdown(weeklyReport({ ...WEEK, started: [] }), { locale: 'en' })).toContain('*Nothing started this week*');
  });

  it('lists next week\'s deadlines with who owns them', () => {
    const doc = weeklyReport({ ...WEEK, deadlines: [{ task: 'Launch event', owner: 'Han Mei', due: '2026-03-13T17:00' }] });
    expect(renderMarkdown(doc, { locale: 'en' })).toContain('## Deadlines next week\n\n| Task | Owner | Due |\n| --- | --- | --- |\n| Launch event | Han Mei | Mar 13, 2026, 17:00 |');
  });

  it('counts days late to the end of the week', () => {
    const doc = weeklyReport({ ...WEEK, late: [{ task: 'Venue contract', due: '2026-03-05T17:00', reason: 'Waiting for legal' }] });
    expect(renderMarkdown(doc, { locale: 'en' })).toContain('| Venue contract | — | Mar 5, 2026, 17:00 | 4 | Waiting for legal | Critical |');
  });
});
