import { expect, it } from 'vitest';
import { measureKeyResults } from '../../src/kpi/measureKeyResults.js';
import { rollupObjectives } from '../../src/kpi/rollupObjectives.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { failure, LAUNCH } from './_setup.js';

// The OKR rollup from stored objectives, campaigns and measurements, on every adapter.

const OBJECTIVE = {
  id: 'o-leads',
  name: 'Grow qualified leads',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  keyResults: [{ id: 'kr-leads', name: '5,000 leads', metric: 'leads', target: 5000 }],
};

it('feeds measureKeyResults output straight into rollupObjectives', () => {
  const measured = measureKeyResults({
    objectives: [OBJECTIVE],
    campaigns: [{ id: 'spring', keyResultIds: ['kr-leads'] }],
    measurements: [{ id: 'm1', campaignId: 'spring', date: '2026-04-03', values: { leads: 1000 } }],
  });
  expect(rollupObjectives({ objectives: [OBJECTIVE], asOf: '2026-04-30', currentValues: measured })[0]?.keyResults[0]?.current).toBe(1000);
  // A key result with no value keeps its own current.
  const none = measureKeyResults({ objectives: [OBJECTIVE], campaigns: [], measurements: [] });
  expect(rollupObjectives({ objectives: [OBJECTIVE], asOf: '2026-04-30', currentValues: none })[0]?.keyResults[0]?.current).toBe(0);
});

describeOnEveryAdapter('objectives.rollup', (open) => {
  it('measures key results from the campaigns serving them and rolls the objective up', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.objectives.create(OBJECTIVE);
      await workspace.campaigns.create({ ...LAUNCH, id: 'spring', plannedStart: '2026-04-01', keyResultIds: ['kr-leads'] });
      await workspace.campaigns.create({ ...LAUNCH, id: 'expo', plannedStart: '2026-04-01', keyResultIds: ['kr-leads'] });
      await workspace.kpis.recordMeasurement({ id: 'm1', campaignId: 'spring', date: '2026-04-03', values: { leads: 1200 } });
      await workspace.kpis.recordMeasurement({ id: 'm2', campaignId: 'expo', date: '2026-05-20', values: { leads: 800 } });
      const [rollup] = await workspace.objectives.rollup({ asOf: '2026-05-31' });
      expect([rollup?.id, rollup?.progress, rollup?.keyResults.map((kr) => [kr.id, kr.current])]).toEqual(['o-leads', 0.4, [['kr-leads', 2000]]]);
      expect((await failure(workspace.withActor({ id: 'm-bob', roles: [] }).objectives.rollup({ asOf: '2026-05-31' }))).code).toBe('FORBIDDEN');
      expect((await failure(workspace.objectives.rollup({ asOf: 'May' }))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });
});
