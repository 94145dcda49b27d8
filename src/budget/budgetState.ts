import * as z from 'zod';
import type { ErrorIssue } from '../core/errors.js';
import { CurrencySchema } from '../core/money.js';
import { parseInput, validationError } from '../core/validate.js';
import { BudgetLineSchema, COST_CATEGORIES, CostCategorySchema, ExpenseSchema, type BudgetLine, type Expense } from '../model/budget.js';
import { CampaignIdSchema } from '../model/ids.js';
import { IsoDateSchema } from '../model/primitives.js';

/**
 * The budget of one campaign as the engine sees it: the campaign's currency and dates, the host's
 * extra cost categories, the budget lines and the expenses (commitments and actuals).
 */
export const BudgetStateSchema = z.object({
  /** The campaign: a stored `Campaign` can be passed as is (other keys are ignored). */
  campaign: z.object({
    /** Campaign id; every line and expense must belong to it. */
    id: CampaignIdSchema,
    /** Currency of the campaign's budget; every line and expense must be in it. */
    currency: CurrencySchema,
    /** First day of the campaign; no expense may be dated before it. */
    plannedStart: IsoDateSchema,
    /** Last day of the campaign; no expense may be dated after it. Open-ended when absent. */
    plannedFinish: IsoDateSchema.optional(),
  }),
  /** Host-defined cost categories, in addition to the built-in ones. */
  categories: z.array(CostCategorySchema).default([]),
  /** The budget lines. */
  lines: z.array(BudgetLineSchema),
  /** Commitments and actual expenses. */
  expenses: z.array(ExpenseSchema).default([]),
});
/** A campaign's budget, as accepted on input. */
export type BudgetStateInput = z.input<typeof BudgetStateSchema>;
/** A campaign's budget, parsed. */
export type BudgetState = z.output<typeof BudgetStateSchema>;

/** A budget that passed every check, with each expense resolved to its line. */
export interface CheckedBudget {
  /** The parsed state. */
  readonly state: BudgetState;
  /** Lines by id. */
  readonly lines: ReadonlyMap<string, BudgetLine>;
  /** The line each expense is charged to, by expense id. */
  readonly lineOfExpense: ReadonlyMap<string, BudgetLine>;
  /** Every known category: the built-in ones, then the host's. */
  readonly categories: readonly string[];
}

type Path = readonly (string | number)[];

function issue(path: Path, message: string): ErrorIssue {
  return { path, message, code: 'custom' };
}

/**
 * Checks one expense against a budget whose lines are known, returning the problems and the line
 * the expense is charged to. Shared by whole-budget checks and by `checkExpense`.
 */
export function expenseIssues(
  budget: Pick<CheckedBudget, 'state' | 'lines' | 'categories'>,
  expense: Expense,
  path: Path,
  commitments: ReadonlyMap<string, { expense: Expense; line: BudgetLine | undefined }>,
): { issues: ErrorIssue[]; line: BudgetLine | undefined } {
  const { campaign, lines } = budget.state;
  const issues: ErrorIssue[] = [];
  if (expense.campaignId !== campaign.id) {
    issues.push(issue([...path, 'campaignId'], `belongs to campaign '${expense.campaignId}', not '${campaign.id}'`));
  }
  if (expense.currency !== campaign.currency) {
    issues.push(issue([...path, 'currency'], `mixed currencies: the expense is in ${expense.currency} but the budget is in ${campaign.currency}; convert it first`));
  }
  if (!budget.categories.includes(expense.category)) {
    issues.push(issue([...path, 'category'], `unknown category '${expense.category}'; add it to categories or use one of ${budget.categories.join(', ')}`));
  }
  if (expense.date < campaign.plannedStart || (campaign.plannedFinish !== undefined && expense.date > campaign.plannedFinish)) {
    const period = `${campaign.plannedStart} – ${campaign.plannedFinish ?? '(open)'}`;
    issues.push(issue([...path, 'date'], `${expense.date} is outside the campaign (${period})`));
  }
  let line: BudgetLine | undefined;
  if (expense.budgetLineId !== undefined) {
    line = budget.lines.get(expense.budgetLineId);
    if (line === undefined) issues.push(issue([...path, 'budgetLineId'], `no budget line '${expense.budgetLineId}'`));
    else if (line.category !== expense.category) {
      issues.push(issue([...path, 'category'], `'${expense.category}' does not match the line's category '${line.category}'`));
    }
  } else {
    const candidates = lines.filter((l) => l.category === expense.category);
    if (candidates.length === 1) line = candidates[0];
    else {
      const why = candidates.length === 0 ? `no budget line has category '${expense.category}'; add one (planned 0 for unplanned spend)` : `${candidates.length} lines have category '${expense.category}'; name one`;
      issues.push(issue([...path, 'budgetLineId'], why));
    }
  }
  if (expense.commitmentId !== undefined) {
    const commitment = commitments.get(expense.commitmentId);
    if (commitment === undefined) issues.push(issue([...path, 'commitmentId'], `no commitment '${expense.commitmentId}' in this budget`));
    else if (line !== undefined && commitment.line !== undefined && commitment.line.id !== line.id) {
      issues.push(issue([...path, 'commitmentId'], `the commitment is charged to line '${commitment.line.id}', the invoice to '${line.id}'`));
    }
  }
  return { issues, line };
}

