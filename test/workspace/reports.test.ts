import { expect, it } from 'vitest';
import type { Workspace } from '../../src/workspace/createWorkspace.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH, movingClock } from './_setup.js';

// What people look at, read from stored data through the workspace: the Gantt view and dashboards.

/** The brief was done on Monday; on Friday noon design is late, print has not started. */
async function plan(workspace: Workspace, clock: ReturnType<typeof movingClock>): Promise<void> {
  await workspace.campaigns.create(LAUNCH);
  await workspace.tasks.create({ id: 'creative', campaignId: 'launch', name: 'Creative' });
  await workspace.tasks.create({ id: 'brief', campaignId: 'launch', parentId: 'creative', name: 'Brief', duration: '1d', assigneeIds: ['m-wang'] });
  await workspace.tasks.create({ id: 'design', campaignId: 'launch', parentId: 'creative', name: 'Design', duration: '2d', assigneeIds: ['m-wang'], deadline: '2026-03-04T12:00' });
  await workspace.tasks.create({ id: 'print', campaignId: 'launch', name: 'Print', duration: '1d', assigneeIds: ['m-ad'] });
  await workspace.dependencies.add({ id: 'brief-design', from: 'brief', to: 'design' });
  await workspace.dependencies.add({ id: 'design-print', from: 'design', to: 'print', lag: '1d' });
  await workspace.campaigns.saveBaseline('launch');
  await workspace.tasks.update('design', { duration: '3d' });
  await workspace.tasks.transition('brief', { to: 'in_progress' });
  clock.at('2026-03-02T17:00:00.000Z');
  await workspace.tasks.transition('brief', { to: 'done' });
  await workspace.budgets.createLine({ id: 'media', campaignId: 'launch', category: 'media', planned: 10_000_00, currency: 'CNY' });
  await workspace.budgets.recordExpense({ id: 'e1', campaignId: 'launch', category: 'media', kind: 'actual', amount: 4_000_00, currency: 'CNY', date: '2026-03-03' });
  await workspace.kpis.createTarget({ id: 'leads', campaignId: 'launch', metric: 'leads', target: 5000 });
  await workspace.kpis.recordMeasurement({ id: 'm1', campaignId: 'launch', date: '2026-03-03', values: { leads: 1200 } });
  await workspace.approvals.create({ id: 'kv', campaignId: 'launch', title: 'Key visual', subject: { type: 'task', id: 'design' }, stages: [{ name: 'Director', approvers: ['m-li'], slaHours: 8 }] });
  clock.at('2026-03-06T10:00:00.000Z');
  await workspace.withActor(actors.member).approvals.submit('kv');
  clock.at('2026-03-06T12:00:00.000Z');
}

