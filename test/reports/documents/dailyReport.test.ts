import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { renderMarkdown } from '../../../src/reports/document/renderMarkdown.js';
import { dailyReport } from '../../../src/reports/documents/dailyReport.js';
import { SMALL_DAY } from './_inputs.js';

const EN = [
  '# Daily report',
  '',
  '- **Campaign:** Spring launch',
  '- **Period:** Mar 2, 2026, 18:00 – Mar 3, 2026, 18:00',
  '- **Generated at:** Mar 3, 2026, 10:00 UTC',
  '',
  '## Finished',
  '',
  '| Task | Owner | Finished |',
  '| --- | --- | --- |',
  '| Key visual | Li Lei | Mar 3, 2026, 11:30 |',
  '',
  '## Started',
  '',
  '*Nothing started today*',
  '',
  '## Late',
  '',
  '| Task | Owner | Due | Days late | Reason / blocker | Status |',
  '| --- | --- | --- | ---: | --- | --- |',
  '| Venue contract | Han Mei | Mar 2, 2026, 17:00 | 1 | Waiting for legal | Warning |',
  '',
  '## Spend since the last report',
  '',
  '| Category | Amount |',
  '| --- | ---: |',
  '| Media | CN¥1,234.50 |',
  '| Venue | CN¥500.00 |',
  '| **Total** | **CN¥1,734.50** |',
  '',
  '## KPI movement',
  '',
  '| Metric | Previous | Current | Change | Target | Status |',
  '| --- | ---: | ---: | ---: | ---: | --- |',
  '| Leads | 120 | 150 | +30 | 400 | Warning |',
  '',
  '## Decisions waiting',
  '',
  '| Decision | Stage | Waiting on | Submitted | Due (SLA) |',
  '| --- | --- | --- | --- | --- |',
  '| Booth design | Legal review | Wang Fang, Zhao Lei | Mar 2, 2026, 10:00 | Mar 4, 2026, 10:00 |',
  '',
  '## Deadlines tomorrow',
  '',
  '*No deadlines tomorrow*',
  '',
].join('\n');

const ZH_CN = [
  '# 日报',
  '',
  '- **活动：** Spring launch',
  '- **报告期间：** 2026年3月2日 18:00 至 2026年3月3日 18:00',
  '- **生成时间：** 2026年3月3日 UTC 10:00',
  '',
  '## 已完成',
  '',
  '| 任务 | 负责人 | 完成时间 |',
  '| --- | --- | --- |',
  '| Key visual | Li Lei | 2026年3月3日 11:30 |',
  '',
  '## 已开始',
  '',
  '*今日无新开始任务*',
  '',
  '## 逾期',
  '',
  '| 任务 | 负责人 | 截止时间 | 逾期天数 | 原因/阻碍 | 状态 |',
  '| --- | --- | --- | ---: | --- | --- |',
  '| Venue contract | Han Mei | 2026年3月2日 17:00 | 1 | Waiting for legal | 预警 |',
  '',
  '## 自上次报告以来的支出',
  '',
  '| 类别 | 金额 |',
  '| --- | ---: |',
  '| 媒介投放 | ¥1,234.50 |',
  '| 场地 | ¥500.00 |',
  '| **合计** | **¥1,734.50** |',
  '',
  '## 关键指标变化',
  '',
  '| 指标 | 上期 | 本期 | 变化 | 目标 | 状态 |',
  '| --- | ---: | ---: | ---: | ---: | --- |',
  '| Leads | 120 | 150 | +30 | 400 | 预警 |',
  '',
  '## 待决策事项',
  '',
  '| 审批事项 | 阶段 | 待审批人 | 提交时间 | SLA 截止 |',
  '| --- | --- | --- | --- | --- |',
  '| Booth design | Legal review | Wang Fang、Zhao Lei | 2026年3月2日 10:00 | 2026年3月4日 10:00 |',
  '',
  '## 明日截止',
  '',
  '*明日无截止任务*',
  '',
].join('\n');

