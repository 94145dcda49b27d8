import type { ApprovalDecisionKind, ApprovalSubject } from '../model/approval.js';
import type { ApprovalId, AttachmentId, CampaignId, CommentId, MemberId, TaskId } from '../model/ids.js';
import type { StatusCategory } from '../model/task.js';

/** A task moved to another status. */
export interface TaskStatusChangedEvent {
  readonly type: 'task.statusChanged';
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** The task. */
  readonly taskId: TaskId;
  /** Previous status. */
  readonly from: string;
  /** Its category. */
  readonly fromCategory: StatusCategory;
  /** New status. */
  readonly to: string;
  /** Its category. */
  readonly toCategory: StatusCategory;
  /** Comment given with the transition. */
  readonly comment?: string;
  /** Who did it. */
  readonly by: MemberId;
  /** When, as the instant the command was given. */
  readonly at: string;
}

/** A checklist item was ticked or unticked. */
export interface TaskChecklistChangedEvent {
  readonly type: 'task.checklistChanged';
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** The task. */
  readonly taskId: TaskId;
  /** The checklist item. */
  readonly itemId: string;
  /** Whether it is now ticked. */
  readonly done: boolean;
  /** Who did it. */
  readonly by: MemberId;
  /** When, as the instant the command was given. */
  readonly at: string;
}

/** Fields every approval event carries. */
export interface ApprovalEventBase {
  /** The approval. */
  readonly approvalId: ApprovalId;
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** What it is about. */
  readonly subject: ApprovalSubject;
  /** Round number, starting at 1. */
  readonly round: number;
  /** When, as the instant the command was given. */
  readonly at: string;
}

/** A stage of an approval opened and its approvers are asked to decide. */
export interface ApprovalRequestedEvent extends ApprovalEventBase {
  readonly type: 'approval.requested';
  /** Stage index, from 0. */
  readonly stage: number;
  /** Stage name. */
  readonly stageName: string;
  /** Members asked to decide. */
  readonly approvers: readonly MemberId[];
  /** Who submitted (for the first stage) or whose approval opened the stage. */
  readonly by: MemberId;
}

/** One approver (or a delegate on their behalf) decided. */
export interface ApprovalDecidedEvent extends ApprovalEventBase {
  readonly type: 'approval.decided';
  /** Stage index, from 0. */
  readonly stage: number;
  /** The decision. */
  readonly decision: ApprovalDecisionKind;
  /** Who did it. */
  readonly by: MemberId;
  /** The absent approver a delegate decided for. */
  readonly onBehalfOf?: MemberId;
  /** The comment given. */
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
  /** Stage index, from 0. */
  readonly stage: number;
  /** Rejected outright, or sent back for changes. */
  readonly decision: 'rejected' | 'changesRequested';
  /** Who did it. */
  readonly by: MemberId;
  /** The absent approver a delegate decided for. */
  readonly onBehalfOf?: MemberId;
  /** Why. */
  readonly comment: string;
}

/** A stage's SLA passed and a role was told. */
export interface ApprovalEscalatedEvent extends ApprovalEventBase {
  readonly type: 'approval.escalated';
  /** Stage index, from 0. */
  readonly stage: number;
  /** Stage name. */
  readonly stageName: string;
  /** Role told. */
  readonly toRole: string;
  /** Approvers who had not decided. */
  readonly waitingFor: readonly MemberId[];
  /** When the SLA ended, local to the calendar. */
  readonly dueAt: string;
}

/** The approval was withdrawn. */
export interface ApprovalCancelledEvent extends ApprovalEventBase {
  readonly type: 'approval.cancelled';
  /** Who did it. */
  readonly by: MemberId;
  /** Why it was withdrawn. */
  readonly reason?: string;
}

/** A comment or reply was written. */
export interface CommentAddedEvent {
  readonly type: 'comment.added';
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** The comment. */
  readonly commentId: CommentId;
  /** The task, if the item is on one. */
  readonly taskId?: TaskId;
  /** The comment replied to. */
  readonly parentId?: CommentId;
  /** Who did it. */
  readonly by: MemberId;
  /** When, as the instant the command was given. */
  readonly at: string;
}

/** A member was @mentioned: the host turns this into a notification. */
export interface MemberMentionedEvent {
  readonly type: 'member.mentioned';
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** The member mentioned. */
  readonly memberId: MemberId;
  /** The comment. */
  readonly commentId: CommentId;
  /** The task, if the item is on one. */
  readonly taskId?: TaskId;
  /** Who did it. */
  readonly by: MemberId;
  /** When, as the instant the command was given. */
  readonly at: string;
}

/** An attachment reference (or a new version of one) was added. */
export interface AttachmentAddedEvent {
  readonly type: 'attachment.added';
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** The attachment. */
  readonly attachmentId: AttachmentId;
  /** Its version, from 1. */
  readonly version: number;
  /** The task, if the item is on one. */
  readonly taskId?: TaskId;
  /** Who did it. */
  readonly by: MemberId;
  /** When, as the instant the command was given. */
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
