import { checkBudgetState } from '../../budget/budgetState.js';
import { totalsOf } from '../../budget/lineTotals.js';
import { phaseByPeriod, type PeriodAmount, type PhasedAmount } from '../../budget/timePhase.js';
import type { PeriodUnit } from '../../calendar/periods.js';
import { invalidField, parseInput } from '../../core/validate.js';
import type { Expense } from '../../model/budget.js';
import { spreadToComplete } from './_forecastDays.js';
import { linePlans } from './_linePlans.js';
import { BudgetBurnInputSchema, type BudgetBurnInput } from './budgetBurnInput.js';

/** One period of a budget burn chart. Amounts are minor units; actuals and commitments are `null` after the status date. */
export interface BudgetBurnPoint {
  /** `2026-04-01` (day), `2026-W14` (ISO week) or `2026-04` (month). */
  readonly period: string;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period. */
  readonly end: string;
  /** Planned spend in the period. */
  readonly planned: number;
  /** Actual spend in the period, up to the status date. */
  readonly actual: number | null;
  /** Commitments (orders, contracts) placed in the period, up to the status date, at their full amount. */
  readonly committed: number | null;
  /** Forecast spend: the actual up to the status date, the spread estimate to complete after it. */
  readonly forecast: number;
  /** Planned spend to the end of the period: the planned S-curve. */
  readonly cumulativePlanned: number;
  /** Actual spend to the end of the period or the status date: the actual S-curve. */
  readonly cumulativeActual: number | null;
  /** Commitments still open (not yet invoiced) at the end of the period or the status date. */
  readonly openCommitments: number | null;
  /** Forecast spend to the end of the period: ends at the estimate at completion. */
  readonly cumulativeForecast: number;
}

/** Planned, actual, committed and forecast spend of a campaign by period, with its S-curves. */
export interface BudgetBurn {
  /** Currency of every amount (minor units). */
  readonly currency: string;
  /** The status date. */
  readonly statusDate: string;
  /** The period size. */
  readonly period: PeriodUnit;
  /** The planned total of the cost lines (budget at completion). */
  readonly planned: number;
  /** Actual spend up to the status date. */
  readonly actual: number;
  /** Commitments open at the status date. */
  readonly committed: number;
  /** The estimate at completion the forecast ends at. */
  readonly forecast: number;
  /** Every period from the first planned, spent or forecast day (or the status date) to the last. */
  readonly points: readonly BudgetBurnPoint[];
}

const sum = (amounts: readonly PhasedAmount[]): number => amounts.reduce((s, a) => s + a.amount, 0);

/** Money still open on each commitment at `asOf`: its amount less what invoices naming it had billed, never below 0. */
function openAt(commitments: readonly Expense[], invoices: readonly Expense[], asOf: string): number {
  return commitments.reduce((open, c) => {
    if (c.date > asOf) return open;
    const billed = invoices.reduce((s, e) => (e.commitmentId === c.id && e.date <= asOf ? s + e.amount : s), 0);
    return open + Math.max(0, c.amount - billed);
  }, 0);
}

/**
 * Budget burn of a campaign: planned, actual, committed and forecast spend per day, ISO week or
 * month, and each cumulated (the S-curves). Cost lines only; money stays integer minor units in
 * the campaign's currency, and a line or expense in another currency is refused, as the budget
 * engine refuses it.
 *
 * - Planned: each cost line spread with the budget's time phasing (its `phasing`, even by
 *   default) over the days in `lineDays`, else its task's working days, else the campaign's
 *   working days from `plannedStart` to `plannedFinish` on `calendar`.
 * - Actual and committed: expenses dated up to the status date, voided ones left out. Open
 *   commitments at a date are each order's amount less the invoices naming it (`commitmentId`)
 *   dated by then, never below 0.
 * - Forecast: up to the status date, the actual. After it, the estimate to complete
 *   (ETC = EAC − actual to date) spread over the remaining planned profile: each planned day after
 *   the status date takes a share in proportion to its planned amount, to the minor unit. Each line's
 *   EAC is its forecast as `lineTotals` gives it at the status date (the entered forecast, else the
 *   planned amount, raised to actual + open commitments); with `estimateAtCompletion`, one
 *   campaign-wide ETC is spread over the campaign's remaining planned profile instead. An ETC with
 *   no planned day left after the status date falls on the day after it.
 *
 * @throws CampaignKitError `VALIDATION` for malformed input, a budget the engine refuses (mixed
 * currencies, unknown categories, dates outside the campaign), a line that cannot be placed, or an
 * `estimateAtCompletion` below the actual spend to date.
 * @example
 * ```ts
 * budgetBurn({
 *   statusDate: '2026-04-10',
 *   budget: {
 *     campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-06', plannedFinish: '2026-04-17' },
 *     lines: [{ id: 'booth', campaignId: 'expo', category: 'venue', planned: 1000_00, forecast: 1100_00, currency: 'CNY' }],
 *     expenses: [{ id: 'e1', campaignId: 'expo', category: 'venue', kind: 'actual', amount: 600_00, currency: 'CNY', date: '2026-04-07' }],
 *   },
 * }).points;
 * // [{ period: '2026-W15', planned: 50000, actual: 60000, forecast: 60000, cumulativeForecast: 60000, … },
 * //  { period: '2026-W16', planned: 50000, actual: null, forecast: 50000, cumulativePlanned: 100000, cumulativeForecast: 110000, … }]
 * ```
 */
