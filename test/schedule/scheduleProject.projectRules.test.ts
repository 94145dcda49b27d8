import { describe, expect, it } from 'vitest';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { toMspdi } from '../../src/interop/mspdi/toMspdi.js';
import { prepareSchedule } from '../../src/schedule/prepareSchedule.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';

// Rules of Microsoft Project found by comparing Project-saved MSPDI files with our schedules. Each
// case is a small hand-made project; the expected values are worked out by hand on the Standard
// calendar (Mon–Fri 08:00–12:00, 13:00–17:00).

const start = '2026-03-02T08:00'; // a Monday

function taskOf(result: ReturnType<typeof scheduleProject>, id: string) {
  const task = result.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no task ${id}`);
  return task;
}

describe('manually scheduled placeholders (start and finish not decided)', () => {
  // Project 2010 and later let a manually scheduled task keep blank Start and Finish: a placeholder
  // that is drawn from the project start for its (estimated) duration. Project computes its dates and
  // slack like any manual task's but never flags it critical, while a manual task with entered dates
  // and the same zero slack is critical.
  it('never marks a placeholder critical, although it has no float, unlike a manual task with dates', () => {
    const result = scheduleProject({
      start,
      tasks: [
        { id: 'idea', placeholder: true },
        { id: 'booked', manual: true, start: '2026-03-02T08:00' },
      ],
    });
    // Both run Monday 08:00–17:00, which is also the project finish: no float for either.
    const dates = { earlyStart: '2026-03-02T08:00', earlyFinish: '2026-03-02T17:00', lateStart: '2026-03-02T08:00', lateFinish: '2026-03-02T17:00', totalFloat: 0, freeFloat: 0 };
    expect(taskOf(result, 'idea')).toMatchObject({ ...dates, critical: false });
    expect(taskOf(result, 'booked')).toMatchObject({ ...dates, critical: true });
    expect(result.criticalPath).toEqual(['booked']);
  });

  it('still counts a placeholder towards the project finish and the other tasks\' float', () => {
    const result = scheduleProject({ start, tasks: [{ id: 'brief', duration: '1d' }, { id: 'idea', placeholder: true, duration: '3d' }] });
    // The placeholder runs Monday 08:00 to Wednesday 17:00 and sets the finish; the brief (Monday)
    // may slip two days (960 minutes) before it moves the finish.
    expect(result.finish).toBe('2026-03-04T17:00');
    expect(taskOf(result, 'idea')).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-04T17:00', totalFloat: 0, critical: false });
    expect(taskOf(result, 'brief')).toMatchObject({ lateFinish: '2026-03-04T17:00', totalFloat: 960, critical: false });
    expect(result.criticalPath).toEqual([]);
  });

  it('draws a placeholder from its start when one is given', () => {
    const result = scheduleProject({ start, tasks: [{ id: 'later', placeholder: true, start: '2026-03-05T08:00' }] });
    expect(taskOf(result, 'later')).toMatchObject({ start: '2026-03-05T08:00', finish: '2026-03-05T17:00', critical: false });
  });

  it('keeps placeholders out of the critical path when a prepared schedule is changed', () => {
    const plan = prepareSchedule({ start, tasks: [{ id: 'idea', placeholder: true }, { id: 'work', duration: '1d' }] });
    plan.setDuration('idea', '2d');
    // The placeholder now ends Tuesday 17:00 and holds the finish; the 1-day task gets a day of float.
    expect(plan.task('idea')).toMatchObject({ finish: '2026-03-03T17:00', totalFloat: 0, critical: false });
    expect(plan.task('work')).toMatchObject({ totalFloat: 480, critical: false });
  });
});

describe('placeholders in Microsoft Project XML', () => {
  // Project writes StartText and FinishText (empty here) for a manually scheduled task whose start and
  // finish are not dates, and fills Start and Finish with the placement it draws.
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <StartDate>2026-03-02T08:00:00</StartDate>
  <Tasks>
    <Task><UID>1</UID><Name>Idea</Name><OutlineLevel>1</OutlineLevel><Manual>1</Manual><StartText></StartText><FinishText></FinishText>
      <Start>2026-03-02T08:00:00</Start><Finish>2026-03-02T17:00:00</Finish><Duration>PT8H0M0S</Duration><DurationFormat>53</DurationFormat></Task>
    <Task><UID>2</UID><Name>Booked</Name><OutlineLevel>1</OutlineLevel><Manual>1</Manual>
      <Start>2026-03-02T08:00:00</Start><Finish>2026-03-02T17:00:00</Finish><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat></Task>
  </Tasks>
</Project>`;

  it('reads a manual task with blank start and finish text as a placeholder, and only that one', () => {
    const project = parseMspdi(xml);
    expect(project.tasks.map((t) => [t.id, t.manual, t.placeholder])).toEqual([
      ['1', true, true],
      ['2', true, undefined],
    ]);
    const result = scheduleProject(project);
    expect(result.tasks.map((t) => [t.id, t.totalFloat, t.critical])).toEqual([
      ['1', 0, false],
      ['2', 0, true],
    ]);
  });

  it('writes a placeholder back with blank start and finish text', () => {
    const project = parseMspdi(xml);
    const written = toMspdi(project);
    expect(written).toContain('<StartText></StartText>');
    expect(parseMspdi(written).tasks.map((t) => [t.id, t.placeholder, t.start, t.finish])).toEqual([
      ['1', true, '2026-03-02T08:00', '2026-03-02T17:00'],
      ['2', undefined, '2026-03-02T08:00', '2026-03-02T17:00'],
    ]);
  });
});
