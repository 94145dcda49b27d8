import { describe, expect, it } from 'vitest';
import type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from '../../src/schedule/scheduleInput.js';
import { scheduleProject, type ScheduleResult, type ScheduledTask } from '../../src/schedule/scheduleProject.js';

// Links, lags and milestones on the Standard calendar (Mon–Fri 08:00–12:00, 13:00–17:00), project
// start Monday 2026-03-02 08:00. Dates were worked out by hand on a printed calendar: Friday
// 2026-02-27 is the working day before the project start, Monday 2026-03-09 the one after the
// first weekend. Floats are working minutes (480 = one day).

function schedule(tasks: ScheduleTaskInput[], links: ScheduleLinkInput[] = [], more: Partial<ScheduleProjectInput> = {}): ScheduleResult {
  return scheduleProject({ start: '2026-03-02T08:00', tasks, links, ...more });
}

function task(result: ScheduleResult, id: string): ScheduledTask {
  const found = result.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

/** Early start and finish. */
function early(result: ScheduleResult, id: string): [string, string] {
  const t = task(result, id);
  return [t.earlyStart, t.earlyFinish];
}

/** Late start and finish. */
function late(result: ScheduleResult, id: string): [string, string] {
  const t = task(result, id);
  return [t.lateStart, t.lateFinish];
}

describe('a simple finish-to-start plan', () => {
  const plan = schedule(
    [
      { id: 'brief', duration: '2d' },
      { id: 'design', duration: '3d' },
      { id: 'launch', duration: '0d' },
    ],
    [
      { from: 'brief', to: 'design' },
      { from: 'design', to: 'launch' },
    ],
  );

  it('finishes a task at 17:00 and starts its successor at 08:00 the next working day', () => {
    expect(early(plan, 'brief')).toEqual(['2026-03-02T08:00', '2026-03-03T17:00']);
    expect(early(plan, 'design')).toEqual(['2026-03-04T08:00', '2026-03-06T17:00']);
  });

  it('moves a late finish that would fall on the next morning back to the previous evening', () => {
    // design's late start is Wednesday 08:00; brief's late finish is Tuesday 17:00.
    expect(late(plan, 'brief')).toEqual(['2026-03-02T08:00', '2026-03-03T17:00']);
  });

  it('reports the project span, durations in working minutes and the critical path', () => {
    expect(plan.start).toBe('2026-03-02T08:00');
    expect(plan.finish).toBe('2026-03-06T17:00');
    expect(plan.tasks.map((t) => t.duration)).toEqual([960, 1440, 0]);
    expect(plan.tasks.map((t) => t.totalFloat)).toEqual([0, 0, 0]);
    expect(plan.criticalPath).toEqual(['brief', 'design', 'launch']);
    expect(plan.issues).toEqual([]);
  });

  it('returns the tasks in input order', () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(['brief', 'design', 'launch']);
  });
});

describe('start of the week and the project start', () => {
  it('starts a one-day task after a task that ends on Friday at Monday 08:00', () => {
    const r = schedule([{ id: 'a', duration: '5d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b' }]);
    expect(early(r, 'a')).toEqual(['2026-03-02T08:00', '2026-03-06T17:00']);
    expect(early(r, 'b')).toEqual(['2026-03-09T08:00', '2026-03-09T17:00']);
  });

  it('moves tasks without predecessors from a Saturday project start to Monday 08:00', () => {
    const r = scheduleProject({ start: '2026-03-07T10:00', tasks: [{ id: 'a', duration: '1d' }, { id: 'm', milestone: true }] });
    expect(early(r, 'a')).toEqual(['2026-03-09T08:00', '2026-03-09T17:00']);
    expect(early(r, 'm')).toEqual(['2026-03-09T08:00', '2026-03-09T08:00']);
    expect(r.start).toBe('2026-03-09T08:00');
  });

  it('schedules an empty project at its start', () => {
    const r = schedule([]);
    expect(r).toEqual({ start: '2026-03-02T08:00', finish: '2026-03-02T08:00', criticalPath: [], tasks: [], issues: [] });
  });
});

