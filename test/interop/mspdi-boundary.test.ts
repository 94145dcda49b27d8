import { describe, expect, it } from 'vitest';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { toMspdi } from '../../src/interop/mspdi/toMspdi.js';
import { mspdiDoc } from './_mspdiDoc.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Calls with arguments the types forbid, as JavaScript callers may. */
const parseUntyped = parseMspdi as (...args: unknown[]) => unknown;
const writeUntyped = toMspdi as (...args: unknown[]) => unknown;

const plan = { start: '2026-01-05T08:00', tasks: [{ id: 'a', duration: '2d' }] };

describe('parseMspdi validates its arguments with VALIDATION', () => {
  it('parseMspdi(null, null): the document must be a string', () => {
    expect(thrown(() => parseUntyped(null, null))).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid MSPDI document: (input): Invalid input: expected string, received null',
      details: { issues: [{ path: [], code: 'invalid_type', message: 'Invalid input: expected string, received null' }] },
    });
  });

  it('options null: the options must be an object', () => {
    expect(thrown(() => parseUntyped(mspdiDoc(''), null))).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid MSPDI options: (input): Invalid input: expected object, received null',
    });
  });

  it('maxBytes and maxReferences must be whole numbers (at least 1 and 0)', () => {
    expect(thrown(() => parseMspdi(mspdiDoc(''), { maxBytes: 0 }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['maxBytes'], code: 'too_small' }] } });
    expect(thrown(() => parseMspdi(mspdiDoc(''), { maxReferences: 1.5 }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['maxReferences'], code: 'invalid_type' }] } });
  });

  it('counts maxBytes in UTF-8 bytes', () => {
    const xml = mspdiDoc('<Name>é</Name>');
    const bytes = new TextEncoder().encode(xml).length;
    expect(bytes).toBe(xml.length + 1);
    expect(parseMspdi(xml, { maxBytes: bytes }).name).toBe('é');
    expect(thrown(() => parseMspdi(xml, { maxBytes: bytes - 1 }))).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { size: bytes, limit: bytes - 1 } });
  });
});

describe('toMspdi validates its arguments', () => {
  it('toMspdi([]): the project must be an object, with one issue', () => {
    expect(thrown(() => writeUntyped([]))).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid MSPDI project: (input): Invalid input: expected object, received array',
      details: { issues: [{ path: [], code: 'invalid_type', message: 'Invalid input: expected object, received array' }] },
    });
  });

  it('refuses what scheduleProject refuses, naming the field', () => {
    expect(thrown(() => toMspdi({ start: '2026-01-05T08:00', tasks: [{ id: 'a', duration: 'soon' }] }))).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['tasks', 0, 'duration'] }] },
    });
    expect(thrown(() => toMspdi({ start: '2026-01-05T08:00', tasks: [{ id: 'a', manual: true }] }))).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid MSPDI project: tasks[0].start: a manually scheduled task needs a start',
    });
  });

  it('refuses options of the wrong shape: a schedule without dates, a baseline numbered 11', () => {
    expect(thrown(() => writeUntyped(plan, { schedule: { finish: 'late', tasks: [] } }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['schedule', 'finish'] }] } });
    expect(thrown(() => toMspdi(plan, { baselines: [{ number: 11, baseline: { tasks: {} } }] }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['baselines', 0, 'number'] }] } });
  });

  it('refuses a parent that is not a task, and a duplicate task id, with VALIDATION', () => {
    expect(thrown(() => toMspdi({ start: '2026-01-05T08:00', tasks: [{ id: 'a', parent: 'nobody' }] }))).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid MSPDI project: tasks[0].parent: unknown parent task "nobody"',
    });
    expect(thrown(() => toMspdi({ start: '2026-01-05T08:00', tasks: [{ id: 'a' }, { id: 'a' }] }))).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid MSPDI project: tasks[1].id: duplicate task id "a"',
    });
  });

  it('refuses tasks that are each other\'s parents with CYCLE, listing the loop', () => {
    const tasks = [{ id: 'root' }, { id: 'a', parent: 'c' }, { id: 'b', parent: 'a' }, { id: 'c', parent: 'b' }];
    expect(thrown(() => toMspdi({ start: '2026-01-05T08:00', tasks }))).toMatchObject({
      code: 'CYCLE',
      message: "Tasks are each other's parents: a -> c -> b -> a",
      details: { cycle: ['a', 'c', 'b', 'a'] },
    });
  });

  it('writes an outline 100 levels deep and refuses 101 with LIMIT_EXCEEDED, not a stack overflow', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, ...(i > 0 ? { parent: `t${i - 1}` } : {}) }));
    const back = parseMspdi(toMspdi({ start: '2026-01-05T08:00', tasks: chain(100) }));
    expect(back.tasks.at(-1)).toEqual({ id: 't99', name: 't99', parent: 't98', duration: '1d' });
    expect(thrown(() => toMspdi({ start: '2026-01-05T08:00', tasks: chain(20_000) }))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'Task "t100" sits 101 levels deep in the outline; MSPDI files are written up to 100 levels',
      details: { ids: ['t100'], limit: 100 },
    });
  });

  it('gives ids such as "007" their own UID, so they cannot collide with "7"', () => {
    const back = parseMspdi(toMspdi({ start: '2026-01-05T08:00', tasks: [{ id: '7' }, { id: '007' }], links: [{ from: '007', to: '7' }] }));
    expect(back.tasks.map((t) => t.id)).toEqual(['7', '007']);
    expect(back.links).toEqual([{ from: '007', to: '7', type: 'FS' }]);
  });
});
