import { expect, it } from 'vitest';
import { renderMarkdown } from '../../src/reports/index.js';
import type { Workspace } from '../../src/workspace/createWorkspace.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH, movingClock } from './_setup.js';

// Charts and report documents read from stored data and the audit trail, on every adapter.

/** Brief (3 points) done on Monday; design (5 points) added to scope on Tuesday; spend and leads on Tuesday. */
async function plan(workspace: Workspace, clock: ReturnType<typeof movingClock>): Promise<void> {
  await workspace.campaigns.create({ ...LAUNCH, plannedFinish: '2026-03-06' });
  await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d', storyPoints: 3, assigneeIds: ['m-wang'] });
  await workspace.campaigns.saveBaseline('launch');
  await workspace.tasks.transition('brief', { to: 'in_progress' });
  clock.at('2026-03-02T17:00:00.000Z');
  await workspace.tasks.transition('brief', { to: 'done' });
  clock.at('2026-03-03T10:00:00.000Z');
  await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '2d', storyPoints: 5, assigneeIds: ['m-wang'] });
  await workspace.dependencies.add({ from: 'brief', to: 'design' });
  await workspace.comments.add({ campaignId: 'launch', taskId: 'design', body: 'Waiting for the product photos' });
  await workspace.budgets.createLine({ id: 'media', campaignId: 'launch', category: 'media', planned: 10_000_00, currency: 'CNY' });
  await workspace.budgets.recordExpense({ id: 'e1', campaignId: 'launch', category: 'media', kind: 'actual', amount: 4_000_00, currency: 'CNY', date: '2026-03-03' });
  await workspace.kpis.createTarget({ id: 'leads', campaignId: 'launch', metric: 'leads', target: 5000 });
  await workspace.kpis.recordMeasurement({ id: 'm1', campaignId: 'launch', date: '2026-03-03', channel: 'search', values: { leads: 1200, spend: 1_000_00, revenue: 3_000_00 } });
  await workspace.lessons.create({ campaignId: 'launch', text: 'Book the photographer a week earlier', category: 'schedule' });
  clock.at('2026-03-06T12:00:00.000Z');
}

describeOnEveryAdapter('report series and documents through the workspace', (open) => {
  it('draws burndown, burnup and cumulative flow from the audit trail, with the scope change', async () => {
    const clock = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await plan(workspace, clock);
      const chart = await workspace.reports.burnChart('launch', { measure: 'points' });
      expect(chart.days.map((d) => [d.date, d.scope, d.completed, d.remaining, d.ideal])).toEqual([
        ['2026-03-02', 3, 3, 0, 3],
        ['2026-03-03', 8, 3, 5, 2.25],
        ['2026-03-04', 8, 3, 5, 1.5],
        ['2026-03-05', 8, 3, 5, 0.75],
        ['2026-03-06', 8, 3, 5, 0],
      ]);
      expect(chart.scopeChanges).toEqual([{ date: '2026-03-03', delta: 5, taskIds: ['design'] }]);
      const flow = await workspace.reports.cumulativeFlow('launch', { to: '2026-03-03' });
      expect(flow.days.map((d) => [d.date, d.bands.done, d.bands.todo, d.total])).toEqual([
        ['2026-03-02', 1, 0, 1],
        ['2026-03-03', 1, 1, 2],
      ]);
      expect((await failure(workspace.reports.burnChart('launch', { measure: 'hours' as 'work' }))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });

  it('gives budget burn and KPI trends to those who may read them, and writes the daily report and the retrospective', async () => {
    const clock = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await plan(workspace, clock);
      const burn = await workspace.reports.budgetBurn('launch', { period: 'week' });
      expect(burn.points.map((p) => [p.period, p.planned, p.actual, p.cumulativeForecast])).toEqual([['2026-W10', 10_000_00, 4_000_00, 10_000_00]]);
      expect((await failure(workspace.withActor(actors.agency).reports.budgetBurn('launch'))).code).toBe('FORBIDDEN');
      const trend = await workspace.reports.kpiTrend('launch', { targetId: 'leads', period: 'day', byChannel: true });
      expect(trend.series.map((s) => [s.channel ?? null, s.points.map((p) => [p.period, p.value, p.target])])).toEqual([['search', [['2026-03-03', 1200, 5000]]]]);

      const daily = renderMarkdown(await workspace.reports.dailyReport({ campaignId: 'launch' }, { since: '2026-03-05T12:00' }), { locale: 'en' });
      expect(daily).toContain('| Design | Wang Fang | Mar 4, 2026, 17:00 | 2 | Waiting for the product photos |');
      const mine = renderMarkdown(await workspace.reports.weeklyReport({ memberId: 'm-wang' }, { at: '2026-03-03T12:00' }), { locale: 'zh-CN' });
      expect(mine).toContain('Brief');
      expect(mine).not.toContain('¥');

      const retro = renderMarkdown(await workspace.reports.retrospectiveReport('launch'), { locale: 'zh-CN' });
      expect(retro).toContain('| 活动名称 | 关键指标 | 目标值 | 实际值 | 差异率 | 原因分析 | 改进方向 |');
      expect(retro).toContain('| Spring launch | Leads | 5,000 | 1,200 | -76% | — | — |');
      expect(retro).toContain('Book the photographer a week earlier');
      const agencyRetro = renderMarkdown(await workspace.withActor(actors.agency).reports.retrospectiveReport('launch'), { locale: 'en' });
      expect(agencyRetro).not.toMatch(/CN¥|10,000/);

      const roi = renderMarkdown(await workspace.reports.roiReport('launch', { benchmarks: { roas: 2.5 } }), { locale: 'en' });
      expect(roi).toContain('| search | CN¥1,000.00 | CN¥3,000.00 | 1,200 | 0 | 3 | CN¥0.83 | n/a |');
    } finally {
      await opened.close();
    }
  });
});