describe('milestones', () => {
  it('leaves a milestone after a Friday task at Friday 17:00 rather than Monday 08:00', () => {
    const r = schedule([{ id: 'a', duration: '5d' }, { id: 'm', milestone: true }], [{ from: 'a', to: 'm' }]);
    expect(task(r, 'm')).toMatchObject({
      milestone: true,
      start: '2026-03-06T17:00',
      finish: '2026-03-06T17:00',
      lateStart: '2026-03-06T17:00',
      lateFinish: '2026-03-06T17:00',
      duration: 0,
      totalFloat: 0,
      critical: true,
    });
  });

  it('leaves a milestone after a morning task at 12:00', () => {
    const r = schedule([{ id: 'a', duration: '4h' }, { id: 'm', duration: '0d' }], [{ from: 'a', to: 'm' }]);
    expect(early(r, 'm')).toEqual(['2026-03-02T12:00', '2026-03-02T12:00']);
    expect(task(r, 'm').milestone).toBe(true);
  });
});

describe('finish-to-start lags', () => {
  it('waits a lag in days on working time', () => {
    // Monday 17:00 + 2 days = Wednesday 17:00, so b starts Thursday 08:00.
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '2d' }]);
    expect(early(r, 'b')).toEqual(['2026-03-05T08:00', '2026-03-05T17:00']);
    expect(late(r, 'a')).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
    expect(r.criticalPath).toEqual(['a', 'b']);
  });

  it('waits a lag in hours, starting after lunch', () => {
    // Monday 17:00 + 4 h = Tuesday 12:00 → 13:00; one day from there ends Wednesday 12:00.
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '4h' }]);
    expect(early(r, 'b')).toEqual(['2026-03-03T13:00', '2026-03-04T12:00']);
  });

  it('counts an elapsed lag around the clock, weekends included', () => {
    // Friday 17:00 + 2 elapsed days = Sunday 17:00 → Monday 08:00; + 2 working days → Wednesday.
    const tasks = [{ id: 'a', duration: '5d' }, { id: 'b', duration: '1d' }];
    expect(early(schedule(tasks, [{ from: 'a', to: 'b', lag: '2ed' }]), 'b')).toEqual(['2026-03-09T08:00', '2026-03-09T17:00']);
    expect(early(schedule(tasks, [{ from: 'a', to: 'b', lag: '2d' }]), 'b')).toEqual(['2026-03-11T08:00', '2026-03-11T17:00']);
  });

  it('counts an elapsed lag in wall-clock hours through the night', () => {
    // Monday 12:00 + 24 elapsed hours = Tuesday 12:00 → 13:00 after lunch.
    const r = schedule([{ id: 'a', duration: '4h' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '1ed' }]);
    expect(early(r, 'b')).toEqual(['2026-03-03T13:00', '2026-03-04T12:00']);
  });

  it("takes a percent lag as that share of the predecessor's duration", () => {
    // 50 % of 2 days = 1 day after Tuesday 17:00.
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '50%' }]);
    expect(early(r, 'b')).toEqual(['2026-03-05T08:00', '2026-03-05T17:00']);
  });

  it('waits a lag in weeks', () => {
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '1w' }]);
    expect(early(r, 'b')).toEqual(['2026-03-10T08:00', '2026-03-10T17:00']);
  });
});

