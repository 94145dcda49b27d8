import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Named baselines stored per campaign and compared with the schedule now, on every adapter.

describeOnEveryAdapter('campaign baselines', (open) => {
  it('saves named baselines, replaces one saved again, and measures slippage in working minutes', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d' });
      await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '2d' });
      await workspace.dependencies.add({ id: 'brief-design', from: 'brief', to: 'design' });

      const first = await workspace.campaigns.saveBaseline('launch');
      expect([first.name, first.savedBy, first.tasks]).toEqual([
        'Baseline',
        'm-root',
        {
          brief: { start: '2026-03-02T08:00', finish: '2026-03-02T17:00', duration: 480 },
          design: { start: '2026-03-03T08:00', finish: '2026-03-04T17:00', duration: 960 },
        },
      ]);
      await workspace.campaigns.saveBaseline('launch', { name: 'Baseline1' });

      // The brief takes a day longer; design slips a day; a new task appears.
      await workspace.tasks.update('brief', { duration: '2d' });
      await workspace.tasks.create({ id: 'print', campaignId: 'launch', name: 'Print', duration: '1d' });
      const comparison = await workspace.campaigns.compareToBaseline('launch');
      expect(comparison.baseline).toEqual({ name: 'Baseline', savedAt: '2026-03-02T09:00:00.000Z', savedBy: 'm-root' });
      expect(comparison.tasks).toEqual([
        { id: 'brief', status: 'compared', startVariance: 0, finishVariance: 480, durationVariance: 480 },
        { id: 'design', status: 'compared', startVariance: 480, finishVariance: 480, durationVariance: 0 },
        { id: 'print', status: 'added', startVariance: null, finishVariance: null, durationVariance: null },
      ]);

      // Saving "Baseline" again replaces it: no slippage against it any more.
      const again = await workspace.campaigns.saveBaseline('launch', { name: 'Baseline' });
      expect(again.id).toBe(first.id);
      expect((await workspace.campaigns.compareToBaseline('launch')).tasks.map((t) => t.finishVariance)).toEqual([0, 0, 0]);
      expect((await workspace.campaigns.compareToBaseline('launch', { name: 'Baseline1' })).tasks.map((t) => t.finishVariance)).toEqual([480, 480, null]);
      expect((await workspace.campaigns.baselines('launch')).map((b) => b.name)).toEqual(['Baseline', 'Baseline1']);
      expect(events.filter((e) => e.type === 'baseline.saved').map((e) => (e.type === 'baseline.saved' ? [e.name, e.replaced] : []))).toEqual([
        ['Baseline', false],
        ['Baseline1', false],
        ['Baseline', true],
      ]);

      // Undo brings the replaced baseline back.
      await workspace.audit.undoLast();
      expect((await workspace.campaigns.compareToBaseline('launch')).tasks.map((t) => t.finishVariance)).toEqual([480, 480, null]);

      await workspace.campaigns.deleteBaseline('launch', { name: 'Baseline1' });
      expect((await workspace.campaigns.baselines('launch')).map((b) => b.name)).toEqual(['Baseline']);
      expect((await failure(workspace.campaigns.compareToBaseline('launch', { name: 'Baseline1' }))).code).toBe('NOT_FOUND');
    } finally {
      await opened.close();
    }
  });

  it('lets only campaign editors save, and anyone who sees the schedule compare', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d' });
      await workspace.campaigns.saveBaseline('launch');
      expect((await failure(workspace.withActor(actors.viewer).campaigns.saveBaseline('launch'))).code).toBe('FORBIDDEN');
      expect((await workspace.withActor(actors.viewer).campaigns.compareToBaseline('launch')).tasks.map((t) => t.status)).toEqual(['compared']);
      expect((await failure(workspace.withActor({ id: 'm-bob', roles: [] }).campaigns.baselines('launch'))).code).toBe('NOT_FOUND');
      expect((await failure(workspace.campaigns.saveBaseline('launch', { name: '  ' }))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });
});
