import type { MetricRegistry } from '../kpi/createMetricRegistry.js';
import type { Expense } from '../model/budget.js';
import type { KpiTarget, Measurement } from '../model/kpi.js';

/**
 * Money flowing into KPIs: a campaign's recorded actual expenses stand in for the money inputs of
 * its KPI formulas that no measurement reports. `cost` (ROI) and `marketing_cost` (CAC) are every
 * actual expense; `spend` (ROAS, CPA, CPL, CPC, CPM) only those in the workspace's spend
 * categories (`media` by default: ad spend). A host that reports an input in its measurements
 * (spend from the ad platform, say) keeps it: the two are never added together.
 */

/** The inputs expenses can stand in for, and whether all actuals count or only spend categories. */
const MONEY_INPUTS = { cost: 'all', marketing_cost: 'all', spend: 'spend' } as const;
type MoneyInput = keyof typeof MONEY_INPUTS;

/** Where a KPI input's values come from. */
export type InputSource = 'measurements' | 'expenses' | 'missing';

/** The measurements KPIs are computed from, and the inputs the expenses provided. */
export interface KpiInputs {
  readonly measurements: readonly Measurement[];
  readonly fromExpenses: ReadonlySet<string>;
  readonly reported: ReadonlySet<string>;
}

function isMoneyInput(name: string): name is MoneyInput {
  return Object.hasOwn(MONEY_INPUTS, name);
}

/** Whether any of the targets' metrics needs an input expenses can stand in for. */
export function needsRecordedSpend(targets: readonly Pick<KpiTarget, 'metric'>[], registry: MetricRegistry): boolean {
  return targets.some((t) => (registry.get(t.metric)?.requiredInputs ?? []).some(isMoneyInput));
}

/** The stored measurements plus one per actual expense carrying the money inputs no measurement reports. */
export function kpiInputs(measurements: readonly Measurement[], expenses: readonly Expense[], spendCategories: readonly string[]): KpiInputs {
  const reported = new Set(measurements.flatMap((m) => Object.keys(m.values)));
  const missing = (Object.keys(MONEY_INPUTS) as MoneyInput[]).filter((name) => !reported.has(name));
  const spend = new Set(spendCategories);
  const fromExpenses = new Set<string>();
  const derived: Measurement[] = [];
  for (const expense of expenses) {
    if (expense.kind !== 'actual' || expense.voidedAt !== undefined) continue;
    const values: Record<string, number> = {};
    for (const name of missing) {
      if (MONEY_INPUTS[name] === 'spend' && !spend.has(expense.category)) continue;
      values[name] = expense.amount;
      fromExpenses.add(name);
    }
    if (Object.keys(values).length === 0) continue;
    derived.push({ id: `expense:${expense.id}` as Measurement['id'], campaignId: expense.campaignId, date: expense.date, period: 'day', currency: expense.currency, values });
  }
  return { measurements: derived.length === 0 ? measurements : [...measurements, ...derived], fromExpenses, reported };
}

/** Where each input of a target's metric comes from. */
export function inputSources(target: KpiTarget, inputs: KpiInputs, registry: MetricRegistry): Record<string, InputSource> {
  const sources: Record<string, InputSource> = {};
  for (const name of registry.get(target.metric)?.requiredInputs ?? []) {
    sources[name] = inputs.reported.has(name) ? 'measurements' : inputs.fromExpenses.has(name) ? 'expenses' : 'missing';
  }
  return sources;
}
