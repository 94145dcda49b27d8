import { describe, expect, it } from 'vitest';
import { computeCpm } from '../../src/schedule/computeCpm.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';

const start = '2026-03-02T08:00'; // a Monday

function taskOf(result: ReturnType<typeof scheduleProject>, id: string) {
  const task = result.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no task ${id}`);
  return task;
}

describe('scheduling regressions', () => {
  it('computeCpm reports a task linked to itself as a bad link, not a cycle', () => {
    expect(() => computeCpm({ tasks: [{ id: 'a', duration: 1 }], links: [{ from: 'a', to: 'a' }] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: expect.objectContaining({ ids: ['a'] }) }),
    );
  });

  it('accepts a link to a summary and another to one of its subtasks from the same task', () => {
    const result = scheduleProject({
      start,
      tasks: [{ id: 'd', duration: '1d' }, { id: 'phase' }, { id: 'a', parent: 'phase', duration: '1d' }, { id: 'b', parent: 'phase', duration: '1d' }],
      links: [{ from: 'd', to: 'phase' }, { from: 'd', to: 'a' }],
    });
    expect([taskOf(result, 'a').start, taskOf(result, 'b').start]).toEqual(['2026-03-03T08:00', '2026-03-03T08:00']);
  });

  it('never gives a task more free float than total float (an SS successor held by another task)', () => {
    const result = scheduleProject({
      start,
      tasks: [{ id: 'a', duration: '2d' }, { id: 'b', duration: '1d' }, { id: 'c', duration: '1h' }],
      links: [{ from: 'a', to: 'c', type: 'SS' }, { from: 'b', to: 'c' }],
    });
    expect(taskOf(result, 'a')).toMatchObject({ totalFloat: 0, freeFloat: 0, critical: true });
  });

  it('lets a start-no-earlier-than before the project start move an unlinked task earlier, as Project does', () => {
    const result = scheduleProject({ start, tasks: [{ id: 'a', duration: '1d', constraint: { type: 'SNET', date: '2026-02-25T08:00' } }] });
    expect(taskOf(result, 'a')).toMatchObject({ start: '2026-02-25T08:00', finish: '2026-02-25T17:00' });
    expect(result.start).toBe('2026-02-25T08:00');
  });

  it('treats a task at 100 % as finished: not critical, and no longer holding its successors\' late dates', () => {
    const result = scheduleProject({
      start,
      tasks: [{ id: 'a', duration: '1d', percentComplete: 100 }, { id: 'b', duration: '1d' }],
      links: [{ from: 'a', to: 'b' }],
    });
    expect(taskOf(result, 'a')).toMatchObject({ critical: false, freeFloat: 0, lateStart: '2026-03-02T08:00', lateFinish: '2026-03-02T17:00' });
    expect(taskOf(result, 'b')).toMatchObject({ start: '2026-03-03T08:00', critical: true });
  });

  it('reads a must-start-on date in non-working time as the next working time', () => {
    // Saturday 10:00 is, in working time, Monday 08:00.
    const result = scheduleProject({ start, tasks: [{ id: 'a', duration: '1d', constraint: { type: 'MSO', date: '2026-03-07T10:00' } }] });
    expect(taskOf(result, 'a')).toMatchObject({ earlyStart: '2026-03-09T08:00', lateStart: '2026-03-09T08:00', earlyFinish: '2026-03-09T17:00' });
  });

  it('applies a summary\'s start-no-earlier-than and deadline to its subtasks, and reports other summary constraints', () => {
    const result = scheduleProject({
      start,
      tasks: [
        { id: 'phase', constraint: { type: 'SNET', date: '2026-03-04T08:00' }, deadline: '2026-03-04T17:00' },
        { id: 'a', parent: 'phase', duration: '2d' },
        { id: 'wrap', constraint: { type: 'MFO', date: '2026-03-20T17:00' } },
        { id: 'b', parent: 'wrap', duration: '1d' },
      ],
    });
    expect(taskOf(result, 'a')).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-05T17:00', totalFloat: -480 });
    expect(result.issues.map((i) => [i.code, i.taskId])).toEqual([
      ['DEADLINE_MISSED', 'a'],
      ['CONSTRAINT_IGNORED', 'wrap'],
    ]);
  });
});
