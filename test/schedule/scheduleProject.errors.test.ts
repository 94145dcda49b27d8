import { describe, expect, it } from 'vitest';
import { isCampaignKitError, type CampaignKitError, type ErrorCode } from '../../src/core/errors.js';
import type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from '../../src/schedule/scheduleInput.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';

// Bad input is refused with a VALIDATION error naming the field (details.issues[].path), and loops
// with a CYCLE error naming the tasks in link order (details.cycle, first id repeated at the end).

function thrown(code: ErrorCode, run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e, code)) return e;
    throw e;
  }
  throw new Error(`expected a ${code} error`);
}

function project(tasks: ScheduleTaskInput[], links: ScheduleLinkInput[] = [], more: Partial<ScheduleProjectInput> = {}): ScheduleProjectInput {
  return { start: '2026-03-02T08:00', tasks, links, ...more };
}

/** The paths of the VALIDATION issues scheduling `input` gives. */
function invalidPaths(input: ScheduleProjectInput): (readonly (string | number)[])[] {
  return (thrown('VALIDATION', () => scheduleProject(input)).details.issues ?? []).map((i) => i.path);
}

/** The cycle rotated to start at `first`, so any starting point of the same loop compares equal. */
function rotatedTo(cycle: readonly string[] | undefined, first: string): string[] {
  const loop = (cycle ?? []).slice(0, -1);
  expect(cycle?.[0]).toBe(cycle?.at(-1));
  const at = loop.indexOf(first);
  expect(at).toBeGreaterThanOrEqual(0);
  return [...loop.slice(at), ...loop.slice(0, at), first];
}

const a = { id: 'a', duration: '1d' };
const b = { id: 'b', duration: '1d' };
const c = { id: 'c', duration: '1d' };

describe('invalid tasks', () => {
  it('refuses two tasks with the same id', () => {
    expect(invalidPaths(project([a, { ...b, id: 'a' }]))).toEqual([['tasks', 1, 'id']]);
  });

  it('refuses an unknown parent', () => {
    expect(invalidPaths(project([a, { ...b, parent: 'nowhere' }]))).toEqual([['tasks', 1, 'parent']]);
  });

  it('refuses an unknown task calendar and an unknown project calendar', () => {
    const error = thrown('VALIDATION', () => scheduleProject(project([a, { ...b, calendar: 'mars' }])));
    expect(error.details.issues?.map((i) => i.path)).toEqual([['tasks', 1, 'calendar']]);
    expect(error.details.ids).toEqual(['mars']);
    expect(invalidPaths(project([a], [], { calendar: 'mars' }))).toEqual([['calendar']]);
  });

  it('refuses a negative duration, a percentage as a duration and an unreadable one', () => {
    expect(invalidPaths(project([{ id: 'a', duration: '-1d' }]))).toEqual([['tasks', 0, 'duration']]);
    expect(invalidPaths(project([{ id: 'a', duration: '50%' }]))).toEqual([['tasks', 0, 'duration']]);
    expect(invalidPaths(project([{ id: 'a', duration: 'soon' }]))).toEqual([['tasks', 0, 'duration']]);
  });

  it('refuses a manually scheduled task without a start, and an actual finish without an actual start', () => {
    expect(invalidPaths(project([{ id: 'a', manual: true }]))).toEqual([['tasks', 0, 'start']]);
    expect(invalidPaths(project([{ id: 'a', actualFinish: '2026-03-03T17:00' }]))).toEqual([['tasks', 0, 'actualFinish']]);
  });

  it('refuses malformed dates', () => {
    expect(invalidPaths({ start: '2026-02-30T08:00', tasks: [a] })).toEqual([['start']]);
    expect(invalidPaths(project([{ ...a, deadline: '2026-03-04 17:00' }]))).toEqual([['tasks', 0, 'deadline']]);
    expect(invalidPaths(project([{ ...a, constraint: { type: 'SNET', date: '2026-03-04T25:00' } }]))).toEqual([['tasks', 0, 'constraint', 'date']]);
  });
});

describe('invalid links', () => {
  it('refuses a link from or to an unknown task', () => {
    expect(invalidPaths(project([a, b], [{ from: 'a', to: 'zz' }]))).toEqual([['links', 0, 'to']]);
    expect(invalidPaths(project([a, b], [{ from: 'a', to: 'b' }, { from: 'zz', to: 'b' }]))).toEqual([['links', 1, 'from']]);
  });

  it('refuses a task linked to itself', () => {
    expect(invalidPaths(project([a, b], [{ from: 'b', to: 'b' }]))).toEqual([['links', 0, 'to']]);
  });

  it('refuses a second link between the same two tasks, even of another type', () => {
    expect(invalidPaths(project([a, b], [{ from: 'a', to: 'b' }, { from: 'a', to: 'b', type: 'SS' }]))).toEqual([['links', 1]]);
  });

  it('refuses a link between a summary and its own subtask, in either direction and at any depth', () => {
    const tree: ScheduleTaskInput[] = [{ id: 'outer' }, { id: 'inner', parent: 'outer' }, { ...a, parent: 'inner' }, b];
    expect(invalidPaths(project(tree, [{ from: 'inner', to: 'a' }]))).toEqual([['links', 0]]);
    expect(invalidPaths(project(tree, [{ from: 'b', to: 'outer' }, { from: 'a', to: 'inner' }]))).toEqual([['links', 1]]);
    expect(invalidPaths(project(tree, [{ from: 'outer', to: 'a', type: 'SS' }]))).toEqual([['links', 0]]);
  });

  it('refuses an unreadable lag', () => {
    expect(invalidPaths(project([a, b], [{ from: 'a', to: 'b', lag: 'later' }]))).toEqual([['links', 0, 'lag']]);
  });
});

describe('cycles', () => {
  it('reports a loop of links with its ids in link order', () => {
    const error = thrown('CYCLE', () =>
      scheduleProject(project([a, b, c], [{ from: 'c', to: 'a' }, { from: 'b', to: 'c', type: 'SS' }, { from: 'a', to: 'b', type: 'FF' }])),
    );
    expect(rotatedTo(error.details.cycle, 'a')).toEqual(['a', 'b', 'c', 'a']);
  });

  it('reports a loop that runs through a summary task, naming the tasks under it', () => {
    // c → phase holds a, and a → c closes the loop.
    const error = thrown('CYCLE', () =>
      scheduleProject(project([{ id: 'phase' }, { ...a, parent: 'phase' }, { ...b, parent: 'phase' }, c], [{ from: 'a', to: 'c' }, { from: 'c', to: 'phase' }])),
    );
    expect(rotatedTo(error.details.cycle, 'a')).toEqual(['a', 'c', 'a']);
  });

  it('reports tasks that are each other\'s parents', () => {
    const error = thrown('CYCLE', () => scheduleProject(project([{ ...a, parent: 'b' }, { ...b, parent: 'a' }, c])));
    expect(new Set(error.details.cycle)).toEqual(new Set(['a', 'b']));
    expect(error.details.cycle?.[0]).toBe(error.details.cycle?.at(-1));
  });
});
