import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { aggregateMeasurements } from '../../src/kpi/aggregateMeasurements.js';
import { buildTrackingTable } from '../../src/kpi/buildTrackingTable.js';
import { checkBenchmarks } from '../../src/kpi/checkBenchmarks.js';
import { compareToTarget } from '../../src/kpi/compareToTarget.js';
import { computeMetrics, explainMetrics } from '../../src/kpi/computeMetrics.js';
import { createMetricRegistry } from '../../src/kpi/createMetricRegistry.js';
import { expectedProgress } from '../../src/kpi/expectedProgress.js';
import { formatFormula } from '../../src/kpi/formatFormula.js';
import { funnelConversion } from '../../src/kpi/funnelConversion.js';
import { keyResultProgress } from '../../src/kpi/keyResultProgress.js';
import { measureKeyResults } from '../../src/kpi/measureKeyResults.js';
import { parseFormula } from '../../src/kpi/parseFormula.js';
import { progressStatus } from '../../src/kpi/progressStatus.js';
import { rollupObjectives } from '../../src/kpi/rollupObjectives.js';
import { teamMetrics } from '../../src/kpi/teamMetrics.js';
import { traceTask } from '../../src/kpi/traceTask.js';
import { FUZZ_RUNS, nearValid, onlyCampaignKitErrors } from '../schedule/_fuzz.js';

function errorOf(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return e;
    throw e;
  }
  throw new Error('expected a CampaignKitError');
}

/** The code, message and issue paths of the error `run` throws. */
function refusal(run: () => unknown) {
  const e = errorOf(run);
  return { code: e.code, message: e.message, paths: (e.details.issues ?? []).map((i) => i.path) };
}

const leads = { id: 'm1', campaignId: 'spring', date: '2026-04-03', values: { leads: 1200, spend: 600_00 } };

