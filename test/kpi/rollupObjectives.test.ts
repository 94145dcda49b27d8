import { describe, expect, it } from 'vitest';
import type { ObjectiveInput } from '../../src/model/objective.js';
import { measureKeyResults } from '../../src/kpi/measureKeyResults.js';
import { rollupObjectives } from '../../src/kpi/rollupObjectives.js';
import { errorOf } from '../_support/errors.js';

const H1 = { periodStart: '2026-01-01', periodEnd: '2026-06-30' }; // 181 days
const Q2 = { periodStart: '2026-04-01', periodEnd: '2026-06-30' }; // 91 days

const tree: ObjectiveInput[] = [
  { id: 'strategy', name: 'Win the smart-home category', ...H1, progressSource: 'children' },
  {
    id: 'pipeline', parentId: 'strategy', name: 'Fill the pipeline', ...Q2, weight: 0.6,
    keyResults: [
      { id: 'kr-leads', name: '5,000 leads', metric: 'leads', target: 5_000, current: 4_000, weight: 1 },
      { id: 'kr-cpl', name: 'CPL down from 40 to 30', metric: 'cpl', start: 40, target: 30, current: 35, weight: 0.5 },
    ],
  },
  { id: 'brand', parentId: 'strategy', name: 'Be known', ...Q2, weight: 0.4, progressSource: 'manual', manualProgress: 0.3 },
];

