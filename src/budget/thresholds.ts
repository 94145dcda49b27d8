import * as z from 'zod';
import type { ErrorIssue } from '../core/errors.js';
import { multiplyMinor, toDecimalString } from '../core/money.js';
import { parseInput, validationError } from '../core/validate.js';
import {
  BudgetThresholdsSchema,
  type BudgetThresholds,
  type BudgetThresholdsInput,
  type ThresholdLevels,
} from '../model/budget.js';
import type { BudgetLineId, CampaignId } from '../model/ids.js';
import { parseBudgetState, type BudgetStateInput, type CheckedBudget } from './budgetState.js';
import { totalsOf, type LineTotals } from './lineTotals.js';

/**
 * The policy used when the host gives none: warn above +5 % and block above +10 %, for the
 * campaign and for every category.
 */
export const DEFAULT_THRESHOLDS: BudgetThresholds = Object.freeze({
  campaign: Object.freeze({ warn: 0.05, block: 0.1 }),
  defaultCategory: Object.freeze({ warn: 0.05, block: 0.1 }),
  categories: Object.freeze({}),
  lines: Object.freeze({}),
  onBlock: 'reject',
});

/** A threshold crossed by one line, category or the campaign, on one basis. */
export interface BudgetAlert {
  /** `warn` or `block`; only the highest level crossed is reported. */
  readonly level: 'warn' | 'block';
  /** `over` planned, or `under` it (an unused budget, forecast basis only). */
  readonly direction: 'over' | 'under';
  /** `committed` = actual + open commitments; `forecast` = estimate at completion. */
  readonly basis: 'committed' | 'forecast';
  /** What was measured. */
  readonly scope: 'line' | 'category' | 'campaign';
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** The category (scopes `line` and `category`). */
  readonly category?: string;
  /** The line (scope `line`). */
  readonly lineId?: BudgetLineId;
  /** Currency of the amounts. */
  readonly currency: string;
  /** Planned amount of the scope, minor units. */
  readonly planned: number;
  /** The measured amount (actual + committed, or forecast), minor units. */
  readonly amount: number;
  /** The level crossed, as a fraction of planned (0.1 = 10 %). */
  readonly threshold: number;
  /** The last amount within the level (over) or the first amount within it (under). */
  readonly limit: number;
  /** (amount − planned) / planned, comparable with `threshold`; `null` when planned is zero. */
  readonly ratio: number | null;
  /** Why `ratio` is `null`, when it is. */
  readonly reason?: string;
  /** One line for people, e.g. "venue: actual + committed 115000.00 CNY is 15.0 % over planned 100000.00 (block above 10 %)". */
  readonly message: string;
}

