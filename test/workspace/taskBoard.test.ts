import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// The kanban board and the moves a member can make, read from stored tasks, on every adapter.

describeOnEveryAdapter('tasks.kanban and tasks.availableTransitions', (open) => {
  async function planned() {
    const opened = await open();
    if (opened === null) return null;
    const { workspace } = opened;
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d', ownerId: 'm-wang', priority: 'high' });
    await workspace.tasks.create({ id: 'visuals', campaignId: 'launch', name: 'Visuals', duration: '2d', ownerId: 'm-sun', type: 'task' });
    await workspace.tasks.create({ id: 'copy', campaignId: 'launch', name: 'Copy', duration: '2d', ownerId: 'm-wang' });
    await workspace.dependencies.add({ id: 'brief-visuals', from: 'brief', to: 'visuals' });
    await workspace.withActor(actors.manager).tasks.transition('brief', { to: 'in_progress' });
    await workspace.withActor(actors.manager).tasks.transition('copy', { to: 'in_progress' });
    return opened;
  }

  it('puts the stored tasks in columns with WIP limits and swimlanes by owner', async () => {
    const opened = await planned();
    if (opened === null) return;
    try {
      const board = await opened.workspace.tasks.kanban('launch', { taskType: 'task', wipLimits: { in_progress: 1 }, swimlane: 'owner' });
      expect(board.columns.map((c) => [c.status, c.taskIds, c.overLimit])).toEqual([
        ['backlog', [], false],
        ['todo', ['visuals'], false],
        ['in_progress', ['brief', 'copy'], true],
        ['in_review', [], false],
        ['done', [], false],
        ['cancelled', [], false],
      ]);
      expect(board.violations).toEqual([{ status: 'in_progress', limit: 1, count: 2, excess: 1 }]);
      expect(board.swimlanes.map((lane) => [lane.key, lane.cells.flatMap((cell) => cell.taskIds)])).toEqual([
        ['m-sun', ['visuals']],
        ['m-wang', ['brief', 'copy']],
      ]);
      // An executive sees the same board from task summaries.
      const executive = { id: 'm-exec', roles: [{ role: 'executive' as const }] };
      const summary = await opened.workspace.withActor(executive).tasks.kanban('launch');
      expect(summary.columns.find((c) => c.status === 'in_progress')?.taskIds).toEqual(['brief', 'copy']);
    } finally {
      await opened.close();
    }
  });

  it('says which moves the acting member may make and why the others are refused', async () => {
    const opened = await planned();
    if (opened === null) return;
    try {
      const moves = await opened.workspace.withActor(actors.member).tasks.availableTransitions('visuals');
      const start = moves.find((m) => m.to === 'in_progress');
      expect([start?.allowed, start?.code, start?.blockers.map((b) => [b.guard, b.ids])]).toEqual([false, 'INVALID_STATE', [['predecessor', ['brief']]]]);
      const cancel = moves.find((m) => m.to === 'cancelled');
      expect([cancel?.allowed, cancel?.code]).toEqual([false, 'FORBIDDEN']);
      await opened.workspace.withActor(actors.manager).tasks.transition('brief', { to: 'done' });
      const after = await opened.workspace.withActor(actors.member).tasks.availableTransitions('visuals');
      expect(after.find((m) => m.to === 'in_progress')?.allowed).toBe(true);
      // Someone with no role on the campaign learns nothing about the task.
      const stranger = { id: 'm-bob', roles: [] };
      expect((await failure(opened.workspace.withActor(stranger).tasks.availableTransitions('visuals'))).code).toBe('NOT_FOUND');
      expect((await failure(opened.workspace.withActor(stranger).tasks.kanban('launch'))).code).toBe('NOT_FOUND');
      expect((await failure(opened.workspace.tasks.kanban('launch', { columns: 3 } as never))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });
});
