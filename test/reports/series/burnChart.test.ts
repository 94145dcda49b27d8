import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_CALENDAR } from '../../../src/calendar/standardCalendars.js';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { burnChart } from '../../../src/reports/series/burnChart.js';
import { cumulativeFlow } from '../../../src/reports/series/cumulativeFlow.js';
import { historyArbitrary } from './_history.js';

/**
 * A five-working-day sprint from Thursday 5 March 2026 to Wednesday 11 March, over a weekend:
 * a task added on Saturday counts on Monday, one is reopened on Tuesday, one removed on Wednesday.
 */
const sprint = [
  { at: '2026-03-05T09:00', taskId: 'a', kind: 'added', points: 3 },
  { at: '2026-03-05T09:00', taskId: 'b', kind: 'added', points: 5 },
  { at: '2026-03-05T09:30', taskId: 'c', kind: 'added', points: 2 },
  { at: '2026-03-06T16:00', taskId: 'a', kind: 'changed', statusCategory: 'done' },
  { at: '2026-03-07T10:00', taskId: 'd', kind: 'added', points: 4 },
  { at: '2026-03-09T11:00', taskId: 'b', kind: 'changed', statusCategory: 'in_progress' },
  { at: '2026-03-10T10:00', taskId: 'b', kind: 'changed', statusCategory: 'done' },
  { at: '2026-03-10T15:00', taskId: 'a', kind: 'changed', statusCategory: 'in_progress' },
  { at: '2026-03-11T12:00', taskId: 'c', kind: 'removed' },
  { at: '2026-03-11T16:00', taskId: 'd', kind: 'changed', statusCategory: 'done' },
] as const;

