import type { BudgetLine } from '../model/budget.js';

/** Whether a variance helps or hurts: for a cost, spending less is favourable; for revenue, earning more. */
export type VarianceDirection = 'favourable' | 'unfavourable' | 'on-plan';

/** The amounts being compared, in minor units. */
export interface Amounts {
  readonly planned: number;
  readonly committed: number;
  readonly actual: number;
  readonly forecast: number;
}

/** Amounts with their variances against planned. */
export interface VarianceFigures extends Amounts {
  /** planned − committed − actual. */
  readonly remaining: number;
  /** actual − planned. */
  readonly variance: number;
  /** variance / planned as a fraction (−0.1 = 10 % under); `null` when planned is zero. */
  readonly variancePercent: number | null;
  /** Whether `variance` is good or bad news for this kind of line. */
  readonly direction: VarianceDirection;
  /** forecast − planned. */
  readonly forecastVariance: number;
  /** forecastVariance / planned as a fraction; `null` when planned is zero. */
  readonly forecastVariancePercent: number | null;
  /** Whether `forecastVariance` is good or bad news for this kind of line. */
  readonly forecastDirection: VarianceDirection;
  /** Why a percentage is `null`, keyed by the field's name. */
  readonly reasons: { readonly variancePercent?: string; readonly forecastVariancePercent?: string };
}

export const ZERO: Amounts = { planned: 0, committed: 0, actual: 0, forecast: 0 };

export function addAmounts(a: Amounts, b: Amounts): Amounts {
  return {
    planned: a.planned + b.planned,
    committed: a.committed + b.committed,
    actual: a.actual + b.actual,
    forecast: a.forecast + b.forecast,
  };
}

function directionOf(variance: number, kind: BudgetLine['kind']): VarianceDirection {
  if (variance === 0) return 'on-plan';
  const over = variance > 0;
  return over === (kind === 'revenue') ? 'favourable' : 'unfavourable';
}

const NOTHING_PLANNED = 'planned is zero, so a percentage of it is undefined';

/** Variance figures for amounts of one kind (cost or revenue). */
export function figuresOf(amounts: Amounts, kind: BudgetLine['kind']): VarianceFigures {
  const { planned, committed, actual, forecast } = amounts;
  const variance = actual - planned;
  const forecastVariance = forecast - planned;
  return {
    planned,
    committed,
    actual,
    forecast,
    remaining: planned - committed - actual,
    variance,
    variancePercent: planned === 0 ? null : variance / planned,
    direction: directionOf(variance, kind),
    forecastVariance,
    forecastVariancePercent: planned === 0 ? null : forecastVariance / planned,
    forecastDirection: directionOf(forecastVariance, kind),
    reasons: planned === 0 ? { variancePercent: NOTHING_PLANNED, forecastVariancePercent: NOTHING_PLANNED } : {},
  };
}
