import type { ApprovalDecisionKind, ApprovalSubject } from '../model/approval.js';
import type { ApprovalId, AttachmentId, CampaignId, CommentId, MemberId, TaskId } from '../model/ids.js';
import type { StatusCategory } from '../model/task.js';

/** A task moved to another status. */
export interface TaskStatusChangedEvent {
  readonly type: 'task.statusChanged';
  readonly campaignId: CampaignId;
  readonly taskId: TaskId;
  /** Previous status and its category. */
  readonly from: string;
  readonly fromCategory: StatusCategory;
  /** New status and its category. */
  readonly to: string;
  readonly toCategory: StatusCategory;
  /** Comment given with the transition. */
  readonly comment?: string;
  readonly by: MemberId;
  readonly at: string;
}

/** A checklist item was ticked or unticked. */
export interface TaskChecklistChangedEvent {
  readonly type: 'task.checklistChanged';
  readonly campaignId: CampaignId;
  readonly taskId: TaskId;
  readonly itemId: string;
  readonly done: boolean;
  readonly by: MemberId;
  readonly at: string;
}

interface ApprovalEventBase {
  readonly approvalId: ApprovalId;
  readonly campaignId: CampaignId;
  readonly subject: ApprovalSubject;
  /** Round number, starting at 1. */
  readonly round: number;
  readonly at: string;
}

/** A stage of an approval opened and its approvers are asked to decide. */
export interface ApprovalRequestedEvent extends ApprovalEventBase {
  readonly type: 'approval.requested';
  readonly stage: number;
  readonly stageName: string;
  readonly approvers: readonly MemberId[];
  /** Who submitted (for the first stage) or whose approval opened the stage. */
  readonly by: MemberId;
}

/** One approver (or a delegate on their behalf) decided. */
export interface ApprovalDecidedEvent extends ApprovalEventBase {
  readonly type: 'approval.decided';
  readonly stage: number;
  readonly decision: ApprovalDecisionKind;
  readonly by: MemberId;
  readonly onBehalfOf?: MemberId;
  readonly comment?: string;
}

/** Every stage approved: the approval is granted. */
export interface ApprovalApprovedEvent extends ApprovalEventBase {
  readonly type: 'approval.approved';
  /** Whose decision completed it. */
  readonly by: MemberId;
}

/** A rejection or a change request ended the round. */
export interface ApprovalRejectedEvent extends ApprovalEventBase {
  readonly type: 'approval.rejected';
  readonly stage: number;
  readonly decision: 'rejected' | 'changesRequested';
  readonly by: MemberId;
  readonly onBehalfOf?: MemberId;
  readonly comment: string;
}

/** A stage's SLA passed and a role was told. */
export interface ApprovalEscalatedEvent extends ApprovalEventBase {
  readonly type: 'approval.escalated';
  readonly stage: number;
  readonly stageName: string;
  readonly toRole: string;
  /** Approvers who had not decided. */
  readonly waitingFor: readonly MemberId[];
  /** When the SLA ended, local to the calendar. */
  readonly dueAt: string;
}

/** The approval was withdrawn. */
export interface ApprovalCancelledEvent extends ApprovalEventBase {
  readonly type: 'approval.cancelled';
  readonly by: MemberId;
  readonly reason?: string;
}

/** A comment or reply was written. */
export interface CommentAddedEvent {
  readonly type: 'comment.added';
  readonly campaignId: CampaignId;
  readonly commentId: CommentId;
  readonly taskId?: TaskId;
  readonly parentId?: CommentId;
  readonly by: MemberId;
  readonly at: string;
}

/** A member was @mentioned: the host turns this into a notification. */
export interface MemberMentionedEvent {
  readonly type: 'member.mentioned';
  readonly campaignId: CampaignId;
  readonly memberId: MemberId;
  readonly commentId: CommentId;
  readonly taskId?: TaskId;
  readonly by: MemberId;
  readonly at: string;
}

/** An attachment reference (or a new version of one) was added. */
export interface AttachmentAddedEvent {
  readonly type: 'attachment.added';
  readonly campaignId: CampaignId;
  readonly attachmentId: AttachmentId;
  readonly version: number;
  readonly taskId?: TaskId;
  readonly by: MemberId;
  readonly at: string;
}

/** Every event the workflow functions describe. Facts in past tense; the host emits them after saving. */
export type WorkflowEvent =
  | TaskStatusChangedEvent
  | TaskChecklistChangedEvent
  | ApprovalRequestedEvent
  | ApprovalDecidedEvent
  | ApprovalApprovedEvent
  | ApprovalRejectedEvent
  | ApprovalEscalatedEvent
  | ApprovalCancelledEvent
  | CommentAddedEvent
  | MemberMentionedEvent
  | AttachmentAddedEvent;

/** The result of a workflow command: the new state and the events describing what happened. */
export interface CommandResult<S, E extends WorkflowEvent = WorkflowEvent> {
  /** The new state; the input state is never changed. */
  readonly state: S;
  /** Events to emit after the host saves `state`, in order. */
  readonly events: readonly E[];
}
