import { produce } from 'immer';
import * as z from 'zod';
import { forbidden } from '../../access/can.js';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField, parseInput } from '../../core/validate.js';
import { APPROVAL_DECISIONS, DelegationSchema, type Approval, type ApprovalDecision, type ApprovalRound, type ApprovalStage, type Delegation } from '../../model/approval.js';
import { MemberIdSchema, type MemberId } from '../../model/ids.js';
import { parseContext, type CommandContext, type CommandContextInput } from '../context.js';
import type { ApprovalDecidedEvent, CommandResult, WorkflowEvent } from '../events.js';
import { activeDelegations, assertMayActOn, assertNotRequester, latestRound, parseApproval, stageApproved, stageDecisions, waitingApprovers } from '../_approvalRounds.js';

/** One approver's decision on the current stage. */
export const DecideApprovalCommandSchema = z.object({
  /** Approve, reject, or send back for changes. */
  decision: z.enum(APPROVAL_DECISIONS),
  /** Why; required to reject or request changes. */
  comment: z.string().max(20000).optional(),
  /** The approver a delegate decides for; needed only when the delegate stands in for several. */
  onBehalfOf: MemberIdSchema.optional(),
});
/** One approver's decision on the current stage. */
export type DecideApprovalCommand = z.input<typeof DecideApprovalCommandSchema>;

/** Context of {@link decideApproval}: who, when, and who stands in for whom. */
export interface DecideContextInput extends CommandContextInput {
  /** Delegations; those in force at `now` let a delegate decide for an absent approver. */
  readonly delegations?: readonly z.input<typeof DelegationSchema>[];
}

/** Works out which approver the actor decides for, or throws. */
function approverFor(stage: ApprovalStage, waiting: readonly MemberId[], delegations: readonly Delegation[], requested: MemberId | undefined, ctx: CommandContext): { approver: MemberId; delegated: boolean } {
  const me = ctx.actor.id;
  const active = activeDelegations(delegations, Date.parse(ctx.now)).filter((d) => d.delegateId === me);
  if (requested !== undefined && requested !== me) {
    if (!stage.approvers.includes(requested)) {
      throw invalidField('decision', ['onBehalfOf'], `'${requested}' is not an approver of stage '${stage.name}'`);
    }
    if (!active.some((d) => d.approverId === requested)) {
      const reason = `${me} holds no delegation from ${requested} in force at ${ctx.now}`;
      throw forbidden(me, { allowed: false, permission: 'approval.decide', reason }, { type: 'approval' });
    }
    return { approver: requested, delegated: true };
  }
  if (stage.approvers.includes(me)) return { approver: me, delegated: false };
  const standIns = waiting.filter((a) => active.some((d) => d.approverId === a));
  if (standIns.length === 0) {
    const reason = `${me} is not an approver of stage '${stage.name}' and stands in for none of its waiting approvers`;
    throw forbidden(me, { allowed: false, permission: 'approval.decide', reason }, { type: 'approval' });
  }
  if (standIns.length > 1) {
    throw invalidField('decision', ['onBehalfOf'], `${me} stands in for ${standIns.join(', ')}; say which one in onBehalfOf`);
  }
  return { approver: standIns[0] as MemberId, delegated: true };
}

/**
 * Records one decision on the current stage of a pending approval. The actor must hold
 * `approval.decide` and be one of the stage's approvers, or a delegate of one who is away (the
 * decision then records `onBehalfOf`). Rejections and change requests need a comment and end the
 * round; an approval completes the stage when its rule is met (`all` approvers, or `any` one), which
 * opens the next stage or approves the whole process.
 *
 * Under a policy with `separationOfDuties`, the requester of a budget approval cannot decide it,
 * nor can a delegate for them (`FORBIDDEN`).
 *
 * Emits `approval.decided`, then `approval.rejected`, `approval.requested` (next stage) or
 * `approval.approved` as the decision requires.
 *
 * @example
 * ```ts
 * decideApproval(pending, { decision: 'approved' }, { actor: legal, now: '2026-03-03T02:00:00Z' });
 * // { state: { ..., status: 'approved' }, events: [{ type: 'approval.decided', ... }, { type: 'approval.approved', ... }] }
 * decideApproval(pending, { decision: 'rejected' }, ctx);
 * // throws VALIDATION "Invalid decision: comment: a rejected decision needs a comment saying why"
 * ```
 */
