import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { DelegationSchema, type Approval } from '../../model/approval.js';
import { CommentSchema, type Comment } from '../../model/collaboration.js';
import { MemberIdSchema, type ApprovalId, type CampaignId, type CommentId, type MemberId, type TaskId } from '../../model/ids.js';
import { InstantSchema } from '../../model/primitives.js';
import { TaskSchema, type StatusCategory, type Task } from '../../model/task.js';
import { activeDelegations, ApprovalStateSchema, latestRound, waitingApprovers } from '../_approvalRounds.js';
import { isFinished } from '../status/transitionBlockers.js';

/** An open task the member owns or is assigned to. */
export interface InboxTask {
  readonly taskId: TaskId;
  readonly campaignId: CampaignId;
  readonly name: string;
  readonly status: string;
  readonly statusCategory: StatusCategory;
  /** Planned finish. */
  readonly finish?: string;
  /** Whether the member owns the task or is an assignee. */
  readonly as: 'owner' | 'assignee';
}

/** A comment that mentions the member. */
export interface InboxMention {
  readonly commentId: CommentId;
  readonly campaignId: CampaignId;
  readonly taskId?: TaskId;
  readonly authorId: MemberId;
  readonly body: string;
  readonly createdAt: string;
}

/** An approval stage waiting for the member's decision (or their absent colleague's, as delegate). */
export interface InboxApproval {
  readonly approvalId: ApprovalId;
  readonly campaignId: CampaignId;
  readonly title?: string;
  /** Round number, from 1. */
  readonly round: number;
  readonly stage: number;
  readonly stageName: string;
  /** When the stage started waiting. */
  readonly waitingSince: string;
  /** Set when the member decides as a delegate. */
  readonly onBehalfOf?: MemberId;
}

/** What waits for one member. */
export interface Inbox {
  /** Open tasks, earliest planned finish first (unscheduled last), then id. */
  readonly assigned: readonly InboxTask[];
  /** Mentions by others, newest first. */
  readonly mentions: readonly InboxMention[];
  /** Approvals waiting for a decision, longest waiting first. */
  readonly approvals: readonly InboxApproval[];
}

/** What {@link inbox} reads. */
export interface InboxState {
  readonly tasks: readonly Task[];
  readonly approvals?: readonly Approval[];
  readonly comments?: readonly Comment[];
}

/** An {@link InboxState} as accepted on input. */
export const InboxStateSchema = z.object({
  /** Tasks. */
  tasks: z.array(TaskSchema),
  /** Approvals. */
  approvals: z.array(ApprovalStateSchema).default([]),
  /** Comments. */
  comments: z.array(CommentSchema).default([]),
});

/** Options of {@link inbox}. */
export const InboxOptionsSchema = z.object({
  /** The current instant, for delegations in force. */
  now: InstantSchema,
  /** Only mentions at or after this instant. */
  since: InstantSchema.optional(),
  /** Delegations; a delegate sees the approvals of the approvers they stand in for. */
  delegations: z.array(DelegationSchema).default([]),
});
/** Options of {@link inbox}. */
export type InboxOptions = z.input<typeof InboxOptionsSchema>;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One member's inbox: open tasks they own or are assigned to, comments that mention them, and
 * approvals waiting for their decision, including those of approvers they stand in for.
 *
 * @example
 * ```ts
 * inbox('m-zhou', { tasks, approvals, comments }, { now: '2026-03-12T02:00:00Z' });
 * // { assigned: [], mentions: [{ commentId: 'cm-1', authorId: 'm-li', ... }],
 * //   approvals: [{ approvalId: 'review-approval', stage: 0, stageName: 'Cross-department sign-off', ... }] }
 * ```
 */
export function inbox(memberId: string, state: InboxState, options: InboxOptions): Inbox {
  const me = parseInput(MemberIdSchema, memberId, 'member id');
  return inboxParsed(me, parseInput(InboxStateSchema, state, 'inbox state'), options);
}

/** {@link inbox} for a state already parsed (a workspace's stored records); the member id and options are still parsed. */
export function inboxParsed(memberId: string, state: InboxState, options: InboxOptions): Inbox {
  const me = parseInput(MemberIdSchema, memberId, 'member id');
  const { now, since, delegations } = parseInput(InboxOptionsSchema, options, 'inbox options');
  const assigned = state.tasks
    .filter((t) => !isFinished(t.statusCategory) && (t.ownerId === me || t.assigneeIds.includes(me)))
    .sort((a, b) => (a.finish === b.finish ? 0 : a.finish === undefined ? 1 : b.finish === undefined ? -1 : compare(a.finish, b.finish)) || compare(a.id, b.id))
    .map((t): InboxTask => ({
      taskId: t.id,
      campaignId: t.campaignId,
      name: t.name,
      status: t.status,
      statusCategory: t.statusCategory,
      ...(t.finish === undefined ? {} : { finish: t.finish }),
      as: t.ownerId === me ? 'owner' : 'assignee',
    }));
  const mentions = (state.comments ?? [])
    .filter((c) => c.mentions.includes(me) && c.authorId !== me && (since === undefined || Date.parse(c.createdAt) >= Date.parse(since)))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || compare(a.id, b.id))
    .map((c): InboxMention => ({ commentId: c.id, campaignId: c.campaignId, ...(c.taskId === undefined ? {} : { taskId: c.taskId }), authorId: c.authorId, body: c.body, createdAt: c.createdAt }));
  const standingIn = activeDelegations(delegations, Date.parse(now)).filter((d) => d.delegateId === me);
  const approvals = (state.approvals ?? []).flatMap((approval): InboxApproval[] => {
    const round = latestRound(approval);
    const stage = round === undefined ? undefined : approval.stages[round.currentStage];
    if (round === undefined || stage === undefined) return [];
    const waiting = waitingApprovers(approval);
    const base = {
      approvalId: approval.id,
      campaignId: approval.campaignId,
      ...(approval.title === undefined ? {} : { title: approval.title }),
      round: approval.rounds.length,
      stage: round.currentStage,
      stageName: stage.name,
      waitingSince: round.stageStartedAt,
    };
    const own = waiting.includes(me) ? [base] : [];
    const delegated = standingIn.filter((d) => waiting.includes(d.approverId)).map((d) => ({ ...base, onBehalfOf: d.approverId }));
    return [...own, ...delegated];
  });
  approvals.sort((a, b) => Date.parse(a.waitingSince) - Date.parse(b.waitingSince) || compare(a.approvalId, b.approvalId) || compare(a.onBehalfOf ?? '', b.onBehalfOf ?? ''));
  return { assigned, mentions, approvals };
}
