import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeAt, phaseByPeriod, timePhase } from '../../src/budget/timePhase.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';

function issuesOf(run: () => unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    run();
  } catch (e) {
    if (!isCampaignKitError(e, 'VALIDATION')) throw e;
    return ((e as CampaignKitError).details.issues ?? []).map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a VALIDATION error');
}

const amounts = (days: readonly { amount: number }[]) => days.map((d) => d.amount);
const week = ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-06', '2026-04-07'];

describe('time phasing', () => {
  it('spreads evenly, giving leftover minor units to the earliest days', () => {
    expect(timePhase({ amount: 1000, workingDays: week.slice(0, 3) })).toEqual([
      { date: '2026-04-01', amount: 334 },
      { date: '2026-04-02', amount: 333 },
      { date: '2026-04-03', amount: 333 },
    ]);
    expect(amounts(timePhase({ amount: 2, workingDays: week }))).toEqual([1, 1, 0, 0, 0]);
  });

  it('front-loads and back-loads on linear weights', () => {
    expect(amounts(timePhase({ amount: 600, workingDays: week.slice(0, 3), profile: 'front' }))).toEqual([300, 200, 100]);
    expect(amounts(timePhase({ amount: 600, workingDays: week.slice(0, 3), profile: 'back' }))).toEqual([100, 200, 300]);
    expect(amounts(timePhase({ amount: 1000, workingDays: week.slice(0, 4), profile: 'front' }))).toEqual([400, 300, 200, 100]);
    // Quotas 50, 33.33…, 16.66… → 50, 33, 16 and the last unit to the largest remainder (.66…).
    expect(amounts(timePhase({ amount: 100, workingDays: week.slice(0, 3), profile: 'front' }))).toEqual([50, 33, 17]);
  });

  it('spreads explicit periods over the working days inside each', () => {
    const profile = {
      periods: [
        { from: '2026-04-01', to: '2026-04-03', amount: 900 },
        { from: '2026-04-06', to: '2026-04-30', amount: 101 },
      ],
    };
    expect(amounts(timePhase({ amount: 1001, workingDays: week, profile }))).toEqual([300, 300, 300, 51, 50]);
    const gap = { periods: [{ from: '2026-04-06', to: '2026-04-06', amount: 10 }] };
    expect(amounts(timePhase({ amount: 10, workingDays: week, profile: gap }))).toEqual([0, 0, 0, 10, 0]);
  });

  it('names the field when the input cannot be spread', () => {
    const periods = (list: { from: string; to: string; amount: number }[]) => ({ periods: list });
    expect(issuesOf(() => timePhase({ amount: 1000, workingDays: week, profile: periods([{ from: '2026-04-01', to: '2026-04-30', amount: 999 }]) }))).toEqual([
      { path: ['profile', 'periods'], message: 'the periods add up to 999 but the amount to spread is 1000' },
    ]);
    expect(
      issuesOf(() =>
        timePhase({
          amount: 2,
          workingDays: week,
          profile: periods([
            { from: '2026-04-01', to: '2026-04-03', amount: 1 },
            { from: '2026-04-03', to: '2026-04-07', amount: 1 },
          ]),
        }),
      ),
    ).toEqual([{ path: ['profile', 'periods', 1, 'from'], message: 'period overlaps the one ending 2026-04-03' }]);
    expect(issuesOf(() => timePhase({ amount: 5, workingDays: week, profile: periods([{ from: '2026-04-04', to: '2026-04-05', amount: 5 }]) }))).toEqual([
      { path: ['profile', 'periods', 0], message: 'no working day between 2026-04-04 and 2026-04-05 to spread 5 over' },
    ]);
    expect(issuesOf(() => timePhase({ amount: 5, workingDays: ['2026-04-02', '2026-04-01'] }))).toEqual([
      { path: ['workingDays', 1], message: 'working days must be in order without repeats; 2026-04-01 follows 2026-04-02' },
    ]);
    expect(issuesOf(() => timePhase({ amount: 5, workingDays: [] }))).toEqual([{ path: ['workingDays'], message: 'an amount needs at least one working day to be spread over' }]);
    expect(issuesOf(() => timePhase({ amount: -5, workingDays: week })).map((i) => i.path)).toEqual([['amount']]);
    expect(timePhase({ amount: 0, workingDays: [] })).toEqual([]);
  });
});

