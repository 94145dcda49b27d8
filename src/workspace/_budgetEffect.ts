import { checkExpense } from '../budget/checkExpense.js';
import { evaluateThresholds, thresholdCrossings, type BudgetAlert } from '../budget/thresholds.js';
import type { BudgetStateInput } from '../budget/budgetState.js';
import { CampaignKitError, isCampaignKitError } from '../core/errors.js';
import type { BudgetThresholds, Expense } from '../model/budget.js';
import type { Campaign } from '../model/campaign.js';
import type { RecordData } from './_records.js';
import type { CommandSession } from './_session.js';

/** Loads what a budget command reads: the campaign, its budget document, lines and expenses. */
export async function loadBudget(session: CommandSession, campaignId: string): Promise<void> {
  await session.require('campaign', campaignId);
  await session.load('budget', [campaignId]);
  await session.loadCampaignTypes(['budgetLine', 'expense'], campaignId);
}

type MoneyRecord = RecordData<'budgetLine'> | RecordData<'expense'>;

/** One change of a line or expense, to see the budget as it was before it. */
export interface MoneyChange {
  readonly type: 'budgetLine' | 'expense';
  readonly before?: MoneyRecord;
  readonly after?: MoneyRecord;
}

function replaced<T extends { id: string }>(items: readonly T[], before: T | undefined, after: T | undefined): T[] {
  const id = (after ?? before)?.id;
  const rest = items.filter((item) => item.id !== id);
  return before === undefined ? rest : [...rest, before];
}

/** The budget engine's view of the campaign's money, optionally as it was before `change`. */
function budgetState(session: CommandSession, campaign: Campaign, change?: MoneyChange): BudgetStateInput {
  const doc = session.get('budget', campaign.id);
  let lines = session.all('budgetLine', campaign.id);
  let expenses = session.all('expense', campaign.id);
  if (change?.type === 'budgetLine') lines = replaced(lines, change.before as RecordData<'budgetLine'> | undefined, change.after as RecordData<'budgetLine'> | undefined);
  if (change?.type === 'expense') expenses = replaced(expenses, change.before as Expense | undefined, change.after as Expense | undefined);
  return { campaign, categories: doc?.categories ?? [], lines, expenses };
}

/** Alerts of a state the workspace stored earlier; one that no longer passes the checks has none to compare. */
function alertsOrNone(state: BudgetStateInput, thresholds: BudgetThresholds | undefined): BudgetAlert[] {
  try {
    return evaluateThresholds(state, thresholds);
  } catch (error) {
    if (isCampaignKitError(error, 'VALIDATION')) return [];
    throw error;
  }
}

/**
 * After a change of the campaign's money: checks the whole budget again (bad lines or expenses
 * throw `VALIDATION`), refuses a new expense that the policy blocks (`LIMIT_EXCEEDED`, naming the
 * level), announces every threshold newly crossed or escalated, and raises the budget document's
 * revision so that concurrent money commands on the campaign conflict instead of each deciding on
 * a budget without the other's change.
 *
 * `previousThresholds` is the policy before a `setThresholds` (default: the current one).
 */
export function budgetEffect(session: CommandSession, campaignId: string, change: MoneyChange | undefined, previousThresholds?: BudgetThresholds): void {
  const campaign = session.get('campaign', campaignId);
  if (campaign === undefined) return;
  const doc = session.get('budget', campaignId);
  const thresholds = doc?.thresholds;
  const before = budgetState(session, campaign, change);
  let crossed: readonly BudgetAlert[];
  if (change?.type === 'expense' && change.before === undefined && change.after !== undefined) {
    const check = checkExpense(thresholds, before, change.after as Expense);
    if (!check.allowed) {
      throw new CampaignKitError('LIMIT_EXCEEDED', check.reason, { details: { ids: [(change.after as Expense).id], blocking: check.blocking } });
    }
    crossed = check.crossed;
  } else {
    const after = evaluateThresholds(budgetState(session, campaign), thresholds);
    crossed = thresholdCrossings(alertsOrNone(before, previousThresholds ?? thresholds), after);
  }
  session.change((state) => {
    const budget = state.budget[campaignId];
    if (budget === undefined) state.budget[campaignId] = { campaignId: campaign.id, categories: [], revision: 1 };
    else budget.revision += 1;
  });
  for (const alert of crossed) session.emitDerived('budget.thresholdCrossed', { type: 'budget', id: campaignId }, { alert });
}
