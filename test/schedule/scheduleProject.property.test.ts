import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_CALENDAR } from '../../src/calendar/standardCalendars.js';
import { createWorkingCalendar } from '../../src/calendar/workingCalendar.js';
import type { LinkType } from '../../src/model/dependency.js';
import { computeCpm } from '../../src/schedule/computeCpm.js';
import { scheduleProject, type ScheduledTask, type ScheduleResult } from '../../src/schedule/scheduleProject.js';
import { acyclicNetwork, type RandomNetwork } from '../_support/arbitraries.js';

const standard = createWorkingCalendar(STANDARD_CALENDAR);

/** A lag in the object form, in whole days or hours, leads included. */
interface Lag {
  value: number;
  unit: 'd' | 'h';
}
const lagMinutes = (lag: Lag): number => lag.value * (lag.unit === 'd' ? 480 : 60);

const durations = fc.oneof(
  fc.integer({ min: 0, max: 5 }).map((d) => `${d}d`),
  fc.integer({ min: 1, max: 12 }).map((h) => `${h}h`),
);
const lags: fc.Arbitrary<Lag> = fc.oneof(
  fc.constant<Lag>({ value: 0, unit: 'd' }),
  fc.integer({ min: -3, max: 3 }).map((value): Lag => ({ value, unit: 'd' })),
  fc.integer({ min: -12, max: 12 }).map((value): Lag => ({ value, unit: 'h' })),
);
// Project starts at the start of a week, mid-afternoon on a Friday, on a Saturday, and on New Year's Eve.
const starts = fc.constantFrom('2026-03-02T08:00', '2026-03-06T15:30', '2026-03-07T10:00', '2026-12-31T12:00');

function run(start: string, network: RandomNetwork<string, Lag | string>): ScheduleResult {
  return scheduleProject({ start, tasks: network.tasks, links: network.links });
}

function byId(result: ScheduleResult): Map<string, ScheduledTask> {
  return new Map(result.tasks.map((t) => [t.id, t]));
}

function get(tasks: Map<string, ScheduledTask>, id: string): ScheduledTask {
  const t = tasks.get(id);
  if (t === undefined) throw new Error(`no task ${id}`);
  return t;
}

/** Working minutes from the date the link measures from (plus nothing) to the date it holds. */
function linkGap(type: LinkType, pred: ScheduledTask, succ: ScheduledTask): number {
  const from = type === 'FS' || type === 'FF' ? pred.earlyFinish : pred.earlyStart;
  const to = type === 'FS' || type === 'SS' ? succ.earlyStart : succ.earlyFinish;
  return standard.workingMinutesBetween(from, to);
}

describe('scheduleProject on random acyclic networks on the Standard calendar', () => {
  const networks = acyclicNetwork({ maxTasks: 15, duration: durations, lag: lags });

  it('meets every link, lag included, on the early dates', () => {
    fc.assert(
      fc.property(starts, networks, (start, network) => {
        const tasks = byId(run(start, network));
        for (const link of network.links) {
          expect(linkGap(link.type, get(tasks, link.from), get(tasks, link.to))).toBeGreaterThanOrEqual(lagMinutes(link.lag));
        }
      }),
    );
  });

  it('starts every task that is not a milestone at a working instant', () => {
    fc.assert(
      fc.property(starts, networks, (start, network) => {
        for (const t of run(start, network).tasks) {
          if (!t.milestone) expect(standard.nextWorkingStart(t.earlyStart)).toBe(t.earlyStart);
        }
      }),
    );
  });

  it('gives every task a duration of working time between its early start and finish', () => {
    fc.assert(
      fc.property(starts, networks, (start, network) => {
        for (const t of run(start, network).tasks) expect(standard.workingMinutesBetween(t.earlyStart, t.earlyFinish)).toBe(t.duration);
      }),
    );
  });

  it('never gives negative float when there are no constraints or deadlines', () => {
    fc.assert(
      fc.property(starts, networks, (start, network) => {
        const result = run(start, network);
        for (const t of result.tasks) {
          expect(t.totalFloat).toBeGreaterThanOrEqual(0);
          expect(t.freeFloat).toBeGreaterThanOrEqual(0);
          expect(t.critical).toBe(t.totalFloat <= 0);
        }
        expect(result.issues).toEqual([]);
      }),
    );
  });

  it('ends the project at the latest early finish, with a critical task finishing then', () => {
    fc.assert(
      fc.property(starts, networks, (start, network) => {
        const result = run(start, network);
        const latest = result.tasks.map((t) => t.earlyFinish).sort().at(-1);
        expect(result.finish).toBe(latest);
        expect(result.tasks.some((t) => t.critical && t.earlyFinish === result.finish)).toBe(true);
      }),
    );
  });

  it('gives no task more free float than total float on finish-to-start and finish-to-finish links without leads', () => {
    const laggedFinishLinks = acyclicNetwork({
      maxTasks: 15,
      duration: durations,
      lag: lags.map((lag): Lag => ({ ...lag, value: Math.abs(lag.value) })),
      types: ['FS', 'FF'],
    });
    fc.assert(
      fc.property(starts, laggedFinishLinks, (start, network) => {
        for (const t of run(start, network).tasks) expect(t.freeFloat).toBeLessThanOrEqual(t.totalFloat);
      }),
    );
  });
});

describe('scheduleProject agrees with computeCpm on plain finish-to-start networks in whole days', () => {
  const networks = acyclicNetwork({
    maxTasks: 20,
    duration: fc.integer({ min: 0, max: 6 }),
    lag: fc.constant('0d'),
    types: ['FS'],
  });

  it('gives a project length in working days equal to the CPM finish', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const cpm = computeCpm({ tasks: network.tasks, links: network.links.map(({ from, to }) => ({ from, to })) });
        const result = scheduleProject({
          start: '2026-03-02T08:00',
          tasks: network.tasks.map((t) => ({ id: t.id, duration: `${t.duration}d` })),
          links: network.links.map(({ from, to }) => ({ from, to })),
        });
        expect(standard.workingMinutesBetween('2026-03-02T08:00', result.finish)).toBe(cpm.finish * 480);
        expect(new Set(result.criticalPath)).toEqual(new Set(cpm.criticalPath));
      }),
    );
  });
});
