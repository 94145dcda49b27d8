import type { BudgetLine } from '../model/budget.js';
import type { BudgetLineId, StageId, TaskId } from '../model/ids.js';
import { parseBudgetState, type BudgetStateInput, type CheckedBudget } from './budgetState.js';

/** The four amounts of a budget line, in minor units of the campaign's currency. */
export interface LineTotals {
  /** The line. */
  readonly lineId: BudgetLineId;
  /** Its cost category. */
  readonly category: string;
  /** Cost or revenue. */
  readonly kind: BudgetLine['kind'];
  /** Its label, if any. */
  readonly name?: string;
  /** The task it is spread over, if any. */
  readonly taskId?: TaskId;
  /** The stage it belongs to, if any. */
  readonly stageId?: StageId;
  /** Currency of every amount. */
  readonly currency: string;
  /** Planned (the budget). */
  readonly planned: number;
  /** Open commitments: orders and contracts not yet invoiced. */
  readonly committed: number;
  /** Actual expenses: invoiced or paid. */
  readonly actual: number;
  /** Estimate at completion: entered, or derived; never below actual + committed. */
  readonly forecast: number;
  /** Whether the forecast was entered on the line or derived. */
  readonly forecastSource: 'entered' | 'derived';
  /** planned − committed − actual (negative when overspent). */
  readonly remaining: number;
}

/** Totals of every line of a checked budget, in line order. */
export function totalsOf(budget: CheckedBudget): LineTotals[] {
  const actual = new Map<string, number>();
  const ordered = new Map<string, number>();
  const invoiced = new Map<string, number>();
  for (const e of budget.state.expenses) {
    if (e.kind === 'commitment') ordered.set(e.id, e.amount);
    else if (e.commitmentId !== undefined) invoiced.set(e.commitmentId, (invoiced.get(e.commitmentId) ?? 0) + e.amount);
  }
  const committed = new Map<string, number>();
  for (const e of budget.state.expenses) {
    const line = budget.lineOfExpense.get(e.id);
    if (line === undefined) continue;
    if (e.kind === 'actual') actual.set(line.id, (actual.get(line.id) ?? 0) + e.amount);
    // An order invoiced for more than its value leaves nothing open; the excess is simply actual.
    else committed.set(line.id, (committed.get(line.id) ?? 0) + Math.max(0, (ordered.get(e.id) ?? 0) - (invoiced.get(e.id) ?? 0)));
  }
  return budget.state.lines.map((line) => {
    const a = actual.get(line.id) ?? 0;
    const c = committed.get(line.id) ?? 0;
    const spent = a + c;
    const forecast = line.forecast === undefined ? Math.max(line.planned, spent) : Math.max(line.forecast, spent);
    return {
      lineId: line.id,
      category: line.category,
      kind: line.kind,
      ...(line.name === undefined ? {} : { name: line.name }),
      ...(line.taskId === undefined ? {} : { taskId: line.taskId }),
      ...(line.stageId === undefined ? {} : { stageId: line.stageId }),
      currency: line.currency,
      planned: line.planned,
      committed: c,
      actual: a,
      forecast,
      forecastSource: line.forecast === undefined ? 'derived' : 'entered',
      remaining: line.planned - c - a,
    };
  });
}

/**
 * Planned, committed, actual, forecast and remaining for every budget line.
 *
 * - committed: each commitment's amount minus what actuals naming it (`commitmentId`) invoiced,
 *   never below zero;
 * - forecast: the entered forecast, or else the planned amount, raised to actual + committed when
 *   those are higher (money spent or promised cannot be un-spent);
 * - remaining = planned − committed − actual.
 *
 * @example
 * ```ts
 * lineTotals({
 *   campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
 *   lines: [{ id: 'venue', campaignId: 'expo', category: 'venue', planned: 100_000_00, currency: 'CNY' }],
 *   expenses: [
 *     { id: 'po', campaignId: 'expo', category: 'venue', kind: 'commitment', amount: 80_000_00, currency: 'CNY', date: '2026-04-01' },
 *     { id: 'inv', campaignId: 'expo', category: 'venue', kind: 'actual', amount: 30_000_00, currency: 'CNY', date: '2026-04-10', commitmentId: 'po' },
 *   ],
 * });
 * // [{ lineId: 'venue', planned: 10000000, committed: 5000000, actual: 3000000, forecast: 10000000,
 * //    forecastSource: 'derived', remaining: 2000000, … }]
 * ```
 */
export function lineTotals(input: BudgetStateInput): LineTotals[] {
  return totalsOf(parseBudgetState(input));
}
