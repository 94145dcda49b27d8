import { produce } from 'immer';
import * as z from 'zod';
import { CampaignKitError } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import type { Approval } from '../../model/approval.js';
import { parseContext, type CommandContextInput } from '../context.js';
import type { ApprovalCancelledEvent, CommandResult } from '../events.js';
import { assertMayActOn, parseApproval } from '../_approvalRounds.js';

/** Withdraw an approval. */
export const CancelApprovalCommandSchema = z.object({
  /** Why it is withdrawn. */
  reason: z.string().max(20000).optional(),
});
/** Withdraw an approval. */
export type CancelApprovalCommand = z.input<typeof CancelApprovalCommandSchema>;

/**
 * Withdraws an approval that is not yet approved. Needs `approval.cancel` (by default managers, or
 * members and agencies for approvals they submitted). A pending round ends as cancelled; the
 * history stays. Emits `approval.cancelled`.
 *
 * @example
 * ```ts
 * cancelApproval(pending, { reason: 'Campaign postponed' }, { actor: manager, now: '2026-03-04T01:00:00Z' });
 * // { state: { ..., status: 'cancelled' }, events: [{ type: 'approval.cancelled', reason: 'Campaign postponed', ... }] }
 * ```
 */
export function cancelApproval(given: Approval, command: CancelApprovalCommand, context: CommandContextInput): CommandResult<Approval, ApprovalCancelledEvent> {
  const approval = parseApproval(given);
  const input = parseInput(CancelApprovalCommandSchema, command, 'cancellation');
  const ctx = parseContext(context);
  if (approval.status === 'approved' || approval.status === 'cancelled') {
    throw new CampaignKitError('INVALID_STATE', `Approval '${approval.id}' is already ${approval.status}`, { details: { ids: [approval.id], status: approval.status } });
  }
  assertMayActOn(approval, 'approval.cancel', ctx);
  const state = produce(approval, (draft) => {
    draft.status = 'cancelled';
    const round = draft.rounds[draft.rounds.length - 1];
    if (round !== undefined && round.status === 'pending') round.status = 'cancelled';
  });
  const event: ApprovalCancelledEvent = {
    type: 'approval.cancelled',
    approvalId: approval.id,
    campaignId: approval.campaignId,
    subject: approval.subject,
    round: approval.rounds.length,
    by: ctx.actor.id,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    at: ctx.now,
  };
  return { state, events: [event] };
}
