import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { TaskSchema } from '../../src/model/task.js';
import { IsoDateSchema, LocalDateTimeSchema } from '../../src/model/primitives.js';
import { computeCpm } from '../../src/schedule/computeCpm.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';
import { FUZZ_RUNS, nearValid, onlyCampaignKitErrors } from './_fuzz.js';

// The edges of what the scheduler accepts: whole-number CPM units below 2^53, the years
// 1900–9999, and finishes that do not come before their starts.

function validation(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e, 'VALIDATION')) return e;
    throw e;
  }
  throw new Error('expected a VALIDATION error');
}

const paths = (e: CampaignKitError) => (e.details.issues ?? []).map((i) => i.path);

describe('computeCpm takes whole units only', () => {
  it('refuses a fractional duration or lag, naming it', () => {
    expect(paths(validation(() => computeCpm({ tasks: [{ id: 'a', duration: 0.1 }], links: [] })))).toEqual([['tasks', 0, 'duration']]);
    const lag = validation(() => computeCpm({ tasks: [{ id: 'a', duration: 1 }, { id: 'b', duration: 1 }], links: [{ from: 'a', to: 'b', lag: 0.5 }] }));
    expect(paths(lag)).toEqual([['links', 0, 'lag']]);
    expect(lag.message).toContain('0.5');
  });

  it('refuses durations and lags whose total passes 2^53', () => {
    const tasks = [
      { id: 'a', duration: Number.MAX_SAFE_INTEGER },
      { id: 'b', duration: 1 },
    ];
    expect(validation(() => computeCpm({ tasks, links: [] })).code).toBe('VALIDATION');
    const withLag = [
      { id: 'a', duration: Number.MAX_SAFE_INTEGER - 1 },
      { id: 'b', duration: 0 },
    ];
    expect(computeCpm({ tasks: withLag, links: [] }).finish).toBe(Number.MAX_SAFE_INTEGER - 1);
    expect(validation(() => computeCpm({ tasks: withLag, links: [{ from: 'a', to: 'b', lag: -2 }] })).code).toBe('VALIDATION');
  });

  it('gives exact integer dates and floats on any network of whole units', () => {
    const network = fc
      .array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 })
      .chain((durations) =>
        fc
          .array(fc.record({ a: fc.nat({ max: durations.length - 1 }), b: fc.nat({ max: durations.length - 1 }), lag: fc.integer({ min: -1000, max: 1000 }), type: fc.constantFrom('FS', 'SS', 'FF', 'SF' as const) }), { maxLength: 20 })
          .map((raw) => ({
            tasks: durations.map((duration, i) => ({ id: `t${i}`, duration })),
            // Only forward links, one per pair, so the network has no loops and no duplicates.
            links: raw.filter((l, i) => l.a < l.b && raw.findIndex((o) => o.a === l.a && o.b === l.b) === i).map((l) => ({ from: `t${l.a}`, to: `t${l.b}`, lag: l.lag, type: l.type })),
          })),
      );
    fc.assert(
      fc.property(network, (input) => {
        const result = computeCpm(input);
        for (const series of [result.earlyStart, result.earlyFinish, result.lateStart, result.lateFinish, result.totalFloat, result.freeFloat]) {
          for (const value of series) expect(Number.isInteger(value)).toBe(true);
        }
        expect(result.criticalPath.length).toBeGreaterThan(0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('lets only CampaignKitError escape for near-valid networks', () => {
    const valid = { tasks: [{ id: 'a', duration: 2 }, { id: 'b', duration: 3 }], links: [{ from: 'a', to: 'b', type: 'FS', lag: 1 }] };
    fc.assert(
      fc.property(nearValid(valid), (input) => {
        onlyCampaignKitErrors(() => computeCpm(input as Parameters<typeof computeCpm>[0]));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('dates are in the years 1900–9999', () => {
  it('reads the first and last supported dates and refuses the ones beyond', () => {
    expect(LocalDateTimeSchema.safeParse('1900-01-01T00:00').success).toBe(true);
    expect(LocalDateTimeSchema.safeParse('9999-12-31T23:59').success).toBe(true);
    for (const text of ['1899-12-31T23:59', '0050-06-01T08:00', '0099-12-31', '10000-01-01T00:00', '2026-02-30', '2026-03-02T24:00', '2026-03-02T08:00:60']) {
      expect(LocalDateTimeSchema.safeParse(text).success, text).toBe(false);
    }
    const early = IsoDateSchema.safeParse('0099-12-31');
    expect(early.success).toBe(false);
    expect(early.error?.issues.map((i) => i.message)).toEqual(['must be in the years 1900–9999']);
  });

  it('refuses a project start before 1900 with VALIDATION on the start', () => {
    const e = validation(() => scheduleProject({ start: '0050-06-01T08:00', tasks: [{ id: 'a', duration: '1d' }], links: [] }));
    expect(paths(e)).toEqual([['start']]);
  });

  it('refuses a schedule a long chain would push past 9999, naming the task', () => {
    const tasks = [
      { id: 'a', duration: '1d' },
      { id: 'b', duration: { value: 2_000_000, unit: 'ed' } },
      { id: 'c', duration: { value: 2_000_000, unit: 'ed' } },
    ] as const;
    const e = validation(() =>
      scheduleProject({
        start: '2026-03-02T08:00',
        tasks: [...tasks],
        links: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
        ],
      }),
    );
    expect(paths(e)).toEqual([['tasks', 2]]);
    expect(e.details.ids).toEqual(['c']);
  });

  it('lets only CampaignKitError escape for near-valid projects', () => {
    const valid = {
      start: '2026-03-02T08:00',
      tasks: [
        { id: 'a', duration: '2d' },
        { id: 'b', duration: '3d', constraint: { type: 'SNET', date: '2026-03-04T08:00' } },
      ],
      links: [{ from: 'a', to: 'b', type: 'FS', lag: '1d' }],
    };
    fc.assert(
      fc.property(nearValid(valid), (input) => {
        onlyCampaignKitErrors(() => scheduleProject(input as Parameters<typeof scheduleProject>[0]));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('a finish is not before its start', () => {
  it('refuses a manual task that finishes before it starts', () => {
    const e = validation(() => scheduleProject({ start: '2026-03-02T08:00', tasks: [{ id: 'a', duration: '1d', manual: true, start: '2026-03-05T08:00', finish: '2026-03-04T17:00' }], links: [] }));
    expect(paths(e)).toEqual([['tasks', 0, 'finish']]);
  });

  it('refuses an actual finish before the actual start, in the schedule and in the stored task', () => {
    const e = validation(() =>
      scheduleProject({ start: '2026-03-02T08:00', tasks: [{ id: 'a', duration: '1d', actualStart: '2026-03-03T08:00', actualFinish: '2026-03-02T17:00' }], links: [] }),
    );
    expect(paths(e)).toEqual([['tasks', 0, 'actualFinish']]);
    const stored = TaskSchema.safeParse({ id: 'tsk_1', campaignId: 'cmp_1', name: 'Brief', status: 'todo', actualStart: '2026-03-03T08:00', actualFinish: '2026-03-02' });
    expect(stored.error?.issues.map((i) => i.path)).toEqual([['actualFinish']]);
  });

  it('compares instants, so a bare date and its midnight are the same time', () => {
    const result = scheduleProject({ start: '2026-03-02T08:00', tasks: [{ id: 'a', duration: '0d', actualStart: '2026-03-03', actualFinish: '2026-03-03T00:00' }], links: [] });
    expect(result.tasks.map((t) => t.id)).toEqual(['a']);
  });
});
