import * as z from 'zod';
import { parseInput, validationError } from '../core/validate.js';
import { ExpenseSchema, type BudgetThresholdsInput, type Expense, type ExpenseInput } from '../model/budget.js';
import { expenseIssues, parseBudgetState, type BudgetStateInput, type CheckedBudget } from './budgetState.js';
import { alertKey, alertsOf, checkPolicy, thresholdCrossings, type BudgetAlert } from './thresholds.js';

/** The verdict on a proposed expense. */
export type ExpenseCheck =
  | {
      /** The expense may be recorded. */
      readonly allowed: true;
      /** Every alert once the expense is recorded. */
      readonly alerts: readonly BudgetAlert[];
      /** Alerts the expense would newly raise or escalate (what to announce). */
      readonly crossed: readonly BudgetAlert[];
    }
  | {
      /** The policy rejects the expense. */
      readonly allowed: false;
      /** Why, in words, naming the scope and the level. */
      readonly reason: string;
      /** The blocking alerts the expense would cause or worsen. */
      readonly blocking: readonly BudgetAlert[];
      /** Every alert once the expense were recorded. */
      readonly alerts: readonly BudgetAlert[];
      /** Alerts the expense would newly raise or escalate. */
      readonly crossed: readonly BudgetAlert[];
    };

const ProposedSchema = z.object({
  /** The expense or commitment to check. */
  expense: ExpenseSchema,
});

function withExpense(budget: CheckedBudget, expense: Expense): CheckedBudget {
  const commitments = new Map(
    budget.state.expenses.filter((e) => e.kind === 'commitment').map((e) => [e.id, { expense: e, line: budget.lineOfExpense.get(e.id) }]),
  );
  const { issues, line } = expenseIssues(budget, expense, ['expense'], commitments);
  if (budget.state.expenses.some((e) => e.id === expense.id)) {
    issues.unshift({ path: ['expense', 'id'], message: `an expense '${expense.id}' is already recorded`, code: 'custom' });
  }
  if (issues.length > 0) throw validationError('expense', issues);
  const lineOfExpense = new Map(budget.lineOfExpense);
  if (line !== undefined) lineOfExpense.set(expense.id, line);
  return { ...budget, state: { ...budget.state, expenses: [...budget.state.expenses, expense] }, lineOfExpense };
}

/**
 * Decides whether a new expense or commitment may be recorded, without changing anything: the
 * budget is evaluated as if the expense were added, and the expense is rejected when the policy's
 * `onBlock` is `reject` (the default) and it would push a line, category or the campaign past a
 * blocking level — or further past one already crossed. An invoice that only settles an order
 * already counted (same amount, `commitmentId`) moves no total, so it is never rejected.
 *
 * Bad input (unknown category, another currency, a date outside the campaign, a float amount)
 * throws `VALIDATION` naming the field under `expense`.
 *
 * @example
 * ```ts
 * const state = {
 *   campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
 *   lines: [{ id: 'venue', campaignId: 'expo', category: 'venue', planned: 100_000_00, currency: 'CNY' }],
 * };
 * checkExpense(undefined, state,
 *   { id: 'po-1', campaignId: 'expo', category: 'venue', kind: 'commitment', amount: 112_000_00, currency: 'CNY', date: '2026-04-03' });
 * // { allowed: false,
 * //   reason: 'Rejected: venue: actual + committed 112000.00 CNY is 12.0 % over planned 100000.00 (block above 10.0 %); venue: forecast …',
 * //   blocking: [venue committed, venue forecast, campaign committed, campaign forecast], … }
 * ```
 */
export function checkExpense(policy: BudgetThresholdsInput | undefined, state: BudgetStateInput, expense: ExpenseInput): ExpenseCheck {
  const budget = parseBudgetState(state);
  const rules = checkPolicy(budget, policy);
  // Wrapped so zod's paths read `expense.amount`, matching the cross-field checks below.
  const proposed = parseInput(ProposedSchema, { expense }, 'expense').expense;
  const after = withExpense(budget, proposed);
  const alertsBefore = alertsOf(budget, rules);
  const alertsAfter = alertsOf(after, rules);
  const crossed = thresholdCrossings(alertsBefore, alertsAfter);
  const amountBefore = new Map(alertsBefore.map((a) => [alertKey(a), a.amount]));
  const blocking = alertsAfter.filter((a) => {
    if (a.level !== 'block' || a.direction !== 'over') return false;
    const was = amountBefore.get(alertKey(a));
    return was === undefined || a.amount > was;
  });
  if (rules.onBlock === 'reject' && blocking.length > 0) {
    return { allowed: false, reason: `Rejected: ${blocking.map((a) => a.message).join('; ')}`, blocking, alerts: alertsAfter, crossed };
  }
  return { allowed: true, alerts: alertsAfter, crossed };
}
