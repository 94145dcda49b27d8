import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sCurve } from '../../../src/budget/evm/sCurve.js';
import { isCampaignKitError } from '../../../src/core/errors.js';
import type { ExpenseInput } from '../../../src/model/budget.js';
import { budgetBurn } from '../../../src/reports/series/budgetBurn.js';
import type { BudgetBurnInput } from '../../../src/reports/series/budgetBurnInput.js';

const campaign = { id: 'launch', currency: 'CNY', plannedStart: '2026-04-06', plannedFinish: '2026-04-24' };
const expense = (id: string, fields: Omit<ExpenseInput, 'id' | 'campaignId' | 'currency'>): ExpenseInput => ({ id, campaignId: 'launch', currency: 'CNY', ...fields });

/**
 * Three weeks, 6–24 April 2026 (ISO weeks 15–17), two lines:
 * - media, 1,500.00 with no task, spread evenly over the campaign's 15 working days (100.00 a day);
 * - print, 600.00 on the print run's three days in week 16, front-loaded 300.00 / 200.00 / 100.00.
 * Status date Wednesday 15 April.
 */
const launch: BudgetBurnInput = {
  statusDate: '2026-04-15',
  budget: {
    campaign,
    lines: [
      { id: 'media', campaignId: 'launch', category: 'media', planned: 150_000, currency: 'CNY' },
      { id: 'print', campaignId: 'launch', category: 'materials', taskId: 'print-run', planned: 60_000, currency: 'CNY', phasing: 'front' },
    ],
    expenses: [
      expense('m1', { category: 'media', kind: 'actual', amount: 40_000, date: '2026-04-08' }),
      expense('po', { category: 'materials', kind: 'commitment', amount: 65_000, date: '2026-04-09' }),
      expense('m2', { category: 'media', kind: 'actual', amount: 33_000, date: '2026-04-14' }),
      expense('inv', { category: 'materials', kind: 'actual', amount: 25_000, date: '2026-04-15', commitmentId: 'po' }),
      // After the status date: not in the chart.
      expense('m3', { category: 'media', kind: 'actual', amount: 20_000, date: '2026-04-20' }),
    ],
  },
  tasks: [{ id: 'print-run', workingDays: ['2026-04-13', '2026-04-14', '2026-04-15'] }],
};

