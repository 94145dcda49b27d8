import { describe, expect, it } from 'vitest';
import { compareToBaseline, saveBaseline } from '../../src/schedule/baseline.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';

const plan = {
  start: '2026-03-02T08:00',
  tasks: [
    { id: 'brief', duration: '2d' },
    { id: 'design', duration: '3d' },
  ],
  links: [{ from: 'brief', to: 'design' }],
};

describe('baselines', () => {
  it('saves each task\'s start, finish and duration', () => {
    expect(saveBaseline(scheduleProject(plan), { savedAt: '2026-03-01T10:00:00Z' })).toEqual({
      savedAt: '2026-03-01T10:00:00Z',
      tasks: {
        brief: { start: '2026-03-02T08:00', finish: '2026-03-03T17:00', duration: 960 },
        design: { start: '2026-03-04T08:00', finish: '2026-03-06T17:00', duration: 1440 },
      },
    });
  });

  it('measures slippage in working minutes, and lists added and removed tasks', () => {
    const baseline = saveBaseline(scheduleProject(plan));
    // The brief takes a day longer (slipping the design past the weekend); the design is replaced.
    const slipped = scheduleProject({
      ...plan,
      tasks: [{ id: 'brief', duration: '3d' }, { id: 'layout', duration: '1d' }],
      links: [{ from: 'brief', to: 'layout' }],
    });
    expect(compareToBaseline(slipped, baseline)).toEqual([
      { id: 'brief', status: 'compared', startVariance: 0, finishVariance: 480, durationVariance: 480 },
      { id: 'layout', status: 'added', startVariance: null, finishVariance: null, durationVariance: null },
      { id: 'design', status: 'removed', startVariance: null, finishVariance: null, durationVariance: null },
    ]);
  });

  it('reports a task that moved earlier as a negative variance', () => {
    const baseline = saveBaseline(scheduleProject(plan));
    const faster = scheduleProject({ ...plan, tasks: [{ id: 'brief', duration: '1d' }, { id: 'design', duration: '3d' }] });
    expect(compareToBaseline(faster, baseline).map((r) => [r.id, r.startVariance, r.finishVariance])).toEqual([
      ['brief', 0, -480],
      ['design', -480, -480],
    ]);
  });
});