describe('burnChart', () => {
  it('draws a five-day sprint over a weekend in story points, the Saturday addition on Monday', () => {
    const chart = burnChart({ from: '2026-03-05', to: '2026-03-11', measure: 'points', facts: [...sprint] });
    expect(chart.initialScope).toBe(10);
    expect(chart.days).toEqual([
      { date: '2026-03-05', scope: 10, completed: 0, remaining: 10, ideal: 10 },
      { date: '2026-03-06', scope: 10, completed: 3, remaining: 7, ideal: 7.5 },
      { date: '2026-03-09', scope: 14, completed: 3, remaining: 11, ideal: 5 },
      { date: '2026-03-10', scope: 14, completed: 5, remaining: 9, ideal: 2.5 },
      { date: '2026-03-11', scope: 12, completed: 9, remaining: 3, ideal: 0 },
    ]);
    expect(chart.scopeChanges).toEqual([
      { date: '2026-03-09', delta: 4, taskIds: ['d'] },
      { date: '2026-03-11', delta: -2, taskIds: ['c'] },
    ]);
  });

  it('counts tasks: a reopened task is remaining again and the scope does not move', () => {
    const chart = burnChart({ from: '2026-03-05', to: '2026-03-11', facts: [...sprint] });
    expect(chart.measure).toBe('tasks');
    expect(chart.days.map((d) => [d.scope, d.completed, d.remaining])).toEqual([
      [3, 0, 3],
      [3, 1, 2],
      [4, 1, 3],
      [4, 1, 3], // b done, a reopened
      [3, 2, 1],
    ]);
    expect(chart.days.map((d) => d.ideal)).toEqual([3, 2.25, 1.5, 0.75, 0]);
  });

  it('burns working minutes: duration × (1 − percent complete), done leaves nothing, cancelled leaves the scope', () => {
    const chart = burnChart({
      from: '2026-03-02',
      to: '2026-03-04',
      measure: 'work',
      facts: [
        { at: '2026-03-02T08:00', taskId: 'brief', kind: 'added', duration: 960 },
        { at: '2026-03-02T08:00', taskId: 'copy', kind: 'added', duration: 480, percentComplete: 50 },
        { at: '2026-03-03T12:00', taskId: 'brief', kind: 'changed', percentComplete: 25 },
        { at: '2026-03-03T17:00', taskId: 'copy', kind: 'changed', statusCategory: 'done' },
        { at: '2026-03-04T09:00', taskId: 'brief', kind: 'changed', statusCategory: 'cancelled' },
      ],
    });
    expect(chart.days).toEqual([
      { date: '2026-03-02', scope: 1440, completed: 240, remaining: 1200, ideal: 1440 },
      { date: '2026-03-03', scope: 1440, completed: 720, remaining: 720, ideal: 720 },
      { date: '2026-03-04', scope: 480, completed: 480, remaining: 0, ideal: 0 },
    ]);
    expect(chart.scopeChanges).toEqual([{ date: '2026-03-04', delta: -960, taskIds: ['brief'] }]);
  });

  it('skips the holidays of the campaign calendar and counts what happens on them on the next working day', () => {
    const calendar = { ...STANDARD_CALENDAR, exceptions: [{ name: 'Company day', from: '2026-03-10' }] };
    const chart = burnChart({ calendar, from: '2026-03-05', to: '2026-03-11', measure: 'points', facts: [...sprint] });
    expect(chart.days.map((d) => [d.date, d.remaining])).toEqual([
      ['2026-03-05', 10],
      ['2026-03-06', 7],
      ['2026-03-09', 11],
      ['2026-03-11', 3],
    ]);
    expect(chart.days.map((d) => d.ideal)).toEqual([10, 20 / 3, 10 / 3, 0]);
  });

  it('starts from the state the facts before the range leave, and sorts facts recorded out of order', () => {
    const chart = burnChart({
      from: '2026-03-09',
      to: '2026-03-10',
      facts: [
        { at: '2026-03-10T09:00', taskId: 'a', kind: 'changed', statusCategory: 'done' },
        { at: '2026-03-02T09:00', taskId: 'a', kind: 'added' },
        { at: '2026-03-03T09:00', taskId: 'b', kind: 'added', statusCategory: 'in_progress' },
      ],
    });
    expect(chart.days.map((d) => [d.date, d.scope, d.remaining])).toEqual([
      ['2026-03-09', 2, 2],
      ['2026-03-10', 2, 1],
    ]);
    expect(chart.scopeChanges).toEqual([]);
  });

  it('draws a one-day chart with the ideal at 0, and a weekend-only range with no days', () => {
    const facts = [{ at: '2026-03-02T09:00', taskId: 'a', kind: 'added' }] as const;
    expect(burnChart({ from: '2026-03-02', to: '2026-03-02', facts: [...facts] }).days).toEqual([{ date: '2026-03-02', scope: 1, completed: 0, remaining: 1, ideal: 0 }]);
    expect(burnChart({ from: '2026-03-07', to: '2026-03-08', facts: [...facts] })).toEqual({ measure: 'tasks', initialScope: 0, days: [], scopeChanges: [] });
  });

  it('refuses a history that does not fit together, naming the fact', () => {
    const run = (facts: unknown[]) => () => burnChart({ from: '2026-03-02', to: '2026-03-06', facts } as never);
    expect(run([{ at: '2026-03-02T09:00', taskId: 'a', kind: 'changed', statusCategory: 'done' }])).toThrow(/facts\[0\]\.kind: task 'a' is changed before it is added/);
    expect(run([{ at: '2026-03-02T09:00', taskId: 'a', kind: 'added' }, { at: '2026-03-03T09:00', taskId: 'a', kind: 'added' }])).toThrow(/facts\[1\]\.kind: task 'a' is added again/);
    expect(run([{ at: '2026-03-02T09:00', taskId: 'a', kind: 'added' }, { at: '2026-04-01T09:00', taskId: 'b', kind: 'removed' }])).toThrow(/facts\[1\]/);
    expect(run([{ at: '2026-03-02', taskId: 'a', kind: 'added', percentComplete: 120 }])).toThrow(/facts\[0\]\.percentComplete/);
    expect(() => burnChart({ from: '2026-03-06', to: '2026-03-02', facts: [] })).toThrow(/to/);
    const error = (() => {
      try {
        return burnChart({ from: '2026-03-02', to: '2026-03-06', facts: [{ at: 'yesterday', taskId: 'a', kind: 'added' }] });
      } catch (e) {
        return e;
      }
    })();
    expect(isCampaignKitError(error, 'VALIDATION')).toBe(true);
  });

  it('keeps completed + remaining = scope, remaining ≥ 0 and the flow total = scope on every day', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ measure, facts }) => {
        const input = { from: '2026-03-02', to: '2026-03-20', measure, facts };
        const chart = burnChart(input);
        const flow = cumulativeFlow(input);
        chart.days.forEach((d, i) => {
          expect(d.completed + d.remaining).toBe(d.scope);
          expect(d.remaining).toBeGreaterThanOrEqual(0);
          expect(flow.days[i]?.total).toBe(d.scope);
        });
        const first = chart.days[0];
        if (first !== undefined) expect(first.ideal).toBe(chart.initialScope);
        expect(chart.days.at(-1)?.ideal).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
