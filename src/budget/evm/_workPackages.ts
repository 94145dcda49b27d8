import * as z from 'zod';
import type { ErrorIssue } from '../../core/errors.js';
import { allocateMinor, multiplyMinor } from '../../core/money.js';
import { validationError } from '../../core/validate.js';
import type { BudgetLineId } from '../../model/ids.js';
import { StageIdSchema, TaskIdSchema } from '../../model/ids.js';
import { IsoDateSchema, PercentSchema } from '../../model/primitives.js';
import { BudgetStateSchema, checkBudgetState } from '../budgetState.js';
import { spread, type PhasedAmount } from '../timePhase.js';

/** How earned value is measured. */
export const EARNED_VALUE_METHODS = ['percentComplete', 'physical', 'milestones'] as const;

/** A task as earned value needs it: where its budget is spread and how far it has got. */
export const EvmTaskSchema = z.object({
  /** Task id; budget lines and expenses name it in `taskId`. */
  id: TaskIdSchema,
  /** The process stage the task implements, for stage totals. */
  stageId: StageIdSchema.optional(),
  /** The task's working days in order, from the schedule. */
  workingDays: z.array(IsoDateSchema),
  /** Percent complete (0–100) at the status date; method `percentComplete`. */
  percentComplete: PercentSchema.optional(),
  /** Physical percent complete (0–100), as assessed; method `physical`. */
  physicalPercentComplete: PercentSchema.optional(),
  /** Weighted milestones; method `milestones` earns each one's share of the budget when done. */
  milestones: z
    .array(
      z.object({
        /** Label. */
        name: z.string().max(500).optional(),
        /** Relative weight (> 0). */
        weight: z.number().positive('a milestone weight must be positive').finite(),
        /** The day it was reached; not reached when absent. */
        doneOn: IsoDateSchema.optional(),
      }),
    )
    .default([]),
  /** Earlier progress readings, for the S-curve's earned value per period. */
  history: z
    .array(
      z.object({
        /** The day of the reading. */
        date: IsoDateSchema,
        /** Percent complete then. */
        percentComplete: PercentSchema.optional(),
        /** Physical percent complete then. */
        physicalPercentComplete: PercentSchema.optional(),
      }),
    )
    .default([]),
});
/** See {@link EvmTaskSchema}. */
export type EvmTask = z.input<typeof EvmTaskSchema>;

/** Inputs of the campaign's earned value. */
export const CampaignEvmInputSchema = z.object({
  /** The status date: PV and AC count everything up to and including it. */
  statusDate: IsoDateSchema,
  /** How EV is measured; `percentComplete` by default. */
  method: z.enum(EARNED_VALUE_METHODS).default('percentComplete'),
  /** The campaign's budget (lines with `taskId` are the tasks' budgets). */
  budget: BudgetStateSchema,
  /** The tasks that carry budget. */
  tasks: z.array(EvmTaskSchema),
});
/** See {@link CampaignEvmInputSchema}. */
export type CampaignEvmInput = z.input<typeof CampaignEvmInputSchema>;
type Parsed = z.output<typeof CampaignEvmInputSchema>;
type ParsedTask = z.output<typeof EvmTaskSchema>;

/** One task's budget, spread by day, with its actual costs. */
export interface WorkPackage {
  readonly task: ParsedTask;
  readonly bac: number;
  readonly daily: readonly PhasedAmount[];
  readonly actuals: readonly PhasedAmount[];
  readonly milestoneValues: readonly number[];
}

/** Cost lines and actuals no task carries; they are outside earned value and reported as such. */
export interface EvmExcluded {
  /** Cost lines without a task. */
  readonly lineIds: readonly BudgetLineId[];
  /** Their planned total. */
  readonly planned: number;
  /** Actual cost up to the status date charged to no task. */
  readonly actual: number;
}

function issue(path: (string | number)[], message: string): ErrorIssue {
  return { path, message, code: 'custom' };
}