/**
 * Cross-field checks a schema cannot express: lines and expenses belong to the campaign, share its
 * currency, use known categories, are dated inside it, and each expense resolves to one line.
 * Throws one `VALIDATION` error listing every problem with its path (prefixed by `prefix`).
 */
export function checkBudgetState(state: BudgetState, prefix: Path = []): CheckedBudget {
  const categories = [...COST_CATEGORIES, ...state.categories.filter((c) => !(COST_CATEGORIES as readonly string[]).includes(c))];
  const issues: ErrorIssue[] = [];
  const lines = new Map<string, BudgetLine>();
  state.lines.forEach((line, i) => {
    const path = [...prefix, 'lines', i];
    if (lines.has(line.id)) issues.push(issue([...path, 'id'], `duplicate line id '${line.id}'`));
    lines.set(line.id, line);
    if (line.campaignId !== state.campaign.id) issues.push(issue([...path, 'campaignId'], `belongs to campaign '${line.campaignId}', not '${state.campaign.id}'`));
    if (line.currency !== state.campaign.currency) {
      issues.push(issue([...path, 'currency'], `mixed currencies: the line is in ${line.currency} but the budget is in ${state.campaign.currency}; convert it first`));
    }
    if (!categories.includes(line.category)) issues.push(issue([...path, 'category'], `unknown category '${line.category}'; add it to categories or use one of ${categories.join(', ')}`));
  });
  const budget = { state, lines, categories };
  const commitments = new Map<string, { expense: Expense; line: BudgetLine | undefined }>();
  const lineOfExpense = new Map<string, BudgetLine>();
  const seen = new Set<string>();
  // Commitments first, so an invoice may be listed before the order it settles. A voided expense
  // counts nowhere: it is kept only as a record of what was entered and why it was withdrawn.
  const order = state.expenses.map((e, i) => ({ e, i })).filter(({ e }) => e.voidedAt === undefined).sort((a, b) => Number(a.e.kind === 'actual') - Number(b.e.kind === 'actual'));
  for (const { e, i } of order) {
    const path = [...prefix, 'expenses', i];
    if (seen.has(e.id)) issues.push(issue([...path, 'id'], `duplicate expense id '${e.id}'`));
    seen.add(e.id);
    const result = expenseIssues(budget, e, path, commitments);
    issues.push(...result.issues);
    if (result.line !== undefined) lineOfExpense.set(e.id, result.line);
    if (e.kind === 'commitment') commitments.set(e.id, { expense: e, line: result.line });
  }
  if (issues.length > 0) {
    issues.sort((a, b) => comparePaths(a.path, b.path));
    throw validationError('budget', issues);
  }
  return { state: { ...state, expenses: state.expenses.filter((e) => e.voidedAt === undefined) }, lines, lineOfExpense, categories };
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Parses and checks a budget; throws `VALIDATION` naming every bad field.
 *
 * @example
 * ```ts
 * parseBudgetState({
 *   campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
 *   lines: [{ id: 'venue', campaignId: 'expo', category: 'venue', planned: 100_000_00, currency: 'CNY' }],
 *   expenses: [{ id: 'e1', campaignId: 'expo', category: 'venue', kind: 'actual', amount: 1, currency: 'CNY', date: '2026-05-02' }],
 * });
 * // throws VALIDATION "Invalid budget: expenses[0].date: 2026-05-02 is outside the campaign (2026-04-01 – 2026-04-30)"
 * ```
 */
export function parseBudgetState(input: BudgetStateInput): CheckedBudget {
  return checkBudgetState(parseInput(BudgetStateSchema, input, 'budget'));
}