describe('budgetBurn', () => {
  it('gives planned, actual, committed and forecast per week for two lines over three weeks', () => {
    const burn = budgetBurn(launch);
    expect({ ...burn, points: undefined }).toEqual({ currency: 'CNY', statusDate: '2026-04-15', period: 'week', planned: 210_000, actual: 98_000, committed: 40_000, forecast: 215_000, points: undefined });
    expect(burn.points).toEqual([
      {
        period: '2026-W15', start: '2026-04-06', end: '2026-04-12',
        planned: 50_000, actual: 40_000, committed: 65_000, forecast: 40_000,
        cumulativePlanned: 50_000, cumulativeActual: 40_000, openCommitments: 65_000, cumulativeForecast: 40_000,
      },
      {
        // Media: EAC 1,500.00 − 730.00 spent = 770.00 over its 7 planned days left, 110.00 each (2 in
        // this week). Print: EAC raised to 250.00 invoiced + 400.00 still on order = 650.00; its 400.00
        // left has no planned day after the status date, so it falls on 16 April.
        period: '2026-W16', start: '2026-04-13', end: '2026-04-19',
        planned: 110_000, actual: 58_000, committed: 0, forecast: 58_000 + 22_000 + 40_000,
        cumulativePlanned: 160_000, cumulativeActual: 98_000, openCommitments: 40_000, cumulativeForecast: 160_000,
      },
      {
        period: '2026-W17', start: '2026-04-20', end: '2026-04-26',
        planned: 50_000, actual: null, committed: null, forecast: 55_000,
        cumulativePlanned: 210_000, cumulativeActual: null, openCommitments: null, cumulativeForecast: 215_000,
      },
    ]);
  });

  it('spreads a campaign-wide estimate at completion over the remaining planned profile', () => {
    const burn = budgetBurn({ ...launch, estimateAtCompletion: 168_000 });
    // ETC 1,680.00 − 980.00 = 700.00 over the seven media days left, 100.00 each.
    expect(burn.points.map((p) => [p.forecast, p.cumulativeForecast])).toEqual([
      [40_000, 40_000],
      [78_000, 118_000],
      [50_000, 168_000],
    ]);
    expect(burn.forecast).toBe(168_000);
  });

  it('sums by day and by month on the same figures', () => {
    const daily = budgetBurn({ ...launch, period: 'day' });
    expect(daily.points).toHaveLength(19);
    expect(daily.points.find((p) => p.period === '2026-04-13')).toMatchObject({ planned: 10_000 + 30_000, actual: 0, forecast: 0 });
    expect(daily.points.find((p) => p.period === '2026-04-16')).toMatchObject({ planned: 10_000, actual: null, forecast: 11_000 + 40_000 });
    const monthly = budgetBurn({ ...launch, period: 'month' });
    expect(monthly.points).toEqual([
      {
        period: '2026-04', start: '2026-04-01', end: '2026-04-30',
        planned: 210_000, actual: 98_000, committed: 65_000, forecast: 215_000,
        cumulativePlanned: 210_000, cumulativeActual: 98_000, openCommitments: 40_000, cumulativeForecast: 215_000,
      },
    ]);
  });

  it('uses the days given for a line, and leaves revenue lines out', () => {
    const burn = budgetBurn({
      statusDate: '2026-04-06',
      period: 'day',
      budget: {
        campaign,
        lines: [
          { id: 'media', campaignId: 'launch', category: 'media', planned: 9_000, currency: 'CNY' },
          { id: 'sales', campaignId: 'launch', category: 'other', kind: 'revenue', planned: 500_000, currency: 'CNY' },
        ],
      },
      lineDays: { media: ['2026-04-06', '2026-04-07', '2026-04-08'] },
    });
    expect(burn.points.map((p) => [p.period, p.planned, p.forecast])).toEqual([
      ['2026-04-06', 3_000, 0],
      ['2026-04-07', 3_000, 4_500],
      ['2026-04-08', 3_000, 4_500],
    ]);
    expect(burn.planned).toBe(9_000);
  });

  it('agrees with the earned-value S-curve on planned and actual when every line has a task', () => {
    const budget = { ...launch.budget, lines: launch.budget.lines.map((l) => ({ ...l, taskId: 'print-run' })) };
    const burn = budgetBurn({ ...launch, budget });
    const curve = sCurve({ statusDate: launch.statusDate, budget, tasks: launch.tasks ?? [] });
    expect(burn.points.map((p) => [p.period, p.cumulativePlanned, p.cumulativeActual])).toEqual(curve.points.map((p) => [p.period, p.cumulativePv, p.cumulativeAc]));
  });

  it('refuses mixed currencies, lines it cannot place and an estimate below the spend, with VALIDATION', () => {
    const codeOf = (input: unknown): string => {
      try {
        budgetBurn(input as BudgetBurnInput);
        return 'ok';
      } catch (e) {
        return isCampaignKitError(e) ? `${e.code} ${e.message}` : 'raw';
      }
    };
    const usd = { ...launch, budget: { ...launch.budget, expenses: [expense('x', { category: 'media', kind: 'actual', amount: 1, date: '2026-04-08' }), { ...expense('y', { category: 'media', kind: 'actual', amount: 1, date: '2026-04-08' }), currency: 'USD' }] } };
    expect(codeOf(usd)).toMatch(/^VALIDATION .*mixed currencies/);
    expect(codeOf({ ...launch, tasks: [] })).toMatch(/^VALIDATION .*task 'print-run' is not in tasks/);
    expect(codeOf({ ...launch, budget: { ...launch.budget, campaign: { ...campaign, plannedFinish: undefined } } })).toMatch(/^VALIDATION .*no task and the campaign no planned finish/);
    expect(codeOf({ ...launch, lineDays: { medya: ['2026-04-06'] } })).toMatch(/^VALIDATION .*lineDays\.medya: no budget line 'medya'/);
    expect(codeOf({ ...launch, estimateAtCompletion: 90_000 })).toMatch(/^VALIDATION .*below the actual spend to date 98000/);
    expect(codeOf({ ...launch, budget: { ...launch.budget, lines: [{ ...launch.budget.lines[0], planned: 1.5 }] } })).toMatch(/^VALIDATION/);
  });

  it('has a non-decreasing cumulative actual that ends at the sum of the expenses, and a forecast that ends at its total', () => {
    const day = fc.integer({ min: 0, max: 18 }).map((n) => new Date(Date.UTC(2026, 3, 6 + n)).toISOString().slice(0, 10));
    const spend = fc.array(fc.record({ date: day, amount: fc.integer({ min: 0, max: 100_000 }), category: fc.constantFrom('media', 'materials') }), { maxLength: 12 });
    fc.assert(
      fc.property(spend, fc.constantFrom('day', 'week', 'month' as const), (items, period) => {
        const expenses = items.map((e, i) => expense(`e${i}`, { ...e, kind: 'actual' }));
        const burn = budgetBurn({ ...launch, statusDate: '2026-04-24', period, budget: { ...launch.budget, expenses } });
        // A forecast with no planned day left falls after the status date, where actuals are null.
        const cumulative = burn.points.flatMap((p) => (p.cumulativeActual === null ? [] : [p.cumulativeActual]));
        cumulative.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(cumulative[i - 1] ?? 0));
        expect(cumulative.at(-1)).toBe(items.reduce((s, e) => s + e.amount, 0));
        expect(burn.points.at(-1)?.cumulativeForecast).toBe(burn.forecast);
        expect(burn.points.at(-1)?.cumulativePlanned).toBe(210_000);
      }),
      { numRuns: 100 },
    );
  });
});