/** Validates the cross-references and builds one work package per task. */
export function workPackages(input: Parsed): { packages: WorkPackage[]; excluded: EvmExcluded; currency: string } {
  const budget = checkBudgetState(input.budget, ['budget']);
  const { statusDate, method } = input;
  const issues: ErrorIssue[] = [];
  const byId = new Map<string, ParsedTask>();
  input.tasks.forEach((t, i) => {
    if (byId.has(t.id)) issues.push(issue(['tasks', i, 'id'], `duplicate task '${t.id}'`));
    byId.set(t.id, t);
    if (method === 'milestones' && t.milestones.length === 0) issues.push(issue(['tasks', i, 'milestones'], "method 'milestones' needs at least one weighted milestone"));
    t.milestones.forEach((m, k) => {
      if (m.doneOn !== undefined && m.doneOn > statusDate) issues.push(issue(['tasks', i, 'milestones', k, 'doneOn'], `reached after the status date ${statusDate}`));
    });
    t.history.forEach((h, k) => {
      if (h.date > statusDate) issues.push(issue(['tasks', i, 'history', k, 'date'], `a reading after the status date ${statusDate}`));
    });
  });
  const daily = new Map<string, PhasedAmount[]>();
  const excludedLines: BudgetLineId[] = [];
  let excludedPlanned = 0;
  budget.state.lines.forEach((line, i) => {
    if (line.kind !== 'cost') return;
    if (line.taskId === undefined) {
      excludedLines.push(line.id);
      excludedPlanned += line.planned;
      return;
    }
    const task = byId.get(line.taskId);
    if (task === undefined) {
      issues.push(issue(['budget', 'lines', i, 'taskId'], `task '${line.taskId}' is not in tasks; add it with its working days`));
      return;
    }
    const days = { days: ['tasks', input.tasks.indexOf(task), 'workingDays'], profile: ['budget', 'lines', i, 'phasing'] };
    daily.set(task.id, [...(daily.get(task.id) ?? []), ...spread(line.planned, task.workingDays, line.phasing ?? 'even', days)]);
  });
  const actuals = new Map<string, PhasedAmount[]>();
  let excludedActual = 0;
  budget.state.expenses.forEach((e, i) => {
    if (e.kind !== 'actual' || e.date > statusDate) return;
    const taskId = e.taskId ?? budget.lineOfExpense.get(e.id)?.taskId;
    if (taskId === undefined) excludedActual += e.amount;
    else if (!byId.has(taskId)) issues.push(issue(['budget', 'expenses', i, 'taskId'], `task '${taskId}' is not in tasks`));
    else actuals.set(taskId, [...(actuals.get(taskId) ?? []), { date: e.date, amount: e.amount }]);
  });
  if (issues.length > 0) throw validationError('earned-value input', issues);
  const packages = input.tasks.map((task) => {
    const days = daily.get(task.id) ?? [];
    const bac = days.reduce((sum, d) => sum + d.amount, 0);
    const milestoneValues = task.milestones.length === 0 ? [] : allocateMinor(bac, task.milestones.map((m) => m.weight));
    return { task, bac, daily: days, actuals: actuals.get(task.id) ?? [], milestoneValues };
  });
  return { packages, excluded: { lineIds: excludedLines, planned: excludedPlanned, actual: excludedActual }, currency: budget.state.campaign.currency };
}

/** Sum of amounts dated on or before `date`. */
export function upTo(amounts: readonly PhasedAmount[], date: string): number {
  return amounts.reduce((sum, a) => (a.date <= date ? sum + a.amount : sum), 0);
}

/**
 * Earned value of a package at `date` (at most the status date): the budget times the reading in
 * force then. The status-date reading on the task wins over history; no reading means 0 %.
 */
export function earnedAt(pkg: WorkPackage, method: Parsed['method'], date: string, statusDate: string): number {
  const { task, bac } = pkg;
  if (method === 'milestones') {
    return task.milestones.reduce((sum, m, k) => (m.doneOn !== undefined && m.doneOn <= date ? sum + (pkg.milestoneValues[k] ?? 0) : sum), 0);
  }
  const field = method === 'physical' ? 'physicalPercentComplete' : 'percentComplete';
  const current = date >= statusDate ? task[field] : undefined;
  const reading =
    current ??
    task.history
      .filter((h) => h.date <= date && h[field] !== undefined)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .at(-1)?.[field] ??
    0;
  // Percent / 100 as one exact fraction, so 33.3 % of the budget is not rounded twice.
  return multiplyMinor(bac, { numerator: reading, denominator: 100 });
}