describe('rollupObjectives', () => {
  it('weights key results within an objective and children within the parent', () => {
    const [strategy, pipeline, brand] = rollupObjectives({ objectives: tree, asOf: '2026-05-15' });
    // pipeline: (1 × 0.8 + 0.5 × 0.5) / 1.5 = 0.7
    expect(pipeline).toMatchObject({ id: 'pipeline', parentId: 'strategy', source: 'keyResults', progress: 0.7 });
    expect(pipeline?.contributions).toEqual([
      { kind: 'keyResult', id: 'kr-leads', weight: 1, share: 2 / 3, progress: 0.8 },
      { kind: 'keyResult', id: 'kr-cpl', weight: 0.5, share: 1 / 3, progress: 0.5 },
    ]);
    expect(brand).toMatchObject({ progress: 0.3, source: 'manual' });
    // strategy: 0.6 × 0.7 + 0.4 × 0.3 = 0.54 (weights already sum to 1)
    expect(strategy).toMatchObject({ id: 'strategy', source: 'children', progress: 0.54 });
    expect(strategy?.contributions.map((c) => [c.id, c.share])).toEqual([
      ['pipeline', 0.6],
      ['brand', 0.4],
    ]);
  });

  it('rolls up a chain of 5,000 nested objectives without running out of stack', () => {
    const depth = 5_000;
    const chain: ObjectiveInput[] = Array.from({ length: depth }, (_, i) => ({
      id: `o${i}`,
      ...(i === 0 ? {} : { parentId: `o${i - 1}` }),
      name: `Level ${i}`,
      ...H1,
      ...(i === depth - 1 ? { progressSource: 'manual' as const, manualProgress: 0.25 } : { progressSource: 'children' as const }),
    }));
    const rollups = rollupObjectives({ objectives: chain, asOf: '2026-03-31' });
    expect(rollups.length).toBe(depth);
    expect(rollups.every((r) => r.progress === 0.25)).toBe(true);
    expect(rollups[0]?.contributions).toEqual([{ kind: 'child', id: 'o1', weight: 1, share: 1, progress: 0.25 }]);
  });

  it('finds a cycle of objectives however long it is', () => {
    const ring: ObjectiveInput[] = Array.from({ length: 5_000 }, (_, i) => ({ id: `o${i}`, parentId: `o${(i + 1) % 5_000}`, name: `O${i}`, ...H1 }));
    expect(errorOf(() => rollupObjectives({ objectives: ring, asOf: '2026-03-31' }), 'CYCLE').details.cycle?.length).toBe(5_001);
  });

  it('labels each objective and key result against the share of its period elapsed', () => {
    const [strategy, pipeline, brand] = rollupObjectives({ objectives: tree, asOf: '2026-05-15' });
    // Q2 at 15 May: 45 of 91 days; H1: 135 of 181 days.
    expect(pipeline?.expected).toBe(45 / 91);
    expect(strategy?.expected).toBe(135 / 181);
    expect(pipeline?.status).toBe('onTrack'); // 0.7 ≥ 0.7 × 0.4945
    expect(brand?.status).toBe('atRisk'); // 0.3 < 0.346 but ≥ 0.198
    expect(strategy?.status).toBe('onTrack'); // 0.54 ≥ 0.7 × 0.7459 = 0.522
    expect(pipeline?.keyResults).toEqual([
      { id: 'kr-leads', current: 4_000, progress: 0.8, expected: 45 / 91, status: 'onTrack' },
      { id: 'kr-cpl', current: 35, progress: 0.5, expected: 45 / 91, status: 'onTrack' },
    ]);
  });

  it('normalizes weights that do not sum to 1', () => {
    const objectives: ObjectiveInput[] = [
      { id: 'o', name: 'O', ...Q2, keyResults: [
        { id: 'a', name: 'A', target: 10, current: 10, weight: 0.2 },
        { id: 'b', name: 'B', target: 10, current: 0, weight: 0.2 },
        { id: 'c', name: 'C', target: 10, current: 5, weight: 0.1 },
      ] },
    ];
    // (0.2 × 1 + 0.2 × 0 + 0.1 × 0.5) / 0.5 = 0.5
    expect(rollupObjectives({ objectives, asOf: '2026-04-01' })[0]?.progress).toBe(0.5);
  });

  it('lets measured values override key-result current values', () => {
    const [, pipeline] = rollupObjectives({ objectives: tree, asOf: '2026-05-15', currentValues: { 'kr-leads': 5_000, 'kr-cpl': 30 } });
    expect(pipeline?.progress).toBe(1);
  });

  it('takes task and milestone completion, leaving cancelled work out', () => {
    const objectives: ObjectiveInput[] = [
      { id: 't', name: 'Tasks', ...Q2, progressSource: 'tasks' },
      { id: 'm', name: 'Milestones', ...Q2, progressSource: 'milestones' },
    ];
    const work = [
      { objectiveId: 't', statusCategory: 'done' as const },
      { objectiveId: 't', statusCategory: 'in_progress' as const },
      { objectiveId: 't', statusCategory: 'done' as const, milestone: true },
      { objectiveId: 't', statusCategory: 'cancelled' as const },
      { objectiveId: 'm', statusCategory: 'done' as const, milestone: true },
      { objectiveId: 'm', statusCategory: 'todo' as const, milestone: true },
      { objectiveId: 'm', statusCategory: 'todo' as const, milestone: true },
      { objectiveId: 'm', statusCategory: 'todo' as const, milestone: true },
      { objectiveId: 'm', statusCategory: 'done' as const },
    ];
    const [t, m] = rollupObjectives({ objectives, asOf: '2026-06-30', work });
    expect(t?.progress).toBe(2 / 3);
    expect(m?.progress).toBe(0.25);
    expect(m?.status).toBe('offTrack');
  });

  it('leaves children without progress out of the parent, and says why when nothing is left', () => {
    const objectives: ObjectiveInput[] = [
      { id: 'p', name: 'P', ...Q2, progressSource: 'children' },
      { id: 'c1', parentId: 'p', name: 'C1', ...Q2, progressSource: 'manual', manualProgress: 0.5, weight: 0.5 },
      { id: 'c2', parentId: 'p', name: 'C2', ...Q2, progressSource: 'tasks', weight: 0.5 },
      { id: 'lonely', name: 'L', ...Q2, progressSource: 'children' },
    ];
    const [p, , c2, lonely] = rollupObjectives({ objectives, asOf: '2026-04-10' });
    expect(p?.progress).toBe(0.5);
    expect(p?.contributions).toEqual([
      { kind: 'child', id: 'c1', weight: 0.5, share: 1, progress: 0.5 },
      { kind: 'child', id: 'c2', weight: 0.5, share: null, progress: null },
    ]);
    expect(c2).toMatchObject({ progress: null, status: 'unknown', reason: 'no tasks linked to the objective' });
    expect(lonely).toMatchObject({ progress: null, reason: 'no child objective has progress' });
  });

  it('has no progress when every weight is 0', () => {
    const objectives: ObjectiveInput[] = [{ id: 'o', name: 'O', ...Q2, keyResults: [{ id: 'a', name: 'A', target: 1, current: 1, weight: 0 }] }];
    expect(rollupObjectives({ objectives, asOf: '2026-04-01' })[0]).toMatchObject({ progress: null, reason: 'every weight is 0' });
  });

  it('rejects circular parents, missing parents and duplicate ids', () => {
    const circular: ObjectiveInput[] = [
      { id: 'a', parentId: 'b', name: 'A', ...Q2 },
      { id: 'b', parentId: 'c', name: 'B', ...Q2 },
      { id: 'c', parentId: 'a', name: 'C', ...Q2 },
    ];
    expect(errorOf(() => rollupObjectives({ objectives: circular, asOf: '2026-04-01' }), 'CYCLE').details.cycle).toEqual(['a', 'b', 'c', 'a']);
    expect(errorOf(() => rollupObjectives({ objectives: [{ id: 'a', parentId: 'zz', name: 'A', ...Q2 }], asOf: '2026-04-01' }), 'NOT_FOUND').details.ids).toEqual(['zz']);
    const twice: ObjectiveInput[] = [{ id: 'a', name: 'A', ...Q2 }, { id: 'a', name: 'B', ...Q2 }];
    expect(errorOf(() => rollupObjectives({ objectives: twice, asOf: '2026-04-01' }), 'VALIDATION').details.issues?.[0]?.path).toEqual(['objectives', 1, 'id']);
  });
});

describe('measureKeyResults', () => {
  it('sums the measurements of every campaign serving a key result within the objective period', () => {
    const results = measureKeyResults({
      objectives: tree,
      campaigns: [
        { id: 'spring', keyResultIds: ['kr-leads', 'kr-cpl'] },
        { id: 'expo', keyResultIds: ['kr-leads'] },
        { id: 'unrelated', keyResultIds: [] },
      ],
      measurements: [
        { id: 'm1', campaignId: 'spring', date: '2026-04-03', values: { leads: 1_200, spend: 3_600_000 } },
        { id: 'm2', campaignId: 'expo', date: '2026-05-20', values: { leads: 800, spend: 4_000_000 } },
        { id: 'm3', campaignId: 'spring', date: '2026-03-30', values: { leads: 999 } },
        { id: 'm4', campaignId: 'unrelated', date: '2026-04-03', values: { leads: 5_000 } },
      ],
    });
    // leads: 1,200 + 800 (m3 is before Q2, m4 serves nothing); CPL only from spring: 3,600,000 / 1,200.
    expect(results).toEqual({ 'kr-leads': { value: 2_000 }, 'kr-cpl': { value: 3_000 } });
  });
});
