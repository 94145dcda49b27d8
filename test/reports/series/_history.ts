import fc from 'fast-check';
import { STATUS_CATEGORIES } from '../../../src/model/task.js';
import { SERIES_MEASURES, type TaskFactInput } from '../../../src/reports/series/taskHistory.js';

/** One wished-for fact; {@link historyArbitrary} turns the wishes into a history that fits together. */
const wish = fc.record({
  day: fc.integer({ min: 0, max: 24 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  taskId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  kind: fc.constantFrom('added', 'changed', 'removed'),
  statusCategory: fc.option(fc.constantFrom(...STATUS_CATEGORIES), { nil: undefined }),
  duration: fc.option(fc.integer({ min: 0, max: 4800 }), { nil: undefined }),
  percentComplete: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  points: fc.option(fc.constantFrom(0, 1, 2, 3, 5, 8, 13), { nil: undefined }),
});

function at(day: number, minute: number): string {
  const date = new Date(Date.UTC(2026, 2, 1 + day, 0, minute));
  return date.toISOString().slice(0, 16);
}

/**
 * A measure and a task history from 1 to 25 March 2026 in which every task is added before it is
 * changed or removed: a wish to change an absent task adds it, a wish to add a present one changes it.
 */
export const historyArbitrary = fc.record({ measure: fc.constantFrom(...SERIES_MEASURES), wishes: fc.array(wish, { maxLength: 40 }) }).map(({ measure, wishes }) => {
  const present = new Set<string>();
  const facts: TaskFactInput[] = [];
  for (const w of [...wishes].sort((x, y) => x.day * 1440 + x.minute - (y.day * 1440 + y.minute))) {
    const kind = present.has(w.taskId) ? (w.kind === 'added' ? 'changed' : w.kind) : 'added';
    if (kind === 'removed') present.delete(w.taskId);
    else present.add(w.taskId);
    const { day, minute, kind: _wished, ...fields } = w;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    facts.push({ ...defined, at: at(day, minute), taskId: w.taskId, kind } as TaskFactInput);
  }
  return { measure, facts };
});
