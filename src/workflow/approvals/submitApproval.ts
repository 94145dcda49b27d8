import { produce } from 'immer';
import * as z from 'zod';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField, parseInput } from '../../core/validate.js';
import type { Approval } from '../../model/approval.js';
import { parseContext, type CommandContextInput } from '../context.js';
import type { ApprovalRequestedEvent, CommandResult } from '../events.js';
import { assertMayActOn, assertRequesterNotNeeded, parseApproval } from '../_approvalRounds.js';

/** Submit an approval for the first time, or resubmit it after a rejection or change request. */
export const SubmitApprovalCommandSchema = z.object({
  /** New version of the deliverable under review (never lower than the current one). */
  version: z.int().min(1).optional(),
});
/** Submit or resubmit an approval. */
export type SubmitApprovalCommand = z.input<typeof SubmitApprovalCommandSchema>;

const REFUSED: Partial<Record<Approval['status'], string>> = {
  pending: 'is already waiting for decisions',
  approved: 'is already approved; create a new approval for a new version',
  cancelled: 'was cancelled; create a new approval',
};

/**
 * Submits a draft approval, or resubmits one that was rejected or sent back for changes: a new
 * round starts at the first stage and earlier rounds stay in the history. Needs `approval.request`.
 * Under a policy with `separationOfDuties`, a budget approval whose stage would need the
 * requester's own decision is refused with `INVALID_STATE`.
 * Emits `approval.requested` for the first stage's approvers.
 *
 * @example
 * ```ts
 * const { state, events } = submitApproval(draft, {}, { actor: requester, now: '2026-03-02T01:00:00Z' });
 * // state: { ..., status: 'pending', rounds: [{ submittedBy: 'm-li', currentStage: 0, status: 'pending', ... }] }
 * // events: [{ type: 'approval.requested', round: 1, stage: 0, approvers: ['m-li'], ... }]
 * ```
 */
export function submitApproval(given: Approval, command: SubmitApprovalCommand, context: CommandContextInput): CommandResult<Approval, ApprovalRequestedEvent> {
  const approval = parseApproval(given);
  const input = parseInput(SubmitApprovalCommandSchema, command, 'submission');
  const ctx = parseContext(context);
  const refused = REFUSED[approval.status];
  if (refused !== undefined) {
    throw new CampaignKitError('INVALID_STATE', `Approval '${approval.id}' ${refused}`, { details: { ids: [approval.id], status: approval.status } });
  }
  assertMayActOn(approval, 'approval.request', ctx);
  assertRequesterNotNeeded(approval, ctx);
  const current = approval.subject.version;
  if (input.version !== undefined && current !== undefined && input.version < current) {
    throw invalidField('submission', ['version'], `version ${input.version} is older than the version under review (${current})`);
  }
  const version = input.version ?? current;
  const state = produce(approval, (draft) => {
    if (version !== undefined) draft.subject.version = version;
    draft.status = 'pending';
    draft.rounds.push({
      submittedAt: ctx.now,
      submittedBy: ctx.actor.id,
      ...(version === undefined ? {} : { version }),
      status: 'pending',
      currentStage: 0,
      stageStartedAt: ctx.now,
      decisions: [],
      escalations: [],
    });
  });
  const [first] = state.stages;
  const event: ApprovalRequestedEvent = {
    type: 'approval.requested',
    approvalId: state.id,
    campaignId: state.campaignId,
    subject: state.subject,
    round: state.rounds.length,
    stage: 0,
    stageName: first?.name ?? '',
    approvers: first?.approvers ?? [],
    by: ctx.actor.id,
    at: ctx.now,
  };
  return { state, events: [event] };
}