describe('leads (negative lags)', () => {
  it('overlaps the successor with the end of its predecessor', () => {
    // Tuesday 17:00 - 1 day = Tuesday 08:00.
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '-1d' }]);
    expect(early(r, 'b')).toEqual(['2026-03-03T08:00', '2026-03-03T17:00']);
    expect(r.criticalPath).toEqual(['a', 'b']);
  });

  it('starts a successor at the project start when the lead equals its predecessor', () => {
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '-1d' }]);
    expect(early(r, 'b')).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
  });

  it('lets a finish-to-start lead longer than the predecessor start the successor before the project start', () => {
    // Only finish-to-finish links are held at the project start: Monday 17:00 - 2 days = Friday 27 February 08:00.
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '-2d' }]);
    expect(early(r, 'b')).toEqual(['2026-02-27T08:00', '2026-02-27T17:00']);
    expect(late(r, 'b')).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
    expect(task(r, 'b').totalFloat).toBe(480);
    expect(task(r, 'a').totalFloat).toBe(0);
    expect(r.start).toBe('2026-02-27T08:00');
  });

  it("never gives the predecessor a late finish after the project finish", () => {
    // b runs Monday; a's late finish would be b's late start (Tuesday 08:00) + 2 days, capped at Tuesday 17:00.
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', lag: '-2d' }]);
    expect(early(r, 'b')).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
    expect(late(r, 'a')).toEqual(['2026-03-02T08:00', '2026-03-03T17:00']);
    expect(task(r, 'a')).toMatchObject({ totalFloat: 0, freeFloat: 0 });
    expect(task(r, 'b')).toMatchObject({ totalFloat: 480, freeFloat: 480 });
  });
});

describe('start-to-start links', () => {
  it('starts the successor a day after the predecessor starts', () => {
    // Monday 08:00 + 1 day = Monday 17:00 → Tuesday 08:00.
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '2d' }], [{ from: 'a', to: 'b', type: 'SS', lag: '1d' }]);
    expect(early(r, 'b')).toEqual(['2026-03-03T08:00', '2026-03-04T17:00']);
    expect(late(r, 'a')).toEqual(['2026-03-02T08:00', '2026-03-03T17:00']);
    expect(task(r, 'a')).toMatchObject({ totalFloat: 0, freeFloat: 0 });
  });

  it('starts the successor half a day in, after lunch', () => {
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', type: 'SS', lag: '4h' }]);
    expect(early(r, 'b')).toEqual(['2026-03-02T13:00', '2026-03-03T12:00']);
  });

  it("takes a percent lag of the predecessor's duration from its start", () => {
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', type: 'SS', lag: '50%' }]);
    expect(early(r, 'b')).toEqual(['2026-03-03T08:00', '2026-03-03T17:00']);
  });
});

describe('finish-to-finish links', () => {
  it('finishes the successor with the predecessor', () => {
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', type: 'FF' }]);
    expect(early(r, 'b')).toEqual(['2026-03-03T08:00', '2026-03-03T17:00']);
  });

  it('finishes the successor a lag after the predecessor', () => {
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', type: 'FF', lag: '1d' }]);
    expect(early(r, 'b')).toEqual(['2026-03-04T08:00', '2026-03-04T17:00']);
    expect(r.criticalPath).toEqual(['a', 'b']);
  });

  it('never pulls a successor before the project start', () => {
    // b would have to start Thursday 26 February to finish with a; it starts at the project start instead.
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '3d' }], [{ from: 'a', to: 'b', type: 'FF' }]);
    expect(early(r, 'b')).toEqual(['2026-03-02T08:00', '2026-03-04T17:00']);
    expect(task(r, 'a')).toMatchObject({ lateFinish: '2026-03-04T17:00', totalFloat: 960, freeFloat: 960, critical: false });
    expect(r.criticalPath).toEqual(['b']);
  });
});

