import { describe, expect, it } from 'vitest';
import { NIGHT_SHIFT_CALENDAR, STANDARD_CALENDAR, TWENTY_FOUR_HOUR_CALENDAR } from '../../src/calendar/standardCalendars.js';
import type { CalendarInput } from '../../src/model/calendar.js';
import type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from '../../src/schedule/scheduleInput.js';
import { scheduleProject, type ScheduleResult, type ScheduledTask } from '../../src/schedule/scheduleProject.js';

// Summary tasks, task calendars, elapsed durations, progress and manually scheduled tasks. Project
// start Monday 2026-03-02 08:00 on the Standard calendar unless a test says otherwise; dates were
// worked out by hand, floats are working minutes (480 = one day).

function schedule(tasks: ScheduleTaskInput[], links: ScheduleLinkInput[] = [], more: Partial<ScheduleProjectInput> = {}): ScheduleResult {
  return scheduleProject({ start: '2026-03-02T08:00', tasks, links, ...more });
}

function task(result: ScheduleResult, id: string): ScheduledTask {
  const found = result.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

describe('summary tasks', () => {
  // d → phase(a → b) → c: the link into the phase holds both a and b; the link out waits for both.
  const plan = schedule(
    [
      { id: 'd', duration: '1d' },
      { id: 'phase', name: 'Creative' },
      { id: 'a', duration: '2d', parent: 'phase' },
      { id: 'b', duration: '1d', parent: 'phase' },
      { id: 'c', duration: '1d' },
    ],
    [
      { from: 'd', to: 'phase' },
      { from: 'a', to: 'b' },
      { from: 'phase', to: 'c' },
    ],
  );

  it('applies a link into a summary to every task under it', () => {
    expect(task(plan, 'a')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-04T17:00' });
    expect(task(plan, 'b')).toMatchObject({ start: '2026-03-05T08:00', finish: '2026-03-05T17:00' });
  });

  it("starts a summary's finish-to-start successor after the last task under it", () => {
    expect(task(plan, 'c')).toMatchObject({ start: '2026-03-06T08:00', finish: '2026-03-06T17:00' });
  });

  it('rolls the dates up to the summary and lists only real tasks on the critical path', () => {
    expect(task(plan, 'phase')).toMatchObject({
      summary: true,
      milestone: false,
      start: '2026-03-03T08:00',
      finish: '2026-03-05T17:00',
      duration: 1440,
      totalFloat: 0,
      critical: true,
    });
    expect(plan.criticalPath).toEqual(['d', 'a', 'b', 'c']);
    expect(plan.finish).toBe('2026-03-06T17:00');
  });

  it("takes a summary's start-to-start link from the task under it that starts first", () => {
    // a starts Monday, b only Wednesday (after x); c starts a day after a, not a day after b.
    const r = schedule(
      [
        { id: 'x', duration: '2d' },
        { id: 'phase' },
        { id: 'a', duration: '1d', parent: 'phase' },
        { id: 'b', duration: '1d', parent: 'phase' },
        { id: 'c', duration: '1d' },
      ],
      [
        { from: 'x', to: 'b' },
        { from: 'phase', to: 'c', type: 'SS', lag: '1d' },
      ],
    );
    expect(task(r, 'b').start).toBe('2026-03-04T08:00');
    expect(task(r, 'c')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-03T17:00' });
  });

  it("takes a summary's finish-to-finish link from every task under it", () => {
    const r = schedule(
      [{ id: 'phase' }, { id: 'a', duration: '1d', parent: 'phase' }, { id: 'b', duration: '2d', parent: 'phase' }, { id: 'c', duration: '1d' }],
      [{ from: 'phase', to: 'c', type: 'FF' }],
    );
    expect(task(r, 'c')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-03T17:00' });
  });

  it('rolls nested summaries up level by level', () => {
    const r = schedule(
      [
        { id: 'outer' },
        { id: 'inner', parent: 'outer' },
        { id: 'a', duration: '1d', parent: 'inner' },
        { id: 'b', duration: '2d', parent: 'inner' },
        { id: 'c', duration: '1d', parent: 'outer' },
      ],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    );
    expect(task(r, 'inner')).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-04T17:00', duration: 1440 });
    expect(task(r, 'outer')).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-05T17:00', duration: 1920 });
  });
});

describe('task calendars', () => {
  const shanghai: CalendarInput = { id: 'shanghai', name: 'Shanghai office', base: 'standard', exceptions: [{ name: 'Closed', from: '2026-03-04' }] };

  it('runs a task on the 24 Hours calendar through the weekend', () => {
    const r = schedule(
      [{ id: 'p', duration: '5d' }, { id: 'render', duration: '1d', calendar: '24-hours' }],
      [{ from: 'p', to: 'render' }],
      { calendars: [TWENTY_FOUR_HOUR_CALENDAR] },
    );
    // Friday 17:00 is working time on the 24 Hours calendar; 8 h later is Saturday 01:00.
    expect(task(r, 'render')).toMatchObject({ start: '2026-03-06T17:00', finish: '2026-03-07T01:00', totalFloat: 0 });
    expect(task(r, 'p')).toMatchObject({ lateFinish: '2026-03-06T17:00', totalFloat: 0 });
    expect(r.finish).toBe('2026-03-07T01:00');
    expect(r.criticalPath).toEqual(['p', 'render']);
  });

  it("skips a holiday on the task's own calendar but not on the project calendar", () => {
    const r = schedule([{ id: 'a', duration: '3d', calendar: 'shanghai' }, { id: 'b', duration: '3d' }], [], { calendars: [shanghai] });
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-05T17:00', totalFloat: 0 });
    expect(task(r, 'b')).toMatchObject({ finish: '2026-03-04T17:00', totalFloat: 480 });
  });

  it("counts float on the task's own calendar, where a holiday is not float", () => {
    // c could finish by Friday: Tuesday, Thursday and Friday of float on the Shanghai calendar.
    const r = schedule([{ id: 'L', duration: '5d' }, { id: 'c', duration: '1d', calendar: 'shanghai' }], [], { calendars: [shanghai] });
    expect(task(r, 'c')).toMatchObject({ lateFinish: '2026-03-06T17:00', totalFloat: 1440 });
  });

  it("counts a lag on the successor's calendar", () => {
    const r = schedule(
      [{ id: 'a', duration: '1d' }, { id: 'b', duration: '1d', calendar: '24-hours' }],
      [{ from: 'a', to: 'b', lag: '1d' }],
      { calendars: [TWENTY_FOUR_HOUR_CALENDAR] },
    );
    // Monday 17:00 + 8 h of round-the-clock time = Tuesday 01:00.
    expect(task(r, 'b')).toMatchObject({ start: '2026-03-03T01:00', finish: '2026-03-03T09:00' });
    const back = schedule(
      [{ id: 'a', duration: '1d', calendar: '24-hours' }, { id: 'b', duration: '1d' }],
      [{ from: 'a', to: 'b', lag: '1d' }],
      { calendars: [TWENTY_FOUR_HOUR_CALENDAR] },
    );
    // a runs Monday 08:00–16:00; one Standard day after 16:00 is Tuesday 16:00.
    expect(task(back, 'a').finish).toBe('2026-03-02T16:00');
    expect(task(back, 'b')).toMatchObject({ start: '2026-03-03T16:00', finish: '2026-03-04T16:00' });
  });

  it('schedules on a project calendar given by id', () => {
    const r = schedule([{ id: 'a', duration: '1d' }], [], { calendar: 'night-shift', calendars: [NIGHT_SHIFT_CALENDAR] });
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-02T23:00', finish: '2026-03-03T08:00' });
  });

  it('schedules on a project calendar given as an object', () => {
    const r = schedule([{ id: 'a', duration: '1d' }], [], { calendar: { ...STANDARD_CALENDAR, exceptions: [{ from: '2026-03-02' }] } });
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-03T17:00' });
  });
});

describe('elapsed durations', () => {
  it('runs an elapsed task through the weekend', () => {
    const r = schedule([{ id: 'cure', duration: '2ed', constraint: { type: 'SNET', date: '2026-03-06T08:00' } }]);
    expect(task(r, 'cure')).toMatchObject({ start: '2026-03-06T08:00', finish: '2026-03-08T08:00', duration: 2880 });
  });

  it('runs an elapsed task through the night between working tasks', () => {
    const r = schedule(
      [{ id: 'p', duration: '2h' }, { id: 'e', duration: '1ed' }, { id: 's', duration: '1d' }],
      [
        { from: 'p', to: 'e' },
        { from: 'e', to: 's' },
      ],
    );
    expect(task(r, 'e')).toMatchObject({ start: '2026-03-02T10:00', finish: '2026-03-03T10:00', lateFinish: '2026-03-03T10:00', totalFloat: 0 });
    expect(task(r, 's')).toMatchObject({ start: '2026-03-03T10:00', finish: '2026-03-04T10:00' });
  });

  it('measures the float of an elapsed task in wall-clock minutes and keeps its late finish at the project finish', () => {
    // Late finish Wednesday 17:00, late start Tuesday 17:00: 33 h after its early dates.
    const r = schedule([{ id: 'L', duration: '3d' }, { id: 'e', duration: '1ed' }]);
    expect(task(r, 'e')).toMatchObject({
      start: '2026-03-02T08:00',
      finish: '2026-03-03T08:00',
      lateStart: '2026-03-03T17:00',
      lateFinish: '2026-03-04T17:00',
      totalFloat: 1980,
      freeFloat: 1980,
    });
  });
});

describe('progress', () => {
  it('starts a task at its actual start, whatever its links say, and runs its duration from there', () => {
    const r = schedule(
      [{ id: 'p', duration: '2d' }, { id: 'a', duration: '3d', actualStart: '2026-03-03T10:00' }],
      [{ from: 'p', to: 'a' }],
    );
    // Tuesday 10:00 + 3 days: Tuesday 6 h, Wednesday and Thursday 16 h, Friday 2 h.
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-03T10:00', finish: '2026-03-06T10:00', totalFloat: 0 });
    expect(r.issues).toEqual([]);
  });

  it('keeps a finished task at its actual dates, never critical, and starts its successor after it', () => {
    const r = schedule(
      [{ id: 'p', duration: '2d', actualStart: '2026-03-02T08:00', actualFinish: '2026-03-04T12:00' }, { id: 'b', duration: '1d' }],
      [{ from: 'p', to: 'b' }],
    );
    expect(task(r, 'p')).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-04T12:00', totalFloat: 0, freeFloat: 0, critical: false });
    expect(task(r, 'b')).toMatchObject({ start: '2026-03-04T13:00', finish: '2026-03-05T12:00', critical: true });
    expect(r.criticalPath).toEqual(['b']);
  });

  it('lets the remaining work, not the whole duration, set how late a predecessor may finish', () => {
    // a (4 days, half done) runs Tuesday to Friday; its remaining 2 days may start Thursday,
    // so p may finish as late as Wednesday 17:00.
    const half = schedule([{ id: 'p', duration: '1d' }, { id: 'a', duration: '4d', percentComplete: 50 }], [{ from: 'p', to: 'a' }]);
    expect(task(half, 'a')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-06T17:00', totalFloat: 0 });
    expect(task(half, 'p')).toMatchObject({ lateFinish: '2026-03-04T17:00', totalFloat: 960 });
    // With the remaining duration given as 1 day, p may finish as late as Thursday 17:00.
    const given = schedule(
      [{ id: 'p', duration: '1d' }, { id: 'a', duration: '4d', percentComplete: 25, remainingDuration: '1d' }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(given, 'p')).toMatchObject({ lateFinish: '2026-03-05T17:00', totalFloat: 1440 });
  });
});

describe('manually scheduled tasks', () => {
  it('keeps its start even when a predecessor finishes later, without reporting a conflict', () => {
    const r = schedule(
      [{ id: 'p', duration: '5d' }, { id: 'm', duration: '2d', manual: true, start: '2026-03-04T08:00' }],
      [{ from: 'p', to: 'm' }],
    );
    expect(task(r, 'm')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-05T17:00' });
    expect(r.issues).toEqual([]);
  });

  it('keeps a given finish', () => {
    const r = schedule([{ id: 'm', duration: '2d', manual: true, start: '2026-03-04T08:00', finish: '2026-03-06T12:00' }]);
    expect(task(r, 'm')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-06T12:00' });
  });

  it('keeps a start in non-working time and finishes a duration after it', () => {
    const r = schedule([{ id: 'm', duration: '1d', manual: true, start: '2026-03-07T10:00' }]);
    expect(task(r, 'm')).toMatchObject({ start: '2026-03-07T10:00', finish: '2026-03-09T17:00' });
  });

  it('gets float from the project finish like any task', () => {
    const r = schedule([{ id: 'L', duration: '5d' }, { id: 'm', duration: '2d', manual: true, start: '2026-03-04T08:00' }]);
    expect(task(r, 'm')).toMatchObject({ lateStart: '2026-03-05T08:00', lateFinish: '2026-03-06T17:00', totalFloat: 480 });
  });
});
