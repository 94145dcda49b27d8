import { describe, expect, it } from 'vitest';
import { traceTask } from '../../src/kpi/traceTask.js';
import { errorOf } from '../_support/errors.js';

const objectives = [
  { id: 'strategy', keyResults: [] },
  { id: 'pipeline', parentId: 'strategy', keyResults: [{ id: 'kr-leads' }, { id: 'kr-cpl' }] },
  { id: 'brand', parentId: 'strategy', keyResults: [{ id: 'kr-reach' }] },
  { id: 'events', keyResults: [] },
];

describe('traceTask', () => {
  it('traces a task through its campaign and key results up to the strategy', () => {
    const chains = traceTask({
      task: { id: 't-video', campaignId: 'launch' },
      campaigns: [{ id: 'launch', keyResultIds: ['kr-leads', 'kr-reach'], objectiveIds: ['pipeline', 'events'] }],
      objectives,
    });
    expect(chains).toEqual([
      { taskId: 't-video', campaignId: 'launch', keyResultId: 'kr-leads', objectiveIds: ['pipeline', 'strategy'] },
      { taskId: 't-video', campaignId: 'launch', keyResultId: 'kr-reach', objectiveIds: ['brand', 'strategy'] },
      // pipeline is already reached through kr-leads; events is served directly.
      { taskId: 't-video', campaignId: 'launch', objectiveIds: ['events'] },
    ]);
  });

  it('returns no chain for a campaign that serves no objective', () => {
    expect(traceTask({ task: { id: 't', campaignId: 'c' }, campaigns: [{ id: 'c' }], objectives })).toEqual([]);
  });

  it('names what is missing', () => {
    expect(errorOf(() => traceTask({ task: { id: 't', campaignId: 'nope' }, campaigns: [], objectives }), 'NOT_FOUND').details.ids).toEqual(['nope']);
    expect(errorOf(() => traceTask({ task: { id: 't', campaignId: 'c' }, campaigns: [{ id: 'c', keyResultIds: ['kr-x'] }], objectives }), 'NOT_FOUND').message).toBe(
      'Key result kr-x not found',
    );
    const orphan = [{ id: 'o', parentId: 'gone', keyResults: [{ id: 'k' }] }];
    expect(errorOf(() => traceTask({ task: { id: 't', campaignId: 'c' }, campaigns: [{ id: 'c', keyResultIds: ['k'] }], objectives: orphan }), 'NOT_FOUND').details.ids).toEqual(['gone']);
  });

  it('reports circular parents', () => {
    const circular = [{ id: 'a', parentId: 'b', keyResults: [{ id: 'k' }] }, { id: 'b', parentId: 'a', keyResults: [] }];
    const error = errorOf(() => traceTask({ task: { id: 't', campaignId: 'c' }, campaigns: [{ id: 'c', keyResultIds: ['k'] }], objectives: circular }), 'CYCLE');
    expect(error.details.cycle).toEqual(['a', 'b', 'a']);
  });
});