describe('periods', () => {
  const days = [
    { date: '2026-03-30', amount: 1 },
    { date: '2026-04-05', amount: 2 },
    { date: '2026-04-06', amount: 4 },
    { date: '2026-04-20', amount: 8 },
  ];

  it('sums by ISO week, listing empty weeks with zero', () => {
    expect(phaseByPeriod(days, 'week')).toEqual([
      { period: '2026-W14', start: '2026-03-30', end: '2026-04-05', amount: 3 },
      { period: '2026-W15', start: '2026-04-06', end: '2026-04-12', amount: 4 },
      { period: '2026-W16', start: '2026-04-13', end: '2026-04-19', amount: 0 },
      { period: '2026-W17', start: '2026-04-20', end: '2026-04-26', amount: 8 },
    ]);
  });

  it('sums by month and by day', () => {
    expect(phaseByPeriod(days, 'month')).toEqual([
      { period: '2026-03', start: '2026-03-01', end: '2026-03-31', amount: 1 },
      { period: '2026-04', start: '2026-04-01', end: '2026-04-30', amount: 14 },
    ]);
    expect(phaseByPeriod([{ date: '2028-02-28', amount: 1 }, { date: '2028-03-01', amount: 2 }], 'day').map((p) => [p.period, p.amount])).toEqual([
      ['2028-02-28', 1],
      ['2028-02-29', 0],
      ['2028-03-01', 2],
    ]);
    expect(phaseByPeriod([{ date: '2026-02-10', amount: 1 }], 'month')).toEqual([{ period: '2026-02', start: '2026-02-01', end: '2026-02-28', amount: 1 }]);
  });

  it('numbers weeks across year ends as ISO 8601 does', () => {
    expect(phaseByPeriod([{ date: '2024-12-30', amount: 1 }], 'week')).toEqual([{ period: '2025-W01', start: '2024-12-30', end: '2025-01-05', amount: 1 }]);
    expect(phaseByPeriod([{ date: '2027-01-01', amount: 1 }], 'week')).toEqual([{ period: '2026-W53', start: '2026-12-28', end: '2027-01-03', amount: 1 }]);
    expect(phaseByPeriod([{ date: '2021-01-03', amount: 1 }], 'week')[0]?.period).toBe('2020-W53');
  });

  it('gives the planned value up to and including a status date', () => {
    expect(cumulativeAt(days, '2026-04-05')).toBe(3);
    expect(cumulativeAt(days, '2026-03-29')).toBe(0);
    expect(cumulativeAt(days, '2026-12-31')).toBe(15);
  });
});

describe('time phasing invariants (property)', () => {
  const workingDays = fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }).map((offsets) =>
    [...offsets].sort((a, b) => a - b).map((o) => new Date(Date.UTC(2026, 0, 1 + o)).toISOString().slice(0, 10)),
  );

  it('preserves the total to the minor unit for every profile', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), workingDays, fc.constantFrom('even', 'front', 'back'), (amount, days, profile) => {
        const phased = timePhase({ amount, workingDays: days, profile });
        expect(phased.map((d) => d.date)).toEqual(days);
        expect(phased.reduce((s, d) => s + d.amount, 0)).toBe(amount);
        expect(phaseByPeriod(phased, 'week').reduce((s, p) => s + p.amount, 0)).toBe(amount);
        expect(phaseByPeriod(phased, 'month').reduce((s, p) => s + p.amount, 0)).toBe(amount);
        const values = amounts(phased);
        if (profile === 'even') expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        values.slice(1).forEach((v, i) => {
          if (profile === 'front') expect(v).toBeLessThanOrEqual((values[i] ?? 0) + 1);
          if (profile === 'back') expect(v).toBeGreaterThanOrEqual((values[i] ?? 0) - 1);
        });
      }),
    );
  });

  it('keeps each explicit period’s amount inside it', () => {
    fc.assert(
      fc.property(workingDays, fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 2, maxLength: 2 }), (days, [a = 0, b = 0]) => {
        const middle = days[Math.floor(days.length / 2)] ?? '';
        fc.pre(days.length >= 2 && middle > (days[0] ?? ''));
        const before = new Date(Date.parse(middle) - 86_400_000).toISOString().slice(0, 10);
        const profile = { periods: [{ from: '2026-01-01', to: before, amount: a }, { from: middle, to: '2027-12-31', amount: b }] };
        const phased = timePhase({ amount: a + b, workingDays: days, profile });
        expect(phased.filter((d) => d.date < middle).reduce((s, d) => s + d.amount, 0)).toBe(a);
        expect(phased.filter((d) => d.date >= middle).reduce((s, d) => s + d.amount, 0)).toBe(b);
      }),
    );
  });
});
