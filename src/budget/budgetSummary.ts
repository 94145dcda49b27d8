import type { BudgetLine, BudgetThresholds, BudgetThresholdsInput } from '../model/budget.js';
import type { CampaignId } from '../model/ids.js';
import type { VarianceFigures } from './_figures.js';
import { parseBudgetState, type BudgetStateInput, type CheckedBudget } from './budgetState.js';
import { varianceOf } from './budgetVariance.js';
import { alertsOf, checkPolicy, type BudgetAlert } from './thresholds.js';

/** The worst threshold level reached: `ok` (none), `warn` or `block`. */
export type BudgetStatus = 'ok' | 'warn' | 'block';

/** One category of a budget summary. */
export interface BudgetSummaryRow extends VarianceFigures {
  /** The category. */
  readonly category: string;
  /** Cost or revenue. */
  readonly kind: BudgetLine['kind'];
  /** The worst alert on the category or any of its lines; revenue rows are always `ok`. */
  readonly status: BudgetStatus;
}

/** A campaign's budget at a glance: one row per category, totals, and the alerts behind the statuses. */
export interface BudgetSummary {
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** Currency of every amount (minor units). */
  readonly currency: string;
  /** One row per category and kind. */
  readonly categories: readonly BudgetSummaryRow[];
  /** The campaign's cost, with the worst alert anywhere in it. */
  readonly cost: VarianceFigures & { readonly status: BudgetStatus };
  /** The campaign's revenue lines, if any. */
  readonly revenue: VarianceFigures | null;
  /** Every threshold alert, line scopes first. */
  readonly alerts: readonly BudgetAlert[];
}

/** The worse of two statuses. */
export function worst(a: BudgetStatus, b: BudgetStatus): BudgetStatus {
  const rank = { ok: 0, warn: 1, block: 2 } as const;
  return rank[b] > rank[a] ? b : a;
}

/**
 * The budget summary of one campaign: per category planned, committed, actual, forecast, variance,
 * variance % and a status from the threshold policy (default {@link DEFAULT_THRESHOLDS}), plus
 * campaign totals. Cost and revenue are kept apart.
 *
 * @example
 * ```ts
 * // Materials: 30,000.00 planned, a 33,500.00 print order placed, nothing invoiced yet.
 * budgetSummary(tradeShow, { categories: { materials: { warn: 0.05, block: 0.1 } } }).categories[0];
 * // { category: 'materials', kind: 'cost', planned: 3000000, committed: 3350000, actual: 0,
 * //   forecast: 3350000, variance: -3000000, forecastVariance: 350000, status: 'block', … }
 * ```
 */
export function budgetSummary(state: BudgetStateInput, policy?: BudgetThresholdsInput): BudgetSummary {
  const budget = parseBudgetState(state);
  return summaryOf(budget, checkPolicy(budget, policy));
}

/** The summary of a checked budget under a parsed policy (shared with the portfolio). */
export function summaryOf(budget: CheckedBudget, policy: BudgetThresholds): BudgetSummary {
  const alerts = alertsOf(budget, policy);
  const variance = varianceOf(budget);
  const statusOf = (category: string): BudgetStatus =>
    alerts.filter((a) => a.scope !== 'campaign' && a.category === category).reduce<BudgetStatus>((s, a) => worst(s, a.level), 'ok');
  return {
    campaignId: variance.campaignId,
    currency: variance.currency,
    categories: variance.categories.map(({ lineIds: _ids, ...row }) => ({ ...row, status: row.kind === 'cost' ? statusOf(row.category) : 'ok' })),
    cost: { ...variance.cost, status: alerts.reduce<BudgetStatus>((s, a) => worst(s, a.level), 'ok') },
    revenue: variance.revenue,
    alerts,
  };
}
