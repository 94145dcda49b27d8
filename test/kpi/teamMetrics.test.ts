import { describe, expect, it } from 'vitest';
import type { TeamTaskRecordInput } from '../../src/kpi/teamTaskRecord.js';
import { teamMetrics } from '../../src/kpi/teamMetrics.js';
import { errorOf } from '../_support/errors.js';

// A fortnight of the launch campaign, judged on Friday 13 March 2026 at 18:00 UTC.
const asOf = '2026-03-13T18:00:00Z';
const tasks: TeamTaskRecordInput[] = [
  // Li: brief, assigned Mon 09:00, started 13:00 (4 h), finished Wed 13:00 (48 h), due Wed: on time.
  { id: 'brief', campaignId: 'launch', assigneeIds: ['li'], team: 'content', stageId: 'plan', statusCategory: 'done',
    assignedAt: '2026-03-02T09:00:00Z', startedAt: '2026-03-02T13:00:00Z', finishedAt: '2026-03-04T13:00:00Z', due: '2026-03-04' },
  // Li and Wang: video, assigned Mon 09:00, started Tue 09:00 (24 h), finished Fri 6 Mar 09:00 (72 h), due Thu: late.
  { id: 'video', campaignId: 'launch', assigneeIds: ['li', 'wang'], team: 'content', stageId: 'execution', statusCategory: 'done',
    assignedAt: '2026-03-02T09:00:00Z', startedAt: '2026-03-03T09:00:00Z', finishedAt: '2026-03-06T09:00:00Z', due: '2026-03-05' },
  // Wang: landing page, in progress, due Tue 10 Mar: overdue on the 13th.
  { id: 'landing', campaignId: 'launch', assigneeIds: ['wang'], team: 'web', stageId: 'execution', statusCategory: 'in_progress',
    assignedAt: '2026-03-05T09:00:00Z', startedAt: '2026-03-05T11:00:00Z', due: '2026-03-10' },
  // Wang: press release, not started, due next week.
  { id: 'press', campaignId: 'launch', assigneeIds: ['wang'], team: 'web', statusCategory: 'todo', assignedAt: '2026-03-09T09:00:00Z', due: '2026-03-18' },
  // Cancelled work never counts.
  { id: 'banner', campaignId: 'launch', assigneeIds: ['li'], team: 'content', statusCategory: 'cancelled', due: '2026-03-03' },
  // Another campaign, finished after asOf: still open as of the 13th.
  { id: 'expo', campaignId: 'expo', assigneeIds: ['zhao'], statusCategory: 'done', assignedAt: '2026-03-09T09:00:00Z',
    startedAt: '2026-03-09T10:00:00Z', finishedAt: '2026-03-16T10:00:00Z', due: '2026-03-12' },
];

describe('teamMetrics', () => {
  it('computes completion, on-time and overdue rates and response and cycle times overall', () => {
    expect(teamMetrics({ tasks, asOf })).toEqual([
      {
        key: 'all',
        taskCount: 5,
        completed: 2,
        completionRate: 0.4,
        completedWithDue: 2,
        onTime: 1,
        onTimeRate: 0.5,
        withDue: 5,
        overdue: 2, // landing (due 10th) and expo (due 12th, not finished by the 13th)
        overdueRate: 0.4,
        averageResponseHours: 7.75, // (4 + 24 + 2 + 1) / 4
        averageCycleHours: 60, // (48 + 72) / 2
        cycleTimeByStage: { execution: { averageHours: 72, count: 1 }, plan: { averageHours: 48, count: 1 } },
      },
    ]);
  });

  it('credits every assignee of a shared task', () => {
    const byPerson = teamMetrics({ tasks, asOf, groupBy: 'assignee' });
    expect(byPerson.map((g) => [g.key, g.taskCount, g.completed, g.onTimeRate, g.overdue, g.averageResponseHours])).toEqual([
      ['li', 2, 2, 0.5, 0, 14],
      ['wang', 3, 1, 0, 1, 13],
      ['zhao', 1, 0, null, 1, 1],
    ]);
  });

  it('groups by team and by campaign', () => {
    expect(teamMetrics({ tasks, asOf, groupBy: 'team' }).map((g) => [g.key, g.taskCount, g.completionRate])).toEqual([
      ['content', 2, 1],
      ['web', 2, 0],
    ]);
    expect(teamMetrics({ tasks, asOf, groupBy: 'campaign' }).map((g) => [g.key, g.taskCount, g.overdueRate])).toEqual([
      ['expo', 1, 1],
      ['launch', 4, 0.25],
    ]);
  });

  it('limits to a period: tasks finished before it are out, completions count only inside it', () => {
    const week2 = teamMetrics({ tasks, asOf, period: { from: '2026-03-05', to: '2026-03-11' } });
    // brief finished on the 4th (out); press was assigned on the 9th (in); video finished on the 6th (completed).
    expect(week2[0]).toMatchObject({ taskCount: 4, completed: 1, completionRate: 0.25, onTime: 0, onTimeRate: 0 });
  });

  it('gives null rates, not NaN, for an empty group', () => {
    const [group] = teamMetrics({ tasks: [{ id: 'x', campaignId: 'c', statusCategory: 'todo' }], asOf });
    expect(group).toMatchObject({ taskCount: 1, completionRate: 0, onTimeRate: null, overdueRate: null, averageResponseHours: null, averageCycleHours: null });
  });

  it('counts a start before the assignment as an immediate response', () => {
    const [group] = teamMetrics({
      tasks: [{ id: 'x', campaignId: 'c', statusCategory: 'in_progress', assignedAt: '2026-03-02T10:00:00Z', startedAt: '2026-03-02T09:00:00Z' }],
      asOf,
    });
    expect(group?.averageResponseHours).toBe(0);
  });

  it('rejects a finish before the start', () => {
    const error = errorOf(
      () => teamMetrics({ tasks: [{ id: 'x', campaignId: 'c', statusCategory: 'done', startedAt: '2026-03-05T09:00:00Z', finishedAt: '2026-03-04T09:00:00Z' }], asOf }),
      'VALIDATION',
    );
    expect(error.details.issues?.[0]?.path).toEqual(['tasks', 0, 'finishedAt']);
  });
});