describe('dailyReport', () => {
  it('renders a small day as the exact Markdown a manager reads, in English', () => {
    expect(renderMarkdown(dailyReport(SMALL_DAY), { locale: 'en' })).toBe(EN);
  });

  it('renders the same document in Chinese, headings and formats from the zh-CN catalogue', () => {
    expect(renderMarkdown(dailyReport(SMALL_DAY), { locale: 'zh-CN' })).toBe(ZH_CN);
  });

  it('keeps every section of an empty day, each saying there is nothing', () => {
    const doc = dailyReport({ ...SMALL_DAY, finished: [], late: [], spend: [], kpis: [], decisions: [] });
    const md = renderMarkdown(doc, { locale: 'zh-CN' });
    for (const text of ['*今日无完成任务*', '*今日无新开始任务*', '*无逾期任务*', '*自上次报告以来无支出*', '*暂无关键指标数据*', '*无待决策事项*', '*明日无截止任务*']) {
      expect(md).toContain(text);
    }
    expect(doc.sections).toHaveLength(7);
    expect(renderMarkdown(doc, { locale: 'en' })).toContain('*Nothing finished today*');
  });

  it('marks a task critical once it is criticalDaysLate days late, counting calendar days to the report', () => {
    const doc = dailyReport({ ...SMALL_DAY, late: [{ task: 'Print run', due: '2026-02-28T09:00' }, { task: 'Copy', due: '2026-03-03T09:00' }] });
    const block = doc.sections[2]?.blocks[0];
    expect(block?.type === 'table' && block.rows.map((r) => [r.cells[3], r.status])).toEqual([
      [3, 'critical'],
      [0, 'warning'],
    ]);
  });

  it('marks a decision past its SLA at the report instant as critical', () => {
    const doc = dailyReport({ ...SMALL_DAY, decisions: [{ title: 'Budget increase', due: '2026-03-03T12:00' }] });
    const md = renderMarkdown(doc, { locale: 'en' });
    expect(md).toContain('| Budget increase | — | — | — | Mar 3, 2026, 12:00 | Critical |');
  });

  it('shows a KPI change exactly and n/a without a previous reading', () => {
    const doc = dailyReport({
      ...SMALL_DAY,
      kpis: [
        { metric: 'CVR', unit: 'percent', previous: 0.08, current: 0.1 },
        { metric: 'CPL', unit: 'currency', previous: null, current: 3333.5 },
      ],
    });
    const md = renderMarkdown(doc, { locale: 'en' });
    expect(md).toContain('| CVR | 8% | 10% | +2% | — |');
    expect(md).toContain('| CPL | n/a | CN¥33.34 | n/a | — |');
  });

  it('puts the campaign, not the owner, beside each task in a member report', () => {
    const doc = dailyReport({ ...SMALL_DAY, subject: { kind: 'member', name: 'Li Lei' }, finished: [{ task: 'Key visual', campaign: 'Spring launch', owner: 'Li Lei', finishedAt: '2026-03-03T11:30' }] });
    const md = renderMarkdown(doc, { locale: 'en' });
    expect(md).toContain('- **Member:** Li Lei');
    expect(md).toContain('| Task | Campaign | Finished |\n| --- | --- | --- |\n| Key visual | Spring launch | Mar 3, 2026, 11:30 |');
  });

  it('refuses a period that ends before it starts, and anything that is not an input, with VALIDATION', () => {
    for (const bad of [{ ...SMALL_DAY, period: { from: '2026-03-03T18:00', to: '2026-03-02T18:00' } }, null, 'today', { ...SMALL_DAY, currency: 'RMB' }]) {
      let caught: unknown;
      try {
        dailyReport(bad as never);
      } catch (error) {
        caught = error;
      }
      expect(isCampaignKitError(caught, 'VALIDATION')).toBe(true);
    }
  });
});