describe('start-to-finish links', () => {
  it('finishes the successor at Monday 08:00 when the predecessor starts then, and starts it Friday 08:00', () => {
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', type: 'SF' }]);
    expect(early(r, 'b')).toEqual(['2026-02-27T08:00', '2026-03-02T08:00']);
    expect(late(r, 'b')).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
    expect(task(r, 'b')).toMatchObject({ totalFloat: 480, critical: false });
    expect(task(r, 'a')).toMatchObject({ lateFinish: '2026-03-02T17:00', totalFloat: 0, freeFloat: 0 });
    expect(r.start).toBe('2026-02-27T08:00');
  });

  it('finishes the successor a lag after the predecessor starts', () => {
    // Monday 08:00 + 2 days = Tuesday 17:00.
    const r = schedule([{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', type: 'SF', lag: '2d' }]);
    expect(early(r, 'b')).toEqual(['2026-03-03T08:00', '2026-03-03T17:00']);
    expect(late(r, 'a')).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
    expect(r.criticalPath).toEqual(['a', 'b']);
  });
});

describe('several predecessors and floats', () => {
  // a → b → d and c → d: d waits for c.
  const r = schedule(
    [
      { id: 'a', duration: '2d' },
      { id: 'b', duration: '1d' },
      { id: 'c', duration: '5d' },
      { id: 'd', duration: '1d' },
    ],
    [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' },
    ],
  );

  it('starts a task when its latest predecessor allows', () => {
    expect(early(r, 'd')).toEqual(['2026-03-09T08:00', '2026-03-09T17:00']);
  });

  it('gives a task total float but no free float when its successor follows it at once', () => {
    expect(task(r, 'a')).toMatchObject({ lateStart: '2026-03-04T08:00', lateFinish: '2026-03-05T17:00', totalFloat: 960, freeFloat: 0, critical: false });
    expect(task(r, 'b')).toMatchObject({ lateStart: '2026-03-06T08:00', lateFinish: '2026-03-06T17:00', totalFloat: 960, freeFloat: 960 });
    expect(r.criticalPath).toEqual(['c', 'd']);
  });

  it('marks tasks critical up to the float threshold in the settings', () => {
    const tasks = [{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }];
    expect(schedule(tasks, [], { settings: { criticalSlack: 479 } }).criticalPath).toEqual(['a']);
    expect(new Set(schedule(tasks, [], { settings: { criticalSlack: 480 } }).criticalPath)).toEqual(new Set(['a', 'b']));
  });
});

describe('every link type with lags in days, hours, elapsed time and percent', () => {
  // a runs Monday 08:00 to Tuesday 17:00 (2 days); b is one day long.
  const cases: [ScheduleLinkInput['type'], string, string, string][] = [
    // Tuesday 17:00 + 16 elapsed hours = Wednesday 09:00.
    ['FS', '16eh', '2026-03-04T09:00', '2026-03-05T09:00'],
    // Monday 08:00 + 24 elapsed hours = Tuesday 08:00.
    ['SS', '1ed', '2026-03-03T08:00', '2026-03-03T17:00'],
    // Finish by Tuesday 17:00 + 4 h = Wednesday 12:00, so start a day earlier at Tuesday 13:00.
    ['FF', '4h', '2026-03-03T13:00', '2026-03-04T12:00'],
    ['FF', '1ed', '2026-03-04T08:00', '2026-03-04T17:00'],
    ['FF', '50%', '2026-03-04T08:00', '2026-03-04T17:00'],
    // Finish by Monday 08:00 + 12 h = Tuesday 12:00; 75 % of 2 days is the same 12 h.
    ['SF', '12h', '2026-03-02T13:00', '2026-03-03T12:00'],
    ['SF', '75%', '2026-03-02T13:00', '2026-03-03T12:00'],
    // Monday 08:00 + 2 elapsed days = Wednesday 08:00, kept as the finish the link gives.
    ['SF', '2ed', '2026-03-03T08:00', '2026-03-04T08:00'],
  ];

  it.each(cases)('%s link with a %s lag starts and finishes the successor as worked out', (type, lag, start, finish) => {
    const r = schedule([{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }], [{ from: 'a', to: 'b', type, lag }]);
    expect(early(r, 'a')).toEqual(['2026-03-02T08:00', '2026-03-03T17:00']);
    expect(early(r, 'b')).toEqual([start, finish]);
  });
});
