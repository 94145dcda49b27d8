import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import type { ScheduleLinkInput, ScheduleTaskInput } from '../../src/schedule/scheduleInput.js';
import { scheduleProject, type ScheduleResult, type ScheduledTask } from '../../src/schedule/scheduleProject.js';

// The eight constraint types and deadlines, on the Standard calendar from Monday 2026-03-02 08:00.
// Dates worked out by hand; floats in working minutes (480 = one day). "L" is a five-day task
// (Monday to Friday) that keeps the project open so late dates have room to move.

function schedule(tasks: ScheduleTaskInput[], links: ScheduleLinkInput[] = []): ScheduleResult {
  return scheduleProject({ start: '2026-03-02T08:00', tasks, links });
}

function task(result: ScheduleResult, id: string): ScheduledTask {
  const found = result.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

const L: ScheduleTaskInput = { id: 'L', duration: '5d' };

describe('start no earlier than (SNET)', () => {
  it('holds a task without predecessors back to the date', () => {
    const r = schedule([{ id: 'a', duration: '1d', constraint: { type: 'SNET', date: '2026-03-04T08:00' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-04T17:00' });
  });

  it('moves a date in non-working time to the next working time', () => {
    const lunch = schedule([{ id: 'a', duration: '1d', constraint: { type: 'SNET', date: '2026-03-04T12:30' } }]);
    expect(task(lunch, 'a')).toMatchObject({ start: '2026-03-04T13:00', finish: '2026-03-05T12:00' });
    const saturday = schedule([{ id: 'a', duration: '1d', constraint: { type: 'SNET', date: '2026-03-07T10:00' } }]);
    expect(task(saturday, 'a')).toMatchObject({ start: '2026-03-09T08:00', finish: '2026-03-09T17:00' });
  });

  it('pushes a task later than its links, which gives its predecessor float', () => {
    const r = schedule(
      [{ id: 'p', duration: '1d' }, { id: 'a', duration: '1d', constraint: { type: 'SNET', date: '2026-03-04T08:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a').start).toBe('2026-03-04T08:00');
    expect(task(r, 'p')).toMatchObject({ lateFinish: '2026-03-03T17:00', totalFloat: 480 });
    expect(r.issues).toEqual([]);
  });

  it('does nothing when the links already start the task later', () => {
    const r = schedule(
      [{ id: 'p', duration: '2d' }, { id: 'a', duration: '1d', constraint: { type: 'SNET', date: '2026-03-02T08:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a').start).toBe('2026-03-04T08:00');
    expect(r.issues).toEqual([]);
  });
});

describe('finish no earlier than (FNET)', () => {
  it('holds a task back so it finishes on the date', () => {
    const r = schedule([{ id: 'a', duration: '1d', constraint: { type: 'FNET', date: '2026-03-04T17:00' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-04T17:00' });
  });

  it('counts the duration back from a midday date', () => {
    const r = schedule([{ id: 'a', duration: '1d', constraint: { type: 'FNET', date: '2026-03-04T12:00' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-03T13:00', finish: '2026-03-04T12:00' });
  });

  it('pushes a linked task later than its links', () => {
    const r = schedule(
      [{ id: 'p', duration: '1d' }, { id: 'a', duration: '1d', constraint: { type: 'FNET', date: '2026-03-04T17:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-04T17:00', totalFloat: 0 });
    expect(task(r, 'p').totalFloat).toBe(480);
  });
});

describe('start no later than (SNLT)', () => {
  it('limits the late dates of a task with room to move', () => {
    const r = schedule([L, { id: 'a', duration: '1d', constraint: { type: 'SNLT', date: '2026-03-03T08:00' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-02T08:00', lateStart: '2026-03-03T08:00', lateFinish: '2026-03-03T17:00', totalFloat: 480 });
    expect(r.issues).toEqual([]);
  });

  it('holds the task against its links, reports the conflict and gives the predecessor negative float', () => {
    // The link wants a to start Wednesday 08:00; the constraint keeps it on Tuesday.
    const r = schedule(
      [{ id: 'p', duration: '2d' }, { id: 'a', duration: '1d', constraint: { type: 'SNLT', date: '2026-03-03T08:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-03T17:00', totalFloat: 0 });
    expect(task(r, 'p')).toMatchObject({ lateStart: '2026-02-27T08:00', lateFinish: '2026-03-02T17:00', totalFloat: -480, critical: true });
    expect(r.issues).toEqual([{ code: 'CONSTRAINT_CONFLICT', taskId: 'a', date: '2026-03-04T08:00', message: expect.any(String) }]);
    expect(r.criticalPath).toEqual(['p', 'a']);
  });

  it("throws the conflict as a CONSTRAINT_CONFLICT error when asked to", () => {
    const input = {
      start: '2026-03-02T08:00',
      tasks: [{ id: 'p', duration: '2d' }, { id: 'a', duration: '1d', constraint: { type: 'SNLT' as const, date: '2026-03-03T08:00' } }],
      links: [{ from: 'p', to: 'a' }],
    };
    let caught: unknown;
    try {
      scheduleProject(input, { onConflict: 'throw' });
    } catch (e) {
      caught = e;
    }
    expect(isCampaignKitError(caught, 'CONSTRAINT_CONFLICT')).toBe(true);
    if (!isCampaignKitError(caught)) return;
    expect(caught.details.ids).toEqual(['a']);
    expect(caught.details.conflicts).toEqual([expect.objectContaining({ taskId: 'a', date: '2026-03-04T08:00' })]);
  });

  it('does not throw when asked to if nothing conflicts', () => {
    const r = scheduleProject({ start: '2026-03-02T08:00', tasks: [L] }, { onConflict: 'throw' });
    expect(r.finish).toBe('2026-03-06T17:00');
  });
});

describe('finish no later than (FNLT)', () => {
  it('limits the late finish of a task with room to move', () => {
    const r = schedule([L, { id: 'a', duration: '1d', constraint: { type: 'FNLT', date: '2026-03-03T17:00' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-02T08:00', lateFinish: '2026-03-03T17:00', totalFloat: 480 });
  });

  it('holds the task against its links and reports the conflict', () => {
    const r = schedule(
      [{ id: 'p', duration: '2d' }, { id: 'a', duration: '1d', constraint: { type: 'FNLT', date: '2026-03-03T17:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-03T17:00' });
    expect(task(r, 'p').totalFloat).toBe(-480);
    expect(r.issues.map((i) => [i.code, i.taskId, i.date])).toEqual([['CONSTRAINT_CONFLICT', 'a', '2026-03-04T08:00']]);
  });
});

describe('must start on (MSO)', () => {
  it('starts the task on the date and leaves it no float even in a longer project', () => {
    const r = schedule([L, { id: 'a', duration: '1d', constraint: { type: 'MSO', date: '2026-03-04T08:00' } }]);
    expect(task(r, 'a')).toMatchObject({
      start: '2026-03-04T08:00',
      finish: '2026-03-04T17:00',
      lateStart: '2026-03-04T08:00',
      lateFinish: '2026-03-04T17:00',
      totalFloat: 0,
      critical: true,
    });
  });

  it('starts the task later than its links without a conflict', () => {
    const r = schedule(
      [{ id: 'p', duration: '1d' }, { id: 'a', duration: '1d', constraint: { type: 'MSO', date: '2026-03-05T08:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a').start).toBe('2026-03-05T08:00');
    expect(task(r, 'p').totalFloat).toBe(960);
    expect(r.issues).toEqual([]);
  });

  it('holds the task earlier than its links, with a conflict and negative float before it', () => {
    // p runs Monday to Wednesday; a must start Tuesday; p should have finished Monday 17:00.
    const r = schedule(
      [{ id: 'p', duration: '3d' }, { id: 'a', duration: '1d', constraint: { type: 'MSO', date: '2026-03-03T08:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-03T08:00', finish: '2026-03-03T17:00' });
    expect(task(r, 'p')).toMatchObject({ lateFinish: '2026-03-02T17:00', totalFloat: -960 });
    expect(r.issues.map((i) => [i.code, i.taskId, i.date])).toEqual([['CONSTRAINT_CONFLICT', 'a', '2026-03-05T08:00']]);
  });
});

describe('must finish on (MFO)', () => {
  it('finishes the task on the date and leaves it no float', () => {
    const r = schedule([L, { id: 'a', duration: '1d', constraint: { type: 'MFO', date: '2026-03-04T17:00' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-04T17:00', lateFinish: '2026-03-04T17:00', totalFloat: 0 });
  });

  it('counts the duration back from a midday date', () => {
    const r = schedule([{ id: 'a', duration: '1d', constraint: { type: 'MFO', date: '2026-03-04T12:00' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-03T13:00', finish: '2026-03-04T12:00' });
  });

  it('holds the task earlier than its links, with a conflict', () => {
    const r = schedule(
      [{ id: 'p', duration: '3d' }, { id: 'a', duration: '1d', constraint: { type: 'MFO', date: '2026-03-04T17:00' } }],
      [{ from: 'p', to: 'a' }],
    );
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-04T17:00' });
    expect(task(r, 'p')).toMatchObject({ lateFinish: '2026-03-03T17:00', totalFloat: -480 });
    expect(r.issues.map((i) => [i.code, i.taskId, i.date])).toEqual([['CONSTRAINT_CONFLICT', 'a', '2026-03-05T08:00']]);
  });
});

describe('as soon as possible and as late as possible', () => {
  it('treats an explicit ASAP constraint like no constraint', () => {
    const r = schedule([L, { id: 'a', duration: '1d', constraint: { type: 'ASAP' } }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-02T08:00', totalFloat: 1920 });
  });

  it('places an ALAP task at its late dates and reports no float', () => {
    const r = schedule([{ id: 'p', duration: '4d' }, { id: 'a', duration: '1d', constraint: { type: 'ALAP' } }]);
    expect(task(r, 'a')).toMatchObject({
      start: '2026-03-05T08:00',
      finish: '2026-03-05T17:00',
      earlyStart: '2026-03-05T08:00',
      lateStart: '2026-03-05T08:00',
      totalFloat: 0,
    });
  });

  it("starts an ALAP task's successor right after the task's late finish", () => {
    const r = schedule(
      [{ id: 'p', duration: '4d' }, { id: 'a', duration: '1d', constraint: { type: 'ALAP' } }, { id: 'b', duration: '1d' }],
      [{ from: 'a', to: 'b' }],
    );
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-04T17:00', totalFloat: 0, freeFloat: 0 });
    expect(task(r, 'b')).toMatchObject({ start: '2026-03-05T08:00', finish: '2026-03-05T17:00', totalFloat: 0 });
  });
});

describe('deadlines', () => {
  it('limits the late finish of a task that meets its deadline, without moving it', () => {
    const r = schedule([L, { id: 'a', duration: '2d', deadline: '2026-03-04T17:00' }]);
    expect(task(r, 'a')).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-03T17:00', lateFinish: '2026-03-04T17:00', totalFloat: 480 });
    expect(r.issues).toEqual([]);
  });

  it('reports a missed deadline and negative float, and leaves the task where its links put it', () => {
    const r = schedule([{ id: 'a', duration: '3d', deadline: '2026-03-03T17:00' }]);
    expect(task(r, 'a')).toMatchObject({
      start: '2026-03-02T08:00',
      finish: '2026-03-04T17:00',
      lateStart: '2026-02-27T08:00',
      lateFinish: '2026-03-03T17:00',
      totalFloat: -480,
      critical: true,
    });
    expect(r.issues).toEqual([{ code: 'DEADLINE_MISSED', taskId: 'a', date: '2026-03-03T17:00', message: expect.any(String) }]);
  });

  it("passes a missed deadline's negative float on to the predecessors", () => {
    const r = schedule([{ id: 'p', duration: '1d' }, { id: 'a', duration: '2d', deadline: '2026-03-03T17:00' }], [{ from: 'p', to: 'a' }]);
    expect(task(r, 'a')).toMatchObject({ lateStart: '2026-03-02T08:00', lateFinish: '2026-03-03T17:00', totalFloat: -480 });
    expect(task(r, 'p')).toMatchObject({ lateFinish: '2026-02-27T17:00', totalFloat: -480 });
  });

  it('counts a deadline at 08:00 as the end of the previous working day', () => {
    const r = schedule([{ id: 'a', duration: '2d', deadline: '2026-03-04T08:00' }]);
    expect(task(r, 'a')).toMatchObject({ finish: '2026-03-03T17:00', lateFinish: '2026-03-03T17:00', totalFloat: 0 });
    expect(r.issues).toEqual([]);
  });
});
