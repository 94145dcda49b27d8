import * as z from 'zod';
import { budgetSummary, type BudgetSummary } from '../budget/budgetSummary.js';
import type { PortfolioSummary } from '../budget/portfolioSummary.js';
import type { ExchangeRates } from '../core/money.js';
import { budgetStateOf, portfolioOf } from './_budgetQueries.js';
import { requestExpenseCommand } from './_expenseRequests.js';
import { BudgetApprovalPolicySchema, type BudgetApprovalPolicyInput } from '../workflow/approvals/budgetApprovalFor.js';
import type { Approval } from '../model/approval.js';
import { kpiEffect, type KpiChange } from './_kpiEffect.js';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { MemberId } from '../model/ids.js';
import { sameJson } from './_sameJson.js';
import {
  BudgetLineSchema,
  BudgetThresholdsSchema,
  CostCategorySchema,
  ExpenseSchema,
  type BudgetLine,
  type BudgetLineInput,
  type BudgetThresholds,
  type BudgetThresholdsInput,
  type Expense,
  type ExpenseInput,
} from '../model/budget.js';
import { BudgetLineIdSchema, CampaignIdSchema, ExpenseIdSchema } from '../model/ids.js';
import type { Page } from '../store/storageAdapter.js';
import { budgetEffect, loadBudget, type MoneyChange } from './_budgetEffect.js';
import { changesSchema, PageOptionsSchema, WriteOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from './_entityCommands.js';
import { assertCanList, readOne, readPage } from './_reader.js';
import { resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import type { Changes, PageOptions, UpdateOptions } from './serviceTypes.js';

/** A new budget line, `id` optional. */
export type NewBudgetLine = Omit<BudgetLineInput, 'id'> & { readonly id?: string };
/** Changes to a budget line; `null` clears an optional field. */
export type BudgetLineChanges = Changes<Omit<BudgetLineInput, 'id' | 'campaignId'>>;
/** A new expense or commitment, `id` optional. */
export type NewExpense = Omit<ExpenseInput, 'id'> & { readonly id?: string };

/** A campaign's threshold policy, host categories and budget approval policy. */
export interface BudgetSettings {
  /** Threshold policy; absent means the default (warn above +5 %, block above +10 %). */
  readonly thresholds?: BudgetThresholdsInput;
  /** Host-defined cost categories besides the built-in ones. */
  readonly categories?: readonly string[];
  /**
   * Which expense requests need an approval and by whom (`budgetApprovalFor`'s policy); approver
   * roles are matched against the member directory's departments and role grants.
   */
  readonly approvalPolicy?: BudgetApprovalPolicyInput;
}

/** What {@link BudgetService.requestExpense} did: recorded the expense, or opened its approval. */
export interface ExpenseRequestResult {
  /** The expense, when no approval was needed and it was recorded at once. */
  readonly expense: Expense | null;
  /** The budget approval it now waits for, submitted; `null` when recorded at once. */
  readonly approval: Approval | null;
}

/** Filters and paging of the budget lists. */
export interface BudgetListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
  /** Only this category. */
  readonly category?: string;
}

/** What {@link BudgetService.updateExpense} may change; `null` clears an optional field. */
export type ExpenseCorrection = Changes<Pick<ExpenseInput, 'amount' | 'category' | 'date' | 'budgetLineId' | 'taskId' | 'vendor' | 'description' | 'reference'>>;

/** Why a recorded expense is corrected or voided, and optionally the version it must still be at. */
export interface ReasonOptions extends UpdateOptions {
  /** Why; kept with the expense. */
  readonly reason: string;
}

/** Options of {@link BudgetService.portfolio}. */
export interface PortfolioQueryOptions {
  /** The currency the portfolio is reported in. */
  readonly currency: string;
  /** Rates for campaigns kept in other currencies; required only when there are some. */
  readonly rates?: ExchangeRates;
  /** The campaigns to sum; every campaign whose budget the actor may read when absent. */
  readonly campaignIds?: readonly string[];
}

/**
 * Budget lines, expenses and threshold policies. Every command checks the whole budget again,
 * announces thresholds it makes the campaign cross (`budget.thresholdCrossed`) and is serialized
 * per campaign, so two expenses cannot each pass a limit that together they break.
 */
export interface BudgetService {
  /** Adds a budget line (`budget.write`). */
  createLine(input: NewBudgetLine): Promise<BudgetLine>;
  /** Changes a budget line (`budget.write`). */
  updateLine(id: string, changes: BudgetLineChanges, options?: UpdateOptions): Promise<BudgetLine>;
  /** Deletes a budget line no expense is charged to (`budget.write`). */
  deleteLine(id: string, options?: UpdateOptions): Promise<void>;
  /**
   * Records an expense or commitment (`budget.write`). One that the policy blocks is refused with
   * `LIMIT_EXCEEDED` (its message names the line, category or campaign and the level) and nothing
   * is stored.
   *
   * @example
   * ```ts
   * await workspace.budgets.recordExpense({ campaignId: 'launch', category: 'venue', kind: 'commitment', amount: 107_000_00, currency: 'CNY', date: '2026-03-03' });
   * // stored; events 'expense.recorded' and 'budget.thresholdCrossed' (venue warn above 5 %)
   * ```
   */
  recordExpense(input: NewExpense): Promise<Expense>;
  /**
   * Corrects a recorded expense (`budget.write`): its amount, category, date, line, task, vendor,
   * description or reference. The reason is kept in the expense's `corrections` and the audit
   * shows old → new; thresholds and KPIs are evaluated again. A voided expense cannot be corrected.
   *
   * @example
   * ```ts
   * await workspace.budgets.updateExpense('inv-7', { amount: 12_000_00 }, { reason: 'Invoice amount was mistyped' });
   * // { id: 'inv-7', amount: 1200000, corrections: [{ at: '…', by: 'm-qian', reason: 'Invoice amount was mistyped', fields: ['amount'] }], … }
   * ```
   */
  updateExpense(id: string, changes: ExpenseCorrection, options: ReasonOptions): Promise<Expense>;
  /**
   * Voids a recorded expense (`budget.write`): it stays, with who voided it, when and why, but
   * counts in no total, threshold, earned value or KPI from then on. Expenses are never deleted.
   */
  voidExpense(id: string, options: ReasonOptions): Promise<Expense>;
  /**
   * Asks to spend (`budget.write`): an expense or commitment whose amount passes a threshold of the
   * campaign's `approvalPolicy` waits behind a submitted budget approval (an `expenseRequest`), and
   * the decision that approves it last records it in the same command; a rejection or cancellation
   * records nothing. Below every threshold, or with no policy, it is recorded at once.
   *
   * @example
   * ```ts
   * const { approval } = await workspace.budgets.requestExpense({ id: 'booth', campaignId: 'expo', category: 'venue', kind: 'commitment', amount: 80_000_00, currency: 'CNY', date: '2026-03-10' });
   * await workspace.withActor(finance).approvals.decide(approval.id, { decision: 'approved' }); // 'booth' is recorded now
   * ```
   */
  requestExpense(input: NewExpense): Promise<ExpenseRequestResult>;
  /** Sets a campaign's threshold policy and categories (`budget.write`). */
  setThresholds(campaignId: string, settings: BudgetSettings): Promise<BudgetThresholds | undefined>;
  /** One budget line (`budget.read`). */
  getLine(id: string): Promise<BudgetLine>;
  /** A campaign's budget lines (`budget.read`). */
  listLines(options: BudgetListOptions): Promise<Page<BudgetLine>>;
  /** One expense (`budget.read`). */
  getExpense(id: string): Promise<Expense>;
  /** A campaign's expenses and commitments (`budget.read`). */
  listExpenses(options: BudgetListOptions): Promise<Page<Expense>>;
  /** The campaign's budget summary per category with statuses from its policy (`budget.read`). */
  summary(campaignId: string): Promise<BudgetSummary>;
  /**
   * `portfolioSummary` over several campaigns in one currency (`budget.read` on each): the
   * campaigns named, or every campaign whose budget the actor may read. A named campaign the actor
   * may not read is refused; the others are simply left out.
   *
   * @example
   * ```ts
   * await workspace.budgets.portfolio({ currency: 'CNY', rates: { date: '2026-03-31', base: 'CNY', rates: { USD: 0.14 } } });
   * // { currency: 'CNY', rateDate: '2026-03-31', campaigns: [{ campaignId: 'expo', ... }, ...], cost: { planned: ..., status: 'ok' }, ... }
   * ```
   */
  portfolio(options: PortfolioQueryOptions): Promise<PortfolioSummary>;
}

function moneySpec<T extends 'budgetLine' | 'expense'>(type: T): Pick<EntitySpec<T>, 'before' | 'effect'> {
  return {
    before: async (session, campaignId) => {
      if (campaignId !== null) await loadBudget(session, campaignId);
    },
    effect: async (session, { before, after }) => {
      const campaignId = (after ?? before)?.campaignId;
      if (campaignId === undefined) return;
      budgetEffect(session, campaignId, { type, before, after } as MoneyChange);
      // Actual expenses are the spend of KPIs that read it.
      if (type === 'expense') await kpiEffect(session, campaignId, { type: 'expense', before, after } as KpiChange);
    },
  };
}

const LINE: EntitySpec<'budgetLine'> = {
  type: 'budgetLine',
  schema: BudgetLineSchema,
  changes: changesSchema(BudgetLineSchema.shape, { id: 'a budget line keeps its id', campaignId: 'a budget line cannot move to another campaign' }),
  commands: { create: 'budget.createLine', update: 'budget.updateLine', delete: 'budget.deleteLine' },
  permission: 'budget.write',
  references: { taskId: 'task' },
  created: (session, line) => session.emit('budget.lineCreated', { type: 'budgetLine', id: line.id }, { line }),
  updated: (session, line, fields) => session.emit('budget.lineUpdated', { type: 'budgetLine', id: line.id }, { line, fields }),
  deleted: (session, line) => session.emit('budget.lineDeleted', { type: 'budgetLine', id: line.id }, { lineId: line.id }),
  ...moneySpec('budgetLine'),
};

export const EXPENSE: EntitySpec<'expense'> = {
  type: 'expense',
  schema: ExpenseSchema,
  changes: z.strictObject({}),
  commands: { create: 'budget.recordExpense', update: 'budget.updateExpense', delete: 'budget.deleteExpense' },
  permission: 'budget.write',
  references: { taskId: 'task', budgetLineId: 'budgetLine' },
  created: (session, expense) => session.emit('expense.recorded', { type: 'expense', id: expense.id }, { expense }),
  updated: (session, expense, fields) =>
    expense.voidedAt !== undefined && fields.includes('voidedAt')
      ? session.emit('expense.voided', { type: 'expense', id: expense.id }, { expense })
      : session.emit('expense.corrected', { type: 'expense', id: expense.id }, { expense, fields }),
  deleted: () => undefined,
  ...moneySpec('expense'),
};

/** What a correction may change: the facts of the expense, not its kind, currency or links to an invoice. */
const CORRECTABLE = ['amount', 'category', 'date', 'budgetLineId', 'taskId', 'vendor', 'description', 'reference'] as const;
const EXPENSE_CORRECTION: EntitySpec<'expense'> = {
  ...EXPENSE,
  changes: changesSchema(
    Object.fromEntries(CORRECTABLE.map((key) => [key, ExpenseSchema.shape[key]])),
    {},
  ),
};
const EXPENSE_VOID: EntitySpec<'expense'> = { ...EXPENSE_CORRECTION, commands: { ...EXPENSE.commands, update: 'budget.voidExpense' } };
const ReasonSchema = WriteOptionsSchema.extend({
  /** Why. */
  reason: z.string().trim().min(1, 'say why').max(2000),
});

function notVoided(expense: Expense): void {
  if (expense.voidedAt !== undefined) {
    throw new CampaignKitError('INVALID_STATE', `Expense '${expense.id}' was voided at ${expense.voidedAt}; record a new one instead`, { details: { ids: [expense.id] } });
  }
}

const SettingsSchema = z.strictObject({
  /** Approval policy. */
  approvalPolicy: BudgetApprovalPolicySchema.optional(),
  /** Policy. */
  thresholds: BudgetThresholdsSchema.optional(),
  /** Categories. */
  categories: z.array(CostCategorySchema).max(200).optional(),
});
const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Category. */
  category: CostCategorySchema.optional(),
});