describe('KPI functions check their arguments at the boundary', () => {
  it('parseFormula refuses anything but a string', () => {
    for (const formula of [null, undefined, 12, ['a'], { length: 1 }]) {
      expect(refusal(() => parseFormula(formula as never))).toEqual({
        code: 'VALIDATION',
        message: 'Invalid formula: (input): expected the formula as a string',
        paths: [[]],
      });
    }
  });

  it('formatFormula refuses a tree parseFormula could not have built, naming the node', () => {
    const a = { kind: 'name', name: 'a', position: 0 };
    expect(refusal(() => formatFormula(undefined as never))).toEqual({ code: 'VALIDATION', message: 'Invalid formula tree: (input): expected a formula node', paths: [[]] });
    expect(refusal(() => formatFormula({ kind: 'binary', operator: '^', left: a, right: a, position: 0 } as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid formula tree: operator: unknown binary operator',
      paths: [['operator']],
    });
    expect(refusal(() => formatFormula({ kind: 'negate', operand: { kind: 'number', value: Number.NaN, position: 1 }, position: 0 } as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid formula tree: operand.value: expected a finite number, not negative',
      paths: [['operand', 'value']],
    });
    expect(refusal(() => formatFormula({ kind: 'call', name: 'if', args: [a, a, a], position: 0 } as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid formula tree: args[0]: the condition of if must be a comparison',
      paths: [['args', 0]],
    });
    expect(refusal(() => formatFormula({ kind: 'call', name: 'max', args: [a, { ...a, name: 'Spend' }], position: 0 } as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid formula tree: args[1].name: expected a lower-case name',
      paths: [['args', 1, 'name']],
    });
  });

  it('formatFormula refuses a tree that contains itself instead of overflowing the stack', () => {
    const loop: Record<string, unknown> = { kind: 'negate', position: 0 };
    loop.operand = loop;
    const e = errorOf(() => formatFormula(loop as never));
    expect([e.code, e.message, e.details]).toEqual(['LIMIT_EXCEEDED', 'Formula tree has more than 2000 nodes (or contains itself)', { limit: 2000 }]);
  });

  it('formatFormula still writes every parsed formula', () => {
    expect(formatFormula(parseFormula('if(clicks > 0, spend / clicks, -(1 + 2e-7))'))).toBe('if(clicks > 0, spend / clicks, -(1 + 2e-7))');
  });

  it('buildTrackingTable parses its whole input', () => {
    expect(refusal(() => buildTrackingTable(undefined as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid tracking table input: (input): Invalid input: expected object, received undefined',
      paths: [[]],
    });
    expect(refusal(() => buildTrackingTable({ targets: [], measurements: new Set() } as never)).paths).toEqual([['measurements']]);
    expect(refusal(() => buildTrackingTable({ targets: [], measurements: [], activityNames: { spring: 7 } } as never)).paths).toEqual([['activityNames', 'spring']]);
  });

  it('measureKeyResults parses its whole input', () => {
    expect(refusal(() => measureKeyResults(null as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid key result measurement input: (input): Invalid input: expected object, received null',
      paths: [[]],
    });
    expect(refusal(() => measureKeyResults({ objectives: [], campaigns: [{ id: '' }], measurements: [] }))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid key result measurement input: campaigns[0].id: Too small: expected string to have >=1 characters',
      paths: [['campaigns', 0, 'id']],
    });
  });

  it('functions taking { registry } refuse options that are not an object or a registry', () => {
    expect(refusal(() => computeMetrics({ leads: 3 }, ['leads'], null as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid options: (input): expected an options object',
      paths: [[]],
    });
    const notARegistry = { registry: { get: () => undefined } } as never;
    for (const run of [
      () => explainMetrics({ leads: 3 }, ['leads'], notARegistry),
      () => compareToTarget({ metric: 'leads', target: 5, actual: 3 }, notARegistry),
      () => checkBenchmarks({ actuals: [], benchmarks: [] }, notARegistry),
      () => buildTrackingTable({ targets: [], measurements: [] }, notARegistry),
      () => measureKeyResults({ objectives: [], campaigns: [], measurements: [] }, notARegistry),
      () => aggregateMeasurements([leads], { metrics: ['leads'] }, notARegistry),
    ]) {
      expect(refusal(run)).toEqual({ code: 'VALIDATION', message: 'Invalid options: registry: expected a metric registry from createMetricRegistry', paths: [['registry']] });
    }
  });

  it('valid input still gives the documented results', () => {
    const registry = createMetricRegistry([{ id: 'half_leads', name: 'Half', formula: 'leads / 2', unit: 'count', direction: 'higher' }]);
    expect(computeMetrics({ leads: 3 }, ['half_leads'], { registry })).toEqual({ half_leads: 1.5 });
    expect(
      measureKeyResults({
        objectives: [{ id: 'o1', name: 'Pipeline', periodStart: '2026-04-01', periodEnd: '2026-06-30', keyResults: [{ id: 'kr', name: 'Leads', metric: 'leads', target: 5000 }] }],
        campaigns: [{ id: 'spring', keyResultIds: ['kr'] }],
        measurements: [leads],
      }),
    ).toEqual({ kr: { value: 1200 } });
    const [row] = buildTrackingTable({ targets: [{ id: 't1', campaignId: 'spring', metric: 'leads', target: 1500 }], measurements: [leads], activityNames: { spring: 'Spring launch' } });
    expect([row?.activity, row?.actual, row?.difference, row?.varianceRate, row?.status]).toEqual(['Spring launch', 1200, -300, -0.2, 'offTrack']);
  });
});

describe('every KPI function lets only CampaignKitError escape on near-valid input', () => {
  const registry = createMetricRegistry([
    { id: 'cost_per_visit', name: 'Cost per visit', formula: 'spend / visits', inputs: ['spend', 'visits'], unit: 'currency', direction: 'lower' },
  ]);
  const objective = {
    id: 'o1',
    name: 'Pipeline',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    keyResults: [{ id: 'kr', name: 'Leads', metric: 'leads', target: 5000, current: 1200 }],
  };
  const cases: [string, (...args: never[]) => unknown, unknown[]][] = [
    ['parseFormula', parseFormula, ['if(clicks > 0, spend / clicks, 0)']],
    ['formatFormula', formatFormula, [parseFormula('max(spend / clicks, -2) * 1e21')]],
    ['createMetricRegistry', createMetricRegistry, [[{ id: 'v', name: 'V', formula: 'a / b + ctr', inputs: ['a', 'b'], unit: 'ratio', direction: 'higher', aliases: ['vv'] }]]],
    ['computeMetrics', computeMetrics, [{ impressions: 20_000, clicks: 400, spend: 120_000, visits: 50 }, ['ctr', 'cost_per_visit'], { registry }]],
    ['explainMetrics', explainMetrics, [{ spend: 50_000, clicks: 0 }, ['cpc'], {}]],
    ['compareToTarget', compareToTarget, [{ metric: 'cpl', target: 3000, actual: 3200, tolerance: 0.05, atRiskTolerance: 0.1 }, { registry }]],
    ['aggregateMeasurements', aggregateMeasurements, [[leads, { ...leads, id: 'm2', date: '2026-04-10', channel: 'search' }], { period: 'week', metrics: ['cpl'] }, { registry }]],
    ['buildTrackingTable', buildTrackingTable, [{ targets: [{ id: 't1', campaignId: 'spring', metric: 'leads', target: 1500, reason: 'r' }], measurements: [leads], activityNames: { spring: 'Spring' } }, { registry }]],
    ['checkBenchmarks', checkBenchmarks, [{ actuals: [{ metric: 'ctr', channel: 'video', value: 0.008 }], benchmarks: [{ metric: 'ctr', channel: 'video', value: 0.011, source: 'industry' }] }, { registry }]],
    ['funnelConversion', funnelConversion, [[{ stage: 'lead', count: 5000 }, { stage: 'mql', count: 1500 }, { stage: 'won', count: 45 }]]],
    ['keyResultProgress', keyResultProgress, [{ start: 0, target: 5000, current: 4200 }]],
    ['expectedProgress', expectedProgress, [{ periodStart: '2026-04-01', periodEnd: '2026-04-30', asOf: '2026-04-15' }]],
    ['progressStatus', progressStatus, [0.4, 0.5, { onTrack: 0.7, atRisk: 0.4 }]],
    ['rollupObjectives', rollupObjectives, [{ asOf: '2026-05-15', objectives: [objective, { ...objective, id: 'o2', parentId: 'o1', keyResults: [] }] }]],
    ['measureKeyResults', measureKeyResults, [{ objectives: [objective], campaigns: [{ id: 'spring', keyResultIds: ['kr'] }], measurements: [leads] }, { registry }]],
    ['traceTask', traceTask, [{ task: { id: 't', campaignId: 'spring' }, campaigns: [{ id: 'spring', keyResultIds: ['kr'] }], objectives: [{ id: 'o1', keyResults: [{ id: 'kr' }] }] }]],
    [
      'teamMetrics',
      teamMetrics,
      [
        {
          asOf: '2026-03-20T18:00:00Z',
          groupBy: 'assignee',
          tasks: [
            { id: 't1', campaignId: 'c', assigneeIds: ['li'], statusCategory: 'done', assignedAt: '2026-03-02T09:00:00Z', startedAt: '2026-03-02T13:00:00Z', finishedAt: '2026-03-05T13:00:00Z', due: '2026-03-06' },
            { id: 't2', campaignId: 'c', assigneeIds: ['li'], statusCategory: 'in_progress', due: '2026-03-10' },
          ],
        },
      ],
    ],
  ];

  it.each(cases)('%s', (_name, fn, valid) => {
    // The valid arguments work as they are; the fuzzed ones may be refused, but only by a CampaignKitError.
    expect(() => fn(...(valid as never[]))).not.toThrow();
    fc.assert(
      fc.property(nearValid(valid), (args) => {
        onlyCampaignKitErrors(() => fn(...((Array.isArray(args) ? args : [args]) as never[])));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
