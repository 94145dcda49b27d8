import { assertCanParsed } from '../access/can.js';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { Permission } from '../access/permissions.js';
import { ApprovalSchema, type Approval, type ApprovalDecision, type ApprovalRound, type ApprovalStage, type Delegation } from '../model/approval.js';
import type { MemberId } from '../model/ids.js';
import type { Resource } from '../access/actor.js';
import { permissionsToActOnParsed } from './approvals/approvalPermissions.js';
import type { CommandContext } from './context.js';

/**
 * An approval as the workflow reads it: {@link ApprovalSchema}, and every stage index its rounds
 * record (the current stage, each decision's and escalation's) names one of its stages.
 */
export const ApprovalStateSchema = ApprovalSchema.superRefine((approval, ctx) => {
  const stages = approval.stages.length;
  const check = (index: number, path: (string | number)[]) => {
    if (index >= stages) ctx.addIssue({ code: 'custom', path, message: `stage ${index} does not exist; the approval has ${stages} stage${stages === 1 ? '' : 's'}` });
  };
  approval.rounds.forEach((round, r) => {
    check(round.currentStage, ['rounds', r, 'currentStage']);
    round.decisions.forEach((d, i) => check(d.stage, ['rounds', r, 'decisions', i, 'stage']));
    round.escalations.forEach((e, i) => check(e.stage, ['rounds', r, 'escalations', i, 'stage']));
  });
});

/**
 * The one guard every approval command and read applies to the approval it is given: parses it
 * with {@link ApprovalStateSchema}, or throws `VALIDATION` naming the field.
 */
export function parseApproval(approval: unknown): Approval {
  return parseInput(ApprovalStateSchema, approval, 'approval');
}

/** The latest round, if the approval was ever submitted. */
export function latestRound(approval: Approval): ApprovalRound | undefined {
  return approval.rounds[approval.rounds.length - 1];
}

/** Whose decision a decision counts as: the approver, even when a delegate took it. */
export function decidedFor(decision: ApprovalDecision): MemberId {
  return decision.onBehalfOf ?? decision.by;
}

/** Decisions of one stage in a round. */
export function stageDecisions(round: ApprovalRound, stage: number): ApprovalDecision[] {
  return round.decisions.filter((d) => d.stage === stage);
}

/** Whether a stage's rule is met by its approvals: all approvers, or any one. */
export function stageApproved(stage: ApprovalStage, decisions: readonly ApprovalDecision[]): boolean {
  const approvedBy = new Set(decisions.filter((d) => d.decision === 'approved').map(decidedFor));
  return stage.rule === 'any' ? stage.approvers.some((a) => approvedBy.has(a)) : stage.approvers.every((a) => approvedBy.has(a));
}

/** Approvers of the current stage who have not decided yet, in the stage's order; empty unless pending. */
export function waitingApprovers(approval: Approval): MemberId[] {
  const round = latestRound(approval);
  const stage = round === undefined ? undefined : approval.stages[round.currentStage];
  if (approval.status !== 'pending' || round === undefined || stage === undefined) return [];
  const decided = new Set(stageDecisions(round, round.currentStage).map(decidedFor));
  return stage.approvers.filter((a) => !decided.has(a));
}

/** Delegations in force at `atMs`. */
export function activeDelegations(delegations: readonly Delegation[], atMs: number): Delegation[] {
  return delegations.filter((d) => Date.parse(d.from) <= atMs && atMs < Date.parse(d.to));
}

/** The access resource describing an approval; its "owner" is whoever submitted the latest round. */
export function approvalResource(approval: Approval): Resource {
  return { type: 'approval', id: approval.id, campaignId: approval.campaignId, ownerId: latestRound(approval)?.submittedBy, assigneeIds: [] };
}

/**
 * Throws `FORBIDDEN` unless the actor holds `permission` on the approval. A budget request carries
 * its amount and comes back whole in the command's result and events, so acting on one also
 * needs `budget.read`, which keeps agencies from it as `redact` keeps it from their lists.
 */
export function assertMayActOn(approval: Approval, permission: Permission, context: CommandContext): void {
  const resource = approvalResource(approval);
  for (const needed of permissionsToActOnParsed(approval, permission)) assertCanParsed(context.actor, needed, resource, context.policy);
}

/** Whether separation of duties applies to this approval under the context's policy. */
function separatesDuties(approval: Approval, context: CommandContext): boolean {
  return context.policy.separationOfDuties && approval.subject.type === 'budget';
}

/**
 * Separation of duties at submission: refuses (`INVALID_STATE`) when a stage needs the requester's
 * own decision, because its only approver is the requester or its rule `all` includes them.
 */
export function assertRequesterNotNeeded(approval: Approval, context: CommandContext): void {
  if (!separatesDuties(approval, context)) return;
  const requester = context.actor.id;
  approval.stages.forEach((stage, index) => {
    const others = stage.approvers.filter((a) => a !== requester);
    const needed = others.length === 0 || (stage.rule === 'all' && others.length < stage.approvers.length);
    if (!needed) return;
    throw new CampaignKitError(
      'INVALID_STATE',
      `Separation of duties: ${requester} requests budget approval '${approval.id}' and stage '${stage.name}' would need their own decision; name other approvers for it`,
      { details: { ids: [approval.id], stage: index, reason: 'separationOfDuties' } },
    );
  });
}

/**
 * Separation of duties at decision: refuses (`FORBIDDEN`) a decision by the requester of a budget
 * approval, or taken for them by a delegate.
 */
export function assertNotRequester(approval: Approval, approver: MemberId, context: CommandContext): void {
  const requester = latestRound(approval)?.submittedBy;
  if (!separatesDuties(approval, context) || requester === undefined) return;
  if (context.actor.id !== requester && approver !== requester) return;
  throw new CampaignKitError('FORBIDDEN', `Separation of duties: ${requester} requested budget approval '${approval.id}', so another approver must decide it`, {
    details: { ids: [approval.id], permission: 'approval.decide', reason: 'separationOfDuties' },
  });
}