/** Builds the budget service of a workspace. */
export function createBudgetService(ctx: WorkspaceContext): BudgetService {
  return {
    createLine: async (input) => createEntity(ctx, LINE, input),
    updateLine: async (id, changes, options) => updateEntity(ctx, LINE, parseInput(BudgetLineIdSchema, id, 'budget line id'), changes, options),
    deleteLine: async (id, options) => deleteEntity(ctx, LINE, parseInput(BudgetLineIdSchema, id, 'budget line id'), options),
    recordExpense: async (input) => createEntity(ctx, EXPENSE, input),
    requestExpense: async (input) => requestExpenseCommand(ctx, input),
    async updateExpense(id, changes, options) {
      const expenseId = parseInput(ExpenseIdSchema, id, 'expense id');
      const { reason, expectedVersion } = parseInput(ReasonSchema, options, 'correction options');
      return updateEntity(ctx, EXPENSE_CORRECTION, expenseId, changes, expectedVersion === undefined ? {} : { expectedVersion }, (before, after, session) => {
        notVoided(before);
        const fields = CORRECTABLE.filter((key) => !sameJson(before[key], after[key]));
        if (fields.length === 0) return before;
        return { ...after, corrections: [...before.corrections, { at: session.at, by: ctx.actor.id as MemberId, reason, fields }] };
      });
    },
    async voidExpense(id, options) {
      const expenseId = parseInput(ExpenseIdSchema, id, 'expense id');
      const { reason, expectedVersion } = parseInput(ReasonSchema, options, 'void options');
      return updateEntity(ctx, EXPENSE_VOID, expenseId, {}, expectedVersion === undefined ? {} : { expectedVersion }, (before, after, session) => {
        notVoided(before);
        return { ...after, voidedAt: session.at, voidedBy: ctx.actor.id as MemberId, voidReason: reason };
      });
    },

    async setThresholds(id, settings) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      const parsed = parseInput(SettingsSchema, settings, 'budget settings');
      return runCommand(ctx, { name: 'budget.setThresholds', target: { type: 'budget', id: campaignId } }, async (session) => {
        const campaign = await session.require('campaign', campaignId);
        session.authorize('budget.write', resourceOf('campaign', campaign));
        await loadBudget(session, campaignId);
        const previous = session.get('budget', campaignId);
        session.change((state) => {
          const doc = (state.budget[campaignId] ??= { campaignId: campaign.id, categories: [], revision: 0 });
          if (parsed.thresholds !== undefined) doc.thresholds = parsed.thresholds;
          if (parsed.categories !== undefined) doc.categories = parsed.categories;
          if (parsed.approvalPolicy !== undefined) doc.approvalPolicy = parsed.approvalPolicy;
        });
        budgetEffect(session, campaignId, undefined, previous?.thresholds);
        const thresholds = session.get('budget', campaignId)?.thresholds;
        if (thresholds !== undefined) session.emit('budget.thresholdsSet', { type: 'budget', id: campaignId }, { thresholds });
        return thresholds;
      });
    },

    getLine: async (id) => readOne(ctx, 'budgetLine', parseInput(BudgetLineIdSchema, id, 'budget line id')),
    async listLines(options) {
      const { category, ...query } = parseInput(ListSchema, options, 'budget list options');
      assertCanList(ctx, 'budgetLine', query.campaignId);
      return readPage<'budgetLine'>(ctx, { type: 'budgetLine', ...query, ...(category === undefined ? {} : { where: (l) => l.category === category }) });
    },
    getExpense: async (id) => readOne(ctx, 'expense', parseInput(ExpenseIdSchema, id, 'expense id')),
    async listExpenses(options) {
      const { category, ...query } = parseInput(ListSchema, options, 'budget list options');
      assertCanList(ctx, 'expense', query.campaignId);
      return readPage<'expense'>(ctx, { type: 'expense', ...query, ...(category === undefined ? {} : { where: (e) => e.category === category }) });
    },

    async summary(id) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      assertCanList(ctx, 'budgetLine', campaignId);
      const { state, thresholds } = await budgetStateOf(ctx, campaignId);
      return budgetSummary(state, thresholds);
    },

    portfolio: async (options) => portfolioOf(ctx, options),
  };
}
