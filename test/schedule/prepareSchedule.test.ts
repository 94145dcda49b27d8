import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { prepareSchedule } from '../../src/schedule/prepareSchedule.js';
import type { ScheduleLinkInput, ScheduleTaskInput } from '../../src/schedule/scheduleInput.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';

const base = {
  start: '2026-03-02T08:00',
  tasks: [
    { id: 'brief', duration: '2d' },
    { id: 'design', duration: '3d' },
    { id: 'copy', duration: '1d' },
    { id: 'launch', duration: '0d' },
  ],
  links: [
    { from: 'brief', to: 'design' },
    { from: 'brief', to: 'copy' },
    { from: 'design', to: 'launch' },
    { from: 'copy', to: 'launch' },
  ],
};

describe('prepareSchedule', () => {
  it('reschedules what a longer duration reaches and says which tasks changed', () => {
    const plan = prepareSchedule(base);
    expect(plan.finish()).toBe('2026-03-06T17:00');
    const change = plan.setDuration('brief', '3d');
    expect(change).toEqual({ changed: ['brief', 'design', 'copy', 'launch'], finish: '2026-03-09T17:00' });
    expect(plan.task('design')).toMatchObject({ earlyStart: '2026-03-05T08:00', earlyFinish: '2026-03-09T17:00', totalFloat: 0 });
    expect(plan.task('copy')).toMatchObject({ earlyStart: '2026-03-05T08:00', totalFloat: 960, freeFloat: 960 });
  });

  it('leaves tasks a change cannot reach alone', () => {
    const plan = prepareSchedule(base);
    // copy has two days of float: one more day moves nothing else.
    const change = plan.setDuration('copy', '2d');
    expect(change.changed).toEqual(['copy']);
    expect(plan.task('copy')).toMatchObject({ earlyFinish: '2026-03-05T17:00', totalFloat: 480, freeFloat: 480 });
    expect(plan.finish()).toBe('2026-03-06T17:00');
  });

  it('applies a constraint and clears it again', () => {
    const plan = prepareSchedule(base);
    plan.setConstraint('copy', { type: 'SNET', date: '2026-03-09T08:00' });
    expect(plan.task('copy').earlyStart).toBe('2026-03-09T08:00');
    expect(plan.task('launch').earlyStart).toBe('2026-03-09T17:00');
    plan.setConstraint('copy', undefined);
    expect(plan.result()).toEqual(scheduleProject(plan.input()));
    expect(plan.task('copy').earlyStart).toBe('2026-03-04T08:00');
  });

  it('adds and removes links', () => {
    const plan = prepareSchedule(base);
    plan.addLink({ from: 'design', to: 'copy', type: 'FF' });
    expect(plan.task('copy')).toMatchObject({ earlyStart: '2026-03-06T08:00', earlyFinish: '2026-03-06T17:00', critical: true });
    plan.removeLink('design', 'copy');
    expect(plan.task('copy').earlyStart).toBe('2026-03-04T08:00');
    expect(plan.result()).toEqual(scheduleProject(base));
  });

  it('refuses a link that would close a cycle and keeps the schedule as it was', () => {
    const plan = prepareSchedule(base);
    const before = plan.result();
    let caught: unknown;
    try {
      plan.addLink({ from: 'launch', to: 'brief' });
    } catch (e) {
      caught = e;
    }
    expect(isCampaignKitError(caught, 'CYCLE')).toBe(true);
    const cycle = (caught as { details: { cycle: string[] } }).details.cycle;
    expect(cycle).toEqual(['launch', 'brief', 'copy', 'launch']);
    // Every step is an existing link, except the refused one that would close it.
    const existing = new Set(base.links.map((l) => `${l.from}>${l.to}`));
    expect(cycle.slice(1, -1).map((id, k) => existing.has(`${id}>${cycle[k + 2]}`))).toEqual([true, true]);
    expect(plan.result()).toEqual(before);
    expect(plan.input().links).toHaveLength(4);
  });

  it('refuses changes to unknown tasks and to summary durations', () => {
    const plan = prepareSchedule({ ...base, tasks: [...base.tasks, { id: 'phase' }, { id: 'inner', parent: 'phase' }] });
    expect(() => plan.setDuration('nope', '1d')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => plan.setDuration('phase', '1d')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => plan.setDuration('brief', '-1d')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

// Random networks: tasks t0..tn, links only from lower to higher index (acyclic by construction).
const network = fc
  .integer({ min: 2, max: 14 })
  .chain((n) =>
    fc.record({
      durations: fc.array(fc.constantFrom('0d', '1d', '2d', '3d', '4h', '90m', '1ed'), { minLength: n, maxLength: n }),
      links: fc.uniqueArray(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          type: fc.constantFrom('FS', 'SS', 'FF', 'SF'),
          lag: fc.constantFrom('0d', '1d', '-1d', '2h', '50%'),
        }),
        { selector: (l) => `${Math.min(l.a, l.b)}-${Math.max(l.a, l.b)}`, maxLength: n * 2 },
      ),
      changes: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('duration' as const), task: fc.integer({ min: 0, max: n - 1 }), value: fc.constantFrom('0d', '1d', '5d', '3h', '2ed') }),
          fc.record({
            kind: fc.constant('constraint' as const),
            task: fc.integer({ min: 0, max: n - 1 }),
            value: fc.constantFrom(undefined, 'SNET', 'FNLT', 'MSO'),
          }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  );

describe('prepareSchedule (property)', () => {
  it('after any sequence of changes, gives exactly what a full schedule of the changed input gives', () => {
    fc.assert(
      fc.property(network, ({ durations, links, changes }) => {
        const tasks: ScheduleTaskInput[] = durations.map((duration, i) => ({ id: `t${i}`, duration }));
        const edges: ScheduleLinkInput[] = links
          .filter((l) => l.a !== l.b)
          .map((l) => ({ from: `t${Math.min(l.a, l.b)}`, to: `t${Math.max(l.a, l.b)}`, type: l.type, lag: l.lag }));
        const plan = prepareSchedule({ start: '2026-03-02T08:00', tasks, links: edges });
        for (const change of changes) {
          const id = `t${change.task}`;
          if (change.kind === 'duration') plan.setDuration(id, change.value);
          else plan.setConstraint(id, change.value === undefined ? undefined : { type: change.value, date: '2026-03-04T13:00' });
        }
        expect(plan.result()).toEqual(scheduleProject(plan.input()));
      }),
      { numRuns: 200 },
    );
  });
});
