import { CampaignKitError } from '../core/errors.js';
import type { Approval } from '../model/approval.js';
import type { Expense, ExpenseRequest } from '../model/budget.js';
import { ExpenseSchema } from '../model/budget.js';
import { budgetApprovalFor } from '../workflow/approvals/budgetApprovalFor.js';
import { submitApproval } from '../workflow/approvals/submitApproval.js';
import type { WorkspaceContext } from './_context.js';
import { addEntity } from './_entityCommands.js';
import { parseNew } from './_input.js';
import { loadBudget } from './_budgetEffect.js';
import { loadActiveDirectory } from './_references.js';
import { campaignScope } from './_resources.js';
import { runCommand } from './_runCommand.js';
import type { CommandSession } from './_session.js';
import { EXPENSE, type ExpenseRequestResult, type NewExpense } from './budgetService.js';

/**
 * Budget governance: an expense or commitment above the campaign's approval thresholds is not
 * recorded when asked for, but waits as an `expenseRequest` behind a budget approval; the final
 * approving decision records it in the same command, and a rejection or cancellation records
 * nothing. Below the thresholds (or with no approval policy) it is recorded at once.
 */

/** `budgets.requestExpense`: records the expense, or opens its budget approval and keeps it waiting. */
export async function requestExpenseCommand(ctx: WorkspaceContext, input: NewExpense): Promise<ExpenseRequestResult> {
  const expense = parseNew(ExpenseSchema, input, () => ctx.ids.next('expense'), 'expense');
  // The campaign is the target: the expense itself may not be written yet.
  return runCommand(ctx, { name: 'budget.requestExpense', target: { type: 'campaign', id: expense.campaignId } }, async (session) => {
    session.authorize('budget.write', campaignScope('expense', expense.campaignId));
    await loadBudget(session, expense.campaignId);
    const policy = session.get('budget', expense.campaignId)?.approvalPolicy;
    const draft = policy === undefined ? null : budgetApprovalFor(expense, { id: ctx.ids.next('approval'), policy, directory: { members: await loadActiveDirectory(session) } });
    if (draft === null) return { expense: await addEntity(session, EXPENSE, expense), approval: null };
    await session.reserve('expense', expense.id);
    await session.reserve('expenseRequest', expense.id);
    await session.reserve('approval', draft.id);
    const { state: approval, events } = submitApproval(draft, {}, { actor: ctx.actor, now: session.at, timeZone: ctx.timeZone, policy: ctx.policy });
    const request: ExpenseRequest = {
      id: expense.id,
      campaignId: expense.campaignId,
      approvalId: approval.id,
      expense,
      requestedBy: ctx.actor.id as ExpenseRequest['requestedBy'],
      requestedAt: session.at,
      status: 'pending',
    };
    session.change((state) => {
      state.approval[approval.id] = approval;
      state.expenseRequest[request.id] = request;
    });
    session.emit('approval.created', { type: 'approval', id: approval.id }, { approval: draft });
    for (const event of events) session.emitWorkflow({ type: 'approval', id: approval.id }, event);
    session.emit('expense.requested', { type: 'expenseRequest', id: request.id }, { request });
    return { expense: null, approval };
  });
}

/**
 * After a budget approval's decision or cancellation in `session`: records the expense it was
 * waiting for when the approval is now approved, or closes the request when it was rejected or
 * cancelled. An expense the budget's blocking level refuses fails the decision with
 * `LIMIT_EXCEEDED`, and nothing of it is stored.
 */
export async function settleExpenseRequest(session: CommandSession, approval: Approval): Promise<Expense | undefined> {
  if (approval.subject.type !== 'budget') return undefined;
  await session.load('expenseRequest', [approval.subject.id]);
  const request = session.get('expenseRequest', approval.subject.id);
  if (request === undefined || request.status !== 'pending' || request.approvalId !== approval.id) return undefined;
  const status = approval.status === 'approved' ? 'recorded' : approval.status === 'rejected' ? 'rejected' : approval.status === 'cancelled' ? 'cancelled' : undefined;
  if (status === undefined) return undefined;
  session.change((state) => {
    const stored = state.expenseRequest[request.id];
    if (stored !== undefined) stored.status = status;
  });
  if (status !== 'recorded') return undefined;
  await loadBudget(session, request.campaignId);
  try {
    return await addEntity(session, EXPENSE, request.expense, { authorized: true });
  } catch (error) {
    if (error instanceof CampaignKitError && error.code === 'CONFLICT') {
      throw new CampaignKitError('CONFLICT', `Expense '${request.id}' was recorded in the meantime; the approval cannot record it again`, { details: { ids: [request.id] }, cause: error });
    }
    throw error;
  }
}
