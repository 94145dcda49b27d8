import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Recurring tasks: a summary with one real task per occurrence on the working calendar, on every adapter.

describeOnEveryAdapter('recurring tasks', (open) => {
  it('creates a daily 17:00 lead sync on working days, each occurrence its own task', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      // Every day from Friday 6 March at 16:00 for a week; the weekend is skipped.
      const series = await workspace.tasks.createSeries({
        id: 'sync',
        campaignId: 'launch',
        name: 'Lead sync',
        duration: '30m',
        ownerId: 'm-zhao',
        recurrence: { rule: 'FREQ=DAILY;COUNT=5', start: '2026-03-06T16:00', nonWorking: 'skip' },
      });
      expect(series.summary.recurrence).toEqual({ rule: 'FREQ=DAILY;COUNT=5', start: '2026-03-06T16:00' });
      expect(series.occurrences.map((t) => [t.id, t.name, t.start, t.finish, t.ownerId])).toEqual([
        ['sync-1', 'Lead sync 1', '2026-03-06T16:00', '2026-03-06T16:30', 'm-zhao'],
        ['sync-2', 'Lead sync 2', '2026-03-09T16:00', '2026-03-09T16:30', 'm-zhao'],
        ['sync-3', 'Lead sync 3', '2026-03-10T16:00', '2026-03-10T16:30', 'm-zhao'],
      ]);
      const summary = await workspace.tasks.get('sync');
      expect([summary.start, summary.finish]).toEqual(['2026-03-06T16:00', '2026-03-10T16:30']);

      // One occurrence moves on its own; the whole series gets a new owner, except what is done.
      await workspace.tasks.update('sync-2', { duration: '1h' });
      expect((await workspace.tasks.get('sync-2')).finish).toBe('2026-03-09T17:00');
      await workspace.withActor(actors.manager).tasks.transition('sync-1', { to: 'in_progress' });
      await workspace.withActor(actors.manager).tasks.transition('sync-1', { to: 'done' });
      const reassigned = await workspace.tasks.updateSeries('sync', { ownerId: 'm-wang' });
      expect(reassigned.occurrences.map((t) => [t.id, t.ownerId])).toEqual([
        ['sync-1', 'm-zhao'],
        ['sync-2', 'm-wang'],
        ['sync-3', 'm-wang'],
      ]);
    } finally {
      await opened.close();
    }
  });

  it('moves weekend occurrences to the next working time by default, and refuses bad rules', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const weekly = await workspace.tasks.createSeries({
        id: 'report',
        campaignId: 'launch',
        name: 'Weekly report',
        duration: '1h',
        recurrence: { rule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=2', start: '2026-03-07T10:00' },
      });
      expect(weekly.occurrences.map((t) => [t.start, t.constraint])).toEqual([
        ['2026-03-09T08:00', { type: 'SNET', date: '2026-03-07T10:00' }],
        ['2026-03-16T08:00', { type: 'SNET', date: '2026-03-14T10:00' }],
      ]);
      expect((await failure(workspace.tasks.createSeries({ campaignId: 'launch', name: 'x', recurrence: { rule: 'FREQ=WEEKLY', start: '2026-03-02T09:00' } }))).code).toBe('VALIDATION');
      expect((await failure(workspace.tasks.updateSeries('report-1', { priority: 'high' }))).code).toBe('INVALID_STATE');
      expect((await failure(workspace.withActor(actors.viewer).tasks.createSeries({ campaignId: 'launch', name: 'x', recurrence: { rule: 'FREQ=DAILY;COUNT=1', start: '2026-03-02T09:00' } }))).code).toBe('FORBIDDEN');
    } finally {
      await opened.close();
    }
  });
});