describeOnEveryAdapter('reports through the workspace', (open) => {
  it('gives the Gantt view of the stored plan with its baseline bars, and refuses a baseline it does not have', async () => {
    const clock = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await plan(workspace, clock);
      // Listed by scheduled start, not by id: the wrap-up comes last although its id sorts first.
      await workspace.tasks.create({ id: 'aaa-wrap', campaignId: 'launch', name: 'Wrap-up', duration: '1d' });
      await workspace.dependencies.add({ id: 'print-wrap', from: 'print', to: 'aaa-wrap' });
      const view = await workspace.reports.gantt('launch', { scale: 'day' });
      expect(view.rows.map((r) => [r.id, r.wbs, r.start, r.finish, r.percentComplete, r.critical, r.baseline?.finish ?? null])).toEqual([
        ['creative', '1', '2026-03-02T08:00', '2026-03-05T17:00', 25, true, '2026-03-04T17:00'],
        ['brief', '1.1', '2026-03-02T08:00', '2026-03-02T17:00', 100, false, '2026-03-02T17:00'],
        ['design', '1.2', '2026-03-03T08:00', '2026-03-05T17:00', 0, true, '2026-03-04T17:00'],
        ['print', '2', '2026-03-09T08:00', '2026-03-09T17:00', 0, true, '2026-03-06T17:00'],
        ['aaa-wrap', '3', '2026-03-10T08:00', '2026-03-10T17:00', 0, true, null],
      ]);
      expect(view.rows[2]?.deadline).toEqual({ date: '2026-03-04T12:00', missed: true });
      expect(view.links.map((l) => [l.id, l.type, l.lag])).toEqual([
        ['brief->design', 'FS', 0],
        ['design->print', 'FS', 480],
        ['print->aaa-wrap', 'FS', 0],
      ]);
      expect([view.today, view.from, view.to, view.scale.ticks.length, view.scale.nonWorking]).toEqual(['2026-03-06T12:00', '2026-03-02', '2026-03-10', 9, [{ start: '2026-03-07', end: '2026-03-08' }]]);
      expect((await workspace.reports.gantt('launch', { today: '2026-03-03T08:00' })).today).toBe('2026-03-03T08:00');
      expect((await failure(workspace.reports.gantt('launch', { baseline: 'Baseline3' }))).code).toBe('NOT_FOUND');
      expect((await failure(workspace.reports.gantt('launch', { scale: 'year' as 'day' }))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });

  it('puts a manager’s morning on one dashboard, and leaves the money out of an agency’s', async () => {
    const clock = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await plan(workspace, clock);
      const board = await workspace.reports.dashboard('launch');
      expect(board.campaign).toEqual({ id: 'launch', name: 'Spring launch', status: 'draft', currency: 'CNY' });
      expect(board.asOf).toBe('2026-03-06T12:00');
      expect(board.schedule).toEqual({
        start: '2026-03-02T08:00',
        finish: '2026-03-09T17:00',
        baseline: { name: 'Baseline', finish: '2026-03-06T17:00', finishVariance: 480 },
        tasks: { total: 3, todo: 2, inProgress: 0, done: 1 },
        late: [{ id: 'design', name: 'Design', finish: '2026-03-05T17:00', lateBy: 240, critical: true }],
        criticalLate: 1,
        minimumFloat: -720,
        missedDeadlines: [{ id: 'design', deadline: '2026-03-04T12:00', finish: '2026-03-05T17:00' }],
      });
      expect(board.budget?.cost).toMatchObject({ planned: 10_000_00, actual: 4_000_00 });
      expect(board.kpis?.map((k) => [k.metric, k.target, k.actual])).toEqual([['leads', 5000, 1200]]);
      expect(board.approvals).toEqual([{ id: 'kv', title: 'Key visual', stage: 'Director', dueAt: '2026-03-09T10:00', overdue: false }]);
      expect(board.workload).toEqual([
        { memberId: 'm-wang', openTasks: 1, lateTasks: 1, remainingWork: 1440 },
        { memberId: 'm-ad', openTasks: 1, lateTasks: 0, remainingWork: 480 },
      ]);
      expect(board.risks.map((r) => [r.kind, 'taskId' in r ? r.taskId : null])).toEqual([
        ['deadline.atRisk', 'design'],
        ['critical.notStarted', 'design'],
        ['float.consumed', 'print'],
      ]);

      const agency = await workspace.withActor(actors.agency).reports.dashboard('launch');
      expect([agency.budget, agency.kpis]).toEqual([null, null]);
      expect(JSON.stringify(agency)).not.toMatch(/planned|amount|1000000/);
      expect(agency.schedule).toEqual(board.schedule);
    } finally {
      await opened.close();
    }
  });

  it('rolls every campaign up for executives in one currency', async () => {
    const clock = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await plan(workspace, clock);
      await workspace.campaigns.create({ ...LAUNCH, id: 'autumn', name: 'Autumn', currency: 'USD' });
      await workspace.budgets.createLine({ id: 'usd-media', campaignId: 'autumn', category: 'media', planned: 1_000_00, currency: 'USD' });
      const page = await workspace.reports.portfolioDashboard({ currency: 'CNY', rates: { date: '2026-03-01', base: 'USD', rates: { CNY: 7.2 } } });
      expect(page.campaigns.map((c) => [c.id, c.finishVariance, c.tasks, c.lateTasks, c.budget?.planned ?? null, c.kpis, c.pendingApprovals])).toEqual([
        ['autumn', null, { total: 0, done: 0 }, 0, 7_200_00, { onTrack: 0, atRisk: 0, offTrack: 0, unknown: 0 }, 0],
        ['launch', 480, { total: 3, done: 1 }, 1, 10_000_00, { onTrack: 0, atRisk: 0, offTrack: 1, unknown: 0 }, 1],
      ]);
      expect(page.totals).toMatchObject({ campaigns: 2, lateTasks: 1, behindBaseline: 1, kpis: { onTrack: 0, atRisk: 0, offTrack: 1, unknown: 0 } });
      expect(page.totals.budget?.cost.planned).toBe(17_200_00);
      expect((await failure(workspace.reports.portfolioDashboard({ currency: 'RMB' }))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });
});
