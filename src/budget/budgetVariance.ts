import type { BudgetLine } from '../model/budget.js';
import type { BudgetLineId, CampaignId } from '../model/ids.js';
import { addAmounts, figuresOf, ZERO, type Amounts, type VarianceFigures } from './_figures.js';
import { parseBudgetState, type BudgetStateInput, type CheckedBudget } from './budgetState.js';
import { totalsOf, type LineTotals } from './lineTotals.js';

export type { VarianceDirection, VarianceFigures } from './_figures.js';

/** Variance of one budget line. */
export interface LineVariance extends VarianceFigures {
  /** The line. */
  readonly lineId: BudgetLineId;
  /** Its category. */
  readonly category: string;
  /** Cost or revenue. */
  readonly kind: BudgetLine['kind'];
  /** Its label, if any. */
  readonly name?: string;
}

/** Variance of the lines of one category and kind. */
export interface CategoryVariance extends VarianceFigures {
  /** The category. */
  readonly category: string;
  /** Cost or revenue (a category holding both kinds gets one row for each). */
  readonly kind: BudgetLine['kind'];
  /** The lines summed, in line order. */
  readonly lineIds: readonly BudgetLineId[];
}

/** Variance per line, per category and for the whole campaign. */
export interface BudgetVariance {
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** Currency of every amount. */
  readonly currency: string;
  /** One row per line, in line order. */
  readonly lines: readonly LineVariance[];
  /** One row per category and kind, built-in categories first, then the host's. */
  readonly categories: readonly CategoryVariance[];
  /** The campaign's cost lines summed. */
  readonly cost: VarianceFigures;
  /** The campaign's revenue lines summed; `null` when it has none. */
  readonly revenue: VarianceFigures | null;
}

function amountsOf(t: LineTotals): Amounts {
  return { planned: t.planned, committed: t.committed, actual: t.actual, forecast: t.forecast };
}

/** Variance of an already checked budget (shared with the summary report). */
export function varianceOf(budget: CheckedBudget): BudgetVariance {
  const totals = totalsOf(budget);
  const lines = totals.map<LineVariance>((t) => ({
    lineId: t.lineId,
    category: t.category,
    kind: t.kind,
    ...(t.name === undefined ? {} : { name: t.name }),
    ...figuresOf(amountsOf(t), t.kind),
  }));
  const categories: CategoryVariance[] = [];
  for (const category of budget.categories) {
    for (const kind of ['cost', 'revenue'] as const) {
      const members = totals.filter((t) => t.category === category && t.kind === kind);
      if (members.length === 0) continue;
      const sum = members.reduce((acc, t) => addAmounts(acc, amountsOf(t)), ZERO);
      categories.push({ category, kind, lineIds: members.map((t) => t.lineId), ...figuresOf(sum, kind) });
    }
  }
  const sumKind = (kind: BudgetLine['kind']) => totals.filter((t) => t.kind === kind).reduce((acc, t) => addAmounts(acc, amountsOf(t)), ZERO);
  const hasRevenue = totals.some((t) => t.kind === 'revenue');
  return {
    campaignId: budget.state.campaign.id,
    currency: budget.state.campaign.currency,
    lines,
    categories,
    cost: figuresOf(sumKind('cost'), 'cost'),
    revenue: hasRevenue ? figuresOf(sumKind('revenue'), 'revenue') : null,
  };
}

/**
 * Budget against actual per line, per category and for the campaign.
 *
 * variance = actual − planned and forecastVariance = forecast − planned, each also as a fraction of
 * planned. For a cost a positive variance is unfavourable (overspent); for revenue it is favourable.
 * Cost and revenue are never added together: categories get one row per kind, and the campaign has
 * a `cost` total and a `revenue` total.
 *
 * @example
 * ```ts
 * const v = budgetVariance({
 *   campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
 *   lines: [{ id: 'venue', campaignId: 'expo', category: 'venue', planned: 100_000_00, currency: 'CNY' }],
 *   expenses: [{ id: 'e1', campaignId: 'expo', category: 'venue', kind: 'actual', amount: 104_000_00, currency: 'CNY', date: '2026-04-12' }],
 * });
 * v.cost.variance;        // 400000 (4,000.00 over)
 * v.cost.variancePercent; // 0.04
 * v.cost.direction;       // 'unfavourable'
 * ```
 */
export function budgetVariance(input: BudgetStateInput): BudgetVariance {
  return varianceOf(parseBudgetState(input));
}