export function decideApproval(given: Approval, command: DecideApprovalCommand, context: DecideContextInput): CommandResult<Approval> {
  const approval = parseApproval(given);
  const input = parseInput(DecideApprovalCommandSchema, command, 'decision');
  const ctx = parseContext(context);
  const delegations = parseInput(z.array(DelegationSchema), context.delegations ?? [], 'delegations');
  const round: ApprovalRound | undefined = latestRound(approval);
  if (approval.status !== 'pending' || round === undefined) {
    throw new CampaignKitError('INVALID_STATE', `Approval '${approval.id}' is ${approval.status}, not waiting for decisions`, { details: { ids: [approval.id], status: approval.status } });
  }
  assertMayActOn(approval, 'approval.decide', ctx);
  if (input.decision !== 'approved' && (input.comment === undefined || input.comment.trim() === '')) {
    throw invalidField('decision', ['comment'], `a ${input.decision} decision needs a comment saying why`);
  }
  const stageIndex = round.currentStage;
  const stage = approval.stages[stageIndex] as ApprovalStage;
  const waiting = waitingApprovers(approval);
  const { approver, delegated } = approverFor(stage, waiting, delegations, input.onBehalfOf, ctx);
  assertNotRequester(approval, approver, ctx);
  if (!waiting.includes(approver)) {
    throw new CampaignKitError('INVALID_STATE', `${approver} has already decided on stage '${stage.name}' in round ${approval.rounds.length}`, { details: { ids: [approval.id] } });
  }
  const decision: ApprovalDecision = {
    stage: stageIndex,
    by: ctx.actor.id,
    ...(delegated ? { onBehalfOf: approver } : {}),
    decision: input.decision,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    at: ctx.now,
  };
  const base = { approvalId: approval.id, campaignId: approval.campaignId, subject: approval.subject, round: approval.rounds.length, at: ctx.now };
  const decided: ApprovalDecidedEvent = {
    ...base,
    type: 'approval.decided',
    stage: stageIndex,
    decision: input.decision,
    by: ctx.actor.id,
    ...(delegated ? { onBehalfOf: approver } : {}),
    ...(input.comment === undefined ? {} : { comment: input.comment }),
  };
  const events: WorkflowEvent[] = [decided];
  const stageDone = input.decision === 'approved' && stageApproved(stage, [...stageDecisions(round, stageIndex), decision]);
  const last = stageIndex === approval.stages.length - 1;
  const state = produce(approval, (draft) => {
    const r = draft.rounds[draft.rounds.length - 1] as ApprovalRound;
    r.decisions.push(decision);
    if (input.decision !== 'approved') {
      r.status = input.decision;
      draft.status = input.decision;
    } else if (stageDone && last) {
      r.status = 'approved';
      draft.status = 'approved';
    } else if (stageDone) {
      r.currentStage = stageIndex + 1;
      r.stageStartedAt = ctx.now;
    }
  });
  if (input.decision !== 'approved') {
    events.push({ ...base, type: 'approval.rejected', stage: stageIndex, decision: input.decision, by: ctx.actor.id, ...(delegated ? { onBehalfOf: approver } : {}), comment: input.comment ?? '' });
  } else if (stageDone && last) {
    events.push({ ...base, type: 'approval.approved', by: ctx.actor.id });
  } else if (stageDone) {
    const next = approval.stages[stageIndex + 1] as ApprovalStage;
    events.push({ ...base, type: 'approval.requested', stage: stageIndex + 1, stageName: next.name, approvers: next.approvers, by: ctx.actor.id });
  }
  return { state, events };
}
