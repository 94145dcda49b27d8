import { describe, expect, it } from 'vitest';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { toMspdi } from '../../src/interop/mspdi/toMspdi.js';
import { largeMspdi } from './_largeMspdi.js';

// Sizes that took quadratic time (80,000 assignments on one task: 75 s) or overflowed the stack
// (a spread of more than ~125,000 arguments); the tests check results, timings live in bench/.
describe('MSPDI at scale', () => {
  it('reads 80,000 assignments on one task, each on its resource calendar (20,000 resources × 20,000 calendars)', () => {
    const project = parseMspdi(largeMspdi({ assignments: 80_000, resources: 20_000, calendars: 20_000 }));
    expect(project.calendars).toHaveLength(20_001);
    expect(project.tasks).toHaveLength(1);
    const assignments = project.tasks[0]?.assignments ?? [];
    expect(assignments).toHaveLength(80_000);
    expect(assignments.slice(0, 2)).toEqual([
      { resource: '1', work: '4800m', units: 0.5, calendar: '2' },
      { resource: '2', work: '4800m', calendar: '3' },
    ]);
    expect(assignments.at(-1)).toEqual({ resource: '20000', work: '4800m', calendar: '20001' });
    expect(assignments.filter((a) => a.units === 0.5)).toHaveLength(26_667);
    expect(new Set(assignments.map((a) => a.calendar)).size).toBe(20_000);
    expect(project.warnings).toEqual([]);
  });

  it('writes 150,000 tasks with numeric ids, keeping each id as its UID', () => {
    const xml = toMspdi({ start: '2026-01-05T08:00', tasks: Array.from({ length: 150_000 }, (_, i) => ({ id: String(i + 1) })) });
    expect(xml.split('<Task>').length - 1).toBe(150_000);
    expect(xml).toContain('<UID>150000</UID>\n\t\t\t<ID>150000</ID>');
    expect(xml).not.toContain('<ExtendedAttribute>');
  });

  it('writes many links into one task in the order given', () => {
    const tasks = [{ id: 'end' }, ...Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}` }))];
    const links = tasks.slice(1).map((t) => ({ from: t.id, to: 'end' }));
    const back = parseMspdi(toMspdi({ start: '2026-01-05T08:00', tasks, links }));
    expect(back.links).toHaveLength(5_000);
    expect(back.links.slice(0, 2)).toEqual([
      { from: 'p0', to: 'end', type: 'FS' },
      { from: 'p1', to: 'end', type: 'FS' },
    ]);
    expect(back.warnings).toEqual([]);
  });
});