interface Scope {
  readonly scope: BudgetAlert['scope'];
  readonly label: string;
  readonly category?: string;
  readonly lineId?: BudgetLineId;
  readonly levels: ThresholdLevels | undefined;
  readonly planned: number;
  readonly committed: number;
  readonly forecast: number;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

function alertFor(budget: CheckedBudget, s: Scope, basis: BudgetAlert['basis']): BudgetAlert | undefined {
  const levels = s.levels;
  if (levels === undefined) return undefined;
  const amount = basis === 'committed' ? s.committed : s.forecast;
  const { planned } = s;
  // amount > planned × (1 + t)  ⇔  amount > planned + ⌊planned × t⌋, exact in integers.
  const overLimit = (t: number) => planned + multiplyMinor(planned, t, 'floor');
  let level: BudgetAlert['level'] | undefined;
  let direction: BudgetAlert['direction'] = 'over';
  let threshold = 0;
  let limit = 0;
  if (levels.block !== undefined && amount > overLimit(levels.block)) [level, threshold, limit] = ['block', levels.block, overLimit(levels.block)];
  else if (levels.warn !== undefined && amount > overLimit(levels.warn)) [level, threshold, limit] = ['warn', levels.warn, overLimit(levels.warn)];
  else if (basis === 'forecast' && levels.under !== undefined && amount < planned - multiplyMinor(planned, levels.under, 'floor')) {
    [level, direction, threshold, limit] = ['warn', 'under', levels.under, planned - multiplyMinor(planned, levels.under, 'floor')];
  }
  if (level === undefined) return undefined;
  const currency = budget.state.campaign.currency;
  const ratio = planned === 0 ? null : (amount - planned) / planned;
  const measured = basis === 'committed' ? 'actual + committed' : 'forecast';
  const money = (minor: number) => toDecimalString({ amount: minor, currency });
  const how = ratio === null ? 'against nothing planned' : `${percent(Math.abs(ratio))} ${direction} planned ${money(planned)}`;
  return {
    level,
    direction,
    basis,
    scope: s.scope,
    campaignId: budget.state.campaign.id,
    ...(s.category === undefined ? {} : { category: s.category }),
    ...(s.lineId === undefined ? {} : { lineId: s.lineId }),
    currency,
    planned,
    amount,
    threshold,
    limit,
    ratio,
    ...(ratio === null ? { reason: 'planned is zero, so any spend exceeds every level' } : {}),
    message: `${s.label}: ${measured} ${money(amount)} ${currency} is ${how} (${level} ${direction === 'over' ? 'above' : 'below'} ${percent(threshold)})`,
  };
}

function sumOf(totals: readonly LineTotals[]) {
  return totals.reduce(
    (acc, t) => ({ planned: acc.planned + t.planned, committed: acc.committed + t.actual + t.committed, forecast: acc.forecast + t.forecast }),
    { planned: 0, committed: 0, forecast: 0 },
  );
}

// Category and line ids are the host's: one named like an Object method ('constructor') must not
// pick up what the prototype holds.
function levelsFor(levels: Readonly<Record<string, ThresholdLevels>>, key: string): ThresholdLevels | undefined {
  return Object.hasOwn(levels, key) ? levels[key] : undefined;
}

/** Every alert of a checked budget under a parsed policy (shared by checks and reports). */
export function alertsOf(budget: CheckedBudget, policy: BudgetThresholds): BudgetAlert[] {
  // Thresholds guard spending, so only cost lines count; revenue over plan is good news.
  const costs = totalsOf(budget).filter((t) => t.kind === 'cost');
  const scopes: Scope[] = costs.map((t) => ({
    scope: 'line',
    label: `line ${t.lineId}${t.name === undefined ? '' : ` (${t.name})`}`,
    category: t.category,
    lineId: t.lineId,
    levels: levelsFor(policy.lines, t.lineId),
    planned: t.planned,
    committed: t.actual + t.committed,
    forecast: t.forecast,
  }));
  for (const category of budget.categories) {
    const members = costs.filter((t) => t.category === category);
    if (members.length === 0) continue;
    scopes.push({ scope: 'category', label: category, category, levels: levelsFor(policy.categories, category) ?? policy.defaultCategory, ...sumOf(members) });
  }
  scopes.push({ scope: 'campaign', label: `campaign ${budget.state.campaign.id}`, levels: policy.campaign, ...sumOf(costs) });
  return scopes.flatMap((s) => (['committed', 'forecast'] as const).flatMap((basis) => alertFor(budget, s, basis) ?? []));
}

/** Parses a policy and checks that its categories and lines exist in the budget. */
export function checkPolicy(budget: CheckedBudget, input: BudgetThresholdsInput | undefined, prefix: readonly (string | number)[] = []): BudgetThresholds {
  if (input === undefined) return DEFAULT_THRESHOLDS;
  const policy = parseInput(BudgetThresholdsSchema, input, 'threshold policy');
  const issues: ErrorIssue[] = [];
  for (const category of Object.keys(policy.categories)) {
    if (!budget.categories.includes(category)) issues.push({ path: [...prefix, 'categories', category], message: `unknown category '${category}'`, code: 'custom' });
  }
  for (const lineId of Object.keys(policy.lines)) {
    if (!budget.lines.has(lineId)) issues.push({ path: [...prefix, 'lines', lineId], message: `no budget line '${lineId}'`, code: 'custom' });
  }
  if (issues.length > 0) throw validationError('threshold policy', issues);
  return policy;
}

/**
 * Evaluates a threshold policy (default {@link DEFAULT_THRESHOLDS}) on every cost line, category
 * and the campaign, on two bases: actual + committed, and forecast. A level is crossed when the
 * amount is strictly more than planned × (1 + level), so exactly +5 % is still within "warn at 5 %";
 * `under` levels flag a forecast below planned × (1 − level). Each scope and basis reports only its
 * highest level crossed. Lines are checked only where the policy names them.
 *
 * @example
 * ```ts
 * evaluateThresholds(
 *   {
 *     campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
 *     lines: [{ id: 'venue', campaignId: 'expo', category: 'venue', planned: 100_000_00, currency: 'CNY' }],
 *     expenses: [{ id: 'po', campaignId: 'expo', category: 'venue', kind: 'commitment', amount: 107_000_00, currency: 'CNY', date: '2026-04-02' }],
 *   },
 *   { categories: { venue: { warn: 0.05, block: 0.1 } } },
 * );
 * // two alerts for category venue, level 'warn', amount 10700000, limit 10500000, ratio 0.07:
 * // one on basis 'committed', one on basis 'forecast' (the derived forecast rose with the order)
 * ```
 */
export function evaluateThresholds(state: BudgetStateInput, policy?: BudgetThresholdsInput): BudgetAlert[] {
  const budget = parseBudgetState(state);
  return alertsOf(budget, checkPolicy(budget, policy));
}

/** The fields of a {@link BudgetAlert} that {@link alertKey} and {@link thresholdCrossings} read; other fields are not checked. */
const AlertKeySchema = z.object({
  level: z.enum(['warn', 'block']),
  direction: z.enum(['over', 'under']),
  basis: z.enum(['committed', 'forecast']),
  scope: z.enum(['line', 'category', 'campaign']),
  campaignId: z.string(),
  category: z.string().optional(),
  lineId: z.string().optional(),
});
type AlertKeyFields = z.output<typeof AlertKeySchema>;
const CrossingsInputSchema = z.object({ before: z.array(AlertKeySchema), after: z.array(AlertKeySchema) });

function keyOf(alert: AlertKeyFields): string {
  const subject = alert.scope === 'line' ? alert.lineId : alert.scope === 'category' ? alert.category : alert.campaignId;
  return `${alert.scope}:${subject ?? ''}:${alert.basis}:${alert.direction}`;
}

/**
 * Identifies what an alert measures (scope, subject, basis, direction), so alerts from two
 * evaluations can be compared.
 *
 * @throws CampaignKitError `VALIDATION` (with the path) when `alert` lacks a field the key is made
 * of, or has one of the wrong kind.
 * @example
 * ```ts
 * alertKey({ scope: 'category', category: 'travel', basis: 'forecast', direction: 'over', … }); // 'category:travel:forecast:over'
 * ```
 */
export function alertKey(alert: BudgetAlert): string {
  return keyOf(parseInput(AlertKeySchema, alert, 'budget alert'));
}

/**
 * The alerts of `after` that are new or went up a level since `before`: the thresholds crossed by a
 * change, which a workspace announces as `budget.thresholdCrossed`. The alerts returned are those
 * of `after` themselves.
 *
 * @throws CampaignKitError `VALIDATION` (with the path, e.g. `['after', 2, 'level']`) when either
 * argument is not an array of alerts.
 * @example
 * ```ts
 * thresholdCrossings([], alertsNow);             // every alert is new
 * thresholdCrossings(alertsNow, alertsNow);      // []
 * thresholdCrossings([venueWarn], [venueBlock]); // [venueBlock] (escalated)
 * ```
 */
export function thresholdCrossings(before: readonly BudgetAlert[], after: readonly BudgetAlert[]): BudgetAlert[] {
  const checked = parseInput(CrossingsInputSchema, { before, after }, 'budget alerts');
  const previous = new Map(checked.before.map((a) => [keyOf(a), a.level]));
  // Return the caller's own alerts (every field intact), chosen by their checked key fields.
  return after.filter((_, i) => {
    const a = checked.after[i];
    if (a === undefined) return false;
    const was = previous.get(keyOf(a));
    return was === undefined || (was === 'warn' && a.level === 'block');
  });
}