export function budgetBurn(input: BudgetBurnInput): BudgetBurn {
  const parsed = parseInput(BudgetBurnInputSchema, input, 'budget burn input');
  const budget = checkBudgetState(parsed.budget, ['budget']);
  const { statusDate, period } = parsed;
  const plans = linePlans(parsed, budget);
  const costLine = new Set(plans.map((p) => p.line.id as string));
  const expenses = budget.state.expenses.filter((e) => e.date <= statusDate && costLine.has(budget.lineOfExpense.get(e.id)?.id ?? ''));
  const actuals = expenses.filter((e) => e.kind === 'actual');
  const commitments = expenses.filter((e) => e.kind === 'commitment');
  const actualDays = actuals.map((e) => ({ date: e.date, amount: e.amount }));
  const committedDays = commitments.map((e) => ({ date: e.date, amount: e.amount }));
  const plannedDays = plans.flatMap((p) => p.daily);
  const actualToDate = sum(actualDays);

  let toComplete: PhasedAmount[];
  if (parsed.estimateAtCompletion !== undefined) {
    const etc = parsed.estimateAtCompletion - actualToDate;
    if (etc < 0) {
      throw invalidField('budget burn input', ['estimateAtCompletion'], `the estimate at completion ${parsed.estimateAtCompletion} is below the actual spend to date ${actualToDate}`);
    }
    toComplete = spreadToComplete(etc, plannedDays, statusDate);
  } else {
    // The line totals as of the status date, so a later invoice does not raise today's estimate.
    const totals = totalsOf({ ...budget, state: { ...budget.state, expenses } });
    toComplete = plans.flatMap((p) => {
      const t = totals.find((row) => row.lineId === p.line.id);
      return t === undefined ? [] : spreadToComplete(t.forecast - t.actual, p.daily, statusDate);
    });
  }
  const forecastDays = [...actualDays, ...toComplete];

  const dates = [...plannedDays, ...forecastDays, ...committedDays].map((d) => d.date).sort();
  const first = dates[0];
  const lastDate = dates[dates.length - 1];
  const base = {
    currency: budget.state.campaign.currency,
    statusDate,
    period,
    planned: sum(plannedDays),
    actual: actualToDate,
    committed: openAt(commitments, actuals, statusDate),
    forecast: sum(forecastDays),
  };
  if (first === undefined || lastDate === undefined) return { ...base, points: [] };
  const from = first < statusDate ? first : statusDate;
  const to = lastDate > statusDate ? lastDate : statusDate;
  // Zero amounts on the first and last day give every series the same axis of periods.
  const byPeriod = (days: readonly PhasedAmount[]): PeriodAmount[] => phaseByPeriod([{ date: from, amount: 0 }, ...days, { date: to, amount: 0 }], period);
  const [planned, actual, committed, forecast] = [plannedDays, actualDays, committedDays, forecastDays].map(byPeriod);
  const cumulative = { planned: 0, actual: 0, forecast: 0 };
  const points = (planned ?? []).map((p, i): BudgetBurnPoint => {
    const amounts = { planned: p.amount, actual: actual?.[i]?.amount ?? 0, committed: committed?.[i]?.amount ?? 0, forecast: forecast?.[i]?.amount ?? 0 };
    cumulative.planned += amounts.planned;
    cumulative.actual += amounts.actual;
    cumulative.forecast += amounts.forecast;
    const started = p.start <= statusDate;
    return {
      period: p.period,
      start: p.start,
      end: p.end,
      planned: amounts.planned,
      actual: started ? amounts.actual : null,
      committed: started ? amounts.committed : null,
      forecast: amounts.forecast,
      cumulativePlanned: cumulative.planned,
      cumulativeActual: started ? cumulative.actual : null,
      openCommitments: started ? openAt(commitments, actuals, p.end < statusDate ? p.end : statusDate) : null,
      cumulativeForecast: cumulative.forecast,
    };
  });
  return { ...base, points };
}
