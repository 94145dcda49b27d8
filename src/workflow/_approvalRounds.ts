import { assertCanParsed } from '../access/can.js';
import type { Permission } from '../access/permissions.js';
import type { Approval, ApprovalDecision, ApprovalRound, ApprovalStage, Delegation } from '../model/approval.js';
import type { MemberId } from '../model/ids.js';
import type { Resource } from '../access/actor.js';
import type { CommandContext } from './context.js';

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
  assertCanParsed(context.actor, permission, resource, context.policy);
  if (approval.subject.type === 'budget') assertCanParsed(context.actor, 'budget.read', resource, context.policy);
}
