import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Team metrics from what the workspace itself recorded: tasks and the times in their audit trail.

describeOnEveryAdapter('workspace.teamMetrics', (open) => {
  it('derives response, cycle, on-time and overdue figures from the audit trail', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const opened = await open({ clock: { now: () => now } });
    if (opened === null) return;
    const { workspace } = opened;
    const at = (instant: string) => {
      now = Date.parse(instant);
    };
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', assigneeIds: ['m-wang'], stageId: 'planning', deadline: '2026-03-04T17:00' });
      await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', assigneeIds: ['m-sun'], deadline: '2026-03-03T17:00' });
      const manager = workspace.withActor(actors.manager);
      at('2026-03-02T10:00:00Z');
      await manager.tasks.transition('brief', { to: 'in_progress' });
      at('2026-03-03T09:00:00Z');
      await manager.tasks.transition('design', { to: 'in_progress' });
      at('2026-03-03T10:00:00Z');
      await manager.tasks.transition('brief', { to: 'done' });
      at('2026-03-04T09:00:00Z');

      const byAssignee = await workspace.teamMetrics({ groupBy: 'assignee' });
      expect(byAssignee).toEqual([
        {
          key: 'm-sun',
          taskCount: 1,
          completed: 0,
          completionRate: 0,
          completedWithDue: 0,
          onTime: 0,
          onTimeRate: null,
          withDue: 1,
          overdue: 1,
          overdueRate: 1,
          averageResponseHours: 24,
          averageCycleHours: null,
          cycleTimeByStage: {},
        },
        {
          key: 'm-wang',
          taskCount: 1,
          completed: 1,
          completionRate: 1,
          completedWithDue: 1,
          onTime: 1,
          onTimeRate: 1,
          withDue: 1,
          overdue: 0,
          overdueRate: 0,
          averageResponseHours: 1,
          averageCycleHours: 24,
          cycleTimeByStage: { planning: { averageHours: 24, count: 1 } },
        },
      ]);
      const byTeam = await workspace.teamMetrics({ groupBy: 'team', from: '2026-03-01', to: '2026-03-31' });
      expect(byTeam.map((g) => [g.key, g.taskCount, g.completed])).toEqual([
        ['design', 1, 0],
        ['market', 1, 1],
      ]);
      expect((await failure(workspace.withActor({ id: 'm-bob', roles: [] }).teamMetrics({ campaignIds: ['launch'] }))).code).toBe('NOT_FOUND');
      // Without a campaign to read, there is nothing to measure.
      expect(await workspace.withActor({ id: 'm-bob', roles: [] }).teamMetrics()).toEqual([]);
      expect((await failure(workspace.teamMetrics({ from: '2026-03-01' }))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });
});
