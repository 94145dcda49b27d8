import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeFlow, FLOW_BANDS } from '../../../src/reports/series/cumulativeFlow.js';
import { historyArbitrary } from './_history.js';

const facts = [
  { at: '2026-03-05T09:00', taskId: 'a', kind: 'added', duration: 480, points: 3 },
  { at: '2026-03-05T09:00', taskId: 'b', kind: 'added', duration: 960, points: 5, statusCategory: 'backlog' },
  { at: '2026-03-05T10:00', taskId: 'c', kind: 'added', duration: 240, points: 2 },
  { at: '2026-03-06T11:00', taskId: 'a', kind: 'changed', statusCategory: 'in_progress', percentComplete: 50 },
  { at: '2026-03-07T15:00', taskId: 'a', kind: 'changed', statusCategory: 'in_review' }, // Saturday
  { at: '2026-03-09T10:00', taskId: 'a', kind: 'changed', statusCategory: 'done' },
  { at: '2026-03-09T12:00', taskId: 'c', kind: 'changed', statusCategory: 'cancelled' },
  { at: '2026-03-10T09:00', taskId: 'a', kind: 'changed', statusCategory: 'in_progress' }, // reopened
  { at: '2026-03-10T09:30', taskId: 'b', kind: 'changed', statusCategory: 'todo' },
] as const;

const band = (done: number, inReview: number, inProgress: number, todo: number, backlog: number) => ({ done, in_review: inReview, in_progress: inProgress, todo, backlog });

describe('cumulativeFlow', () => {
  it('stacks task counts by status category per working day, done at the bottom', () => {
    const flow = cumulativeFlow({ from: '2026-03-05', to: '2026-03-10', facts: [...facts] });
    expect(flow.bands).toEqual(['done', 'in_review', 'in_progress', 'todo', 'backlog']);
    expect(flow.days).toEqual([
      { date: '2026-03-05', bands: band(0, 0, 0, 2, 1), total: 3 },
      { date: '2026-03-06', bands: band(0, 0, 1, 1, 1), total: 3 },
      // Saturday's move to review shows on Monday, after Monday's own moves: done, c cancelled.
      { date: '2026-03-09', bands: band(1, 0, 0, 0, 1), total: 2 },
      { date: '2026-03-10', bands: band(0, 0, 1, 1, 0), total: 2 },
    ]);
  });

  it('stacks working minutes (whole durations) and story points', () => {
    const work = cumulativeFlow({ from: '2026-03-06', to: '2026-03-06', measure: 'work', facts: [...facts] });
    expect(work.days).toEqual([{ date: '2026-03-06', bands: band(0, 0, 480, 240, 960), total: 1680 }]);
    const points = cumulativeFlow({ from: '2026-03-09', to: '2026-03-09', measure: 'points', facts: [...facts] });
    expect(points.days).toEqual([{ date: '2026-03-09', bands: band(3, 0, 0, 0, 5), total: 8 }]);
  });

  it('has bands that are never negative and sum to the day total', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ measure, facts: history }) => {
        const flow = cumulativeFlow({ from: '2026-03-01', to: '2026-03-25', measure, facts: history });
        for (const day of flow.days) {
          const values = FLOW_BANDS.map((b) => day.bands[b]);
          expect(values.every((v) => v >= 0)).toBe(true);
          expect(values.reduce((s, v) => s + v, 0)).toBe(day.total);
        }
      }),
      { numRuns: 200 },
    );
  });
});
