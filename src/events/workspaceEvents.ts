import type { BudgetAlert } from '../budget/thresholds.js';
import type { TargetStatus } from '../kpi/compareToTarget.js';
import type { Approval } from '../model/approval.js';
import type { BudgetLine, BudgetThresholds, Expense, ExpenseRequest } from '../model/budget.js';
import type { Calendar } from '../model/calendar.js';
import type { Campaign, CampaignStatus } from '../model/campaign.js';
import type { Dependency } from '../model/dependency.js';
import type { KpiTarget, Measurement } from '../model/kpi.js';
import type { Lesson } from '../model/lesson.js';
import type { StoredDelegation } from '../model/delegation.js';
import type { Member } from '../model/member.js';
import type { Objective } from '../model/objective.js';
import type { Task } from '../model/task.js';
import type {
  ApprovalApprovedEvent,
  ApprovalCancelledEvent,
  ApprovalDecidedEvent,
  ApprovalEscalatedEvent,
  ApprovalRejectedEvent,
  ApprovalRequestedEvent,
  AttachmentAddedEvent,
  CommentAddedEvent,
  MemberMentionedEvent,
  TaskChecklistChangedEvent,
  TaskStatusChangedEvent,
} from '../workflow/events.js';

/**
 * The events a workspace announces: facts in past tense, one discriminated union on `type`. Each
 * is written to the outbox in the transaction of the command that caused it and handed to
 * listeners only after that transaction commits.
 */

/** What every workspace event carries besides its own fields. */
export interface EventEnvelope {
  /** Unique event id; consumers drop the duplicates at-least-once delivery may bring. */
  readonly id: string;
  /** When the command ran (ISO 8601 instant from the workspace's clock). */
  readonly time: string;
  /** Who ran it (member id, or `system`). */
  readonly actor: string;
  /** The command that caused the event; its audit entry has this id. */
  readonly commandId: string;
  /** Id of the stored record the event is about. */
  readonly aggregateId: string;
  /** That record's version after the command (0 when the command deleted it). */
  readonly version: number;
  /** The campaign, for records that belong to one. */
  readonly campaignId?: string;
}

/** Every workspace event type with its own fields (without the {@link EventEnvelope}). */
export interface WorkspaceEventPayloads {
  // `fields` of an *.updated event: the top-level fields whose value changed, in the entity's key order.
  /** A campaign was created. */
  'campaign.created': { readonly campaign: Campaign };
  /** A campaign's fields changed. */
  'campaign.updated': { readonly campaign: Campaign; readonly fields: readonly string[] };
  /** A campaign was deleted with everything stored under it. */
  'campaign.deleted': { readonly removed: number };
  /** The campaign moved along its lifecycle. */
  'campaign.statusChanged': { readonly from: CampaignStatus; readonly to: CampaignStatus; readonly by: string; readonly comment?: string };
  /** A campaign was scheduled again from scratch. */
  'campaign.scheduled': { readonly start: string; readonly finish: string; readonly criticalPath: readonly string[] };
  /** A task was created. */
  'task.created': { readonly task: Task };
  /** A task's fields changed. */
  'task.updated': { readonly task: Task; readonly fields: readonly string[] };
  /** A task was deleted (with its dependencies). */
  'task.deleted': { readonly taskId: string };
  /** Scheduling moved a task. */
  'task.rescheduled': {
    readonly taskId: string;
    readonly start: string;
    readonly finish: string;
    readonly previousStart?: string;
    readonly previousFinish?: string;
  };
  /** A task moved to another status of its workflow. */
  'task.statusChanged': Omit<TaskStatusChangedEvent, 'type'>;
  /** A checklist item was ticked or unticked. */
  'task.checklistChanged': Omit<TaskChecklistChangedEvent, 'type'>;
  /** A baseline was saved (`replaced` when one of that name existed). */
  'baseline.saved': { readonly baselineId: string; readonly name: string; readonly savedAt: string; readonly replaced: boolean };
  /** A baseline was deleted. */
  'baseline.deleted': { readonly baselineId: string; readonly name: string };
  /** A dependency was added. */
  'dependency.added': { readonly dependency: Dependency };
  /** A dependency was removed. */
  'dependency.removed': { readonly dependency: Dependency };
  /** A working calendar was created. */
  'calendar.created': { readonly calendar: Calendar };
  /** A working calendar changed. */
  'calendar.updated': { readonly calendar: Calendar; readonly fields: readonly string[] };
  /** A working calendar was deleted. */
  'calendar.deleted': { readonly calendarId: string };
  /** A budget line was created. */
  'budget.lineCreated': { readonly line: BudgetLine };
  /** A budget line changed. */
  'budget.lineUpdated': { readonly line: BudgetLine; readonly fields: readonly string[] };
  /** A budget line was deleted. */
  'budget.lineDeleted': { readonly lineId: string };
  /** A campaign's threshold policy was set. */
  'budget.thresholdsSet': { readonly thresholds: BudgetThresholds };
  /** An expense or commitment was recorded. */
  'expense.recorded': { readonly expense: Expense };
  /** An expense above the approval thresholds waits for its budget approval. */
  'expense.requested': { readonly request: ExpenseRequest };
  /** A recorded expense was corrected; its `corrections` say why. */
  'expense.corrected': { readonly expense: Expense; readonly fields: readonly string[] };
  /** A recorded expense was voided: it counts nowhere from now on. */
  'expense.voided': { readonly expense: Expense };
  /** A command made a line, category or the campaign cross a threshold (new or escalated alert). */
  'budget.thresholdCrossed': { readonly alert: BudgetAlert };
  /** A KPI target was created or changed. */
  'kpi.targetSet': { readonly target: KpiTarget };
  /** A KPI target was deleted. */
  'kpi.targetDeleted': { readonly targetId: string };
  /** A measurement was recorded. */
  'kpi.measurementRecorded': { readonly measurement: Measurement };
  /** A target that was not off track is now off track. */
  'kpi.offTrack': {
    readonly targetId: string;
    readonly metric: string;
    readonly target: number;
    readonly actual: number | null;
    readonly varianceRate: number | null;
    readonly previousStatus: TargetStatus | null;
  };
  /** An objective was created. */
  'objective.created': { readonly objective: Objective };
  /** An objective changed. */
  'objective.updated': { readonly objective: Objective; readonly fields: readonly string[] };
  /** An objective was deleted. */
  'objective.deleted': { readonly objectiveId: string };
  /** A member was added to the workspace's directory. */
  'member.created': { readonly member: Member };
  /** A member's name, department or roles changed. */
  'member.updated': { readonly member: Member; readonly fields: readonly string[] };
  /** An approver named a stand-in for a period. */
  'delegation.created': { readonly delegation: StoredDelegation };
  /** A delegation was revoked before its end. */
  'delegation.revoked': { readonly delegation: StoredDelegation };
  /** An approval process was created as a draft. */
  'approval.created': { readonly approval: Approval };
  /** A stage of an approval opened. */
  'approval.requested': Omit<ApprovalRequestedEvent, 'type'>;
  /** An approver decided. */
  'approval.decided': Omit<ApprovalDecidedEvent, 'type'>;
  /** Every stage approved. */
  'approval.approved': Omit<ApprovalApprovedEvent, 'type'>;
  /** A rejection or change request ended the round. */
  'approval.rejected': Omit<ApprovalRejectedEvent, 'type'>;
  /** A stage's SLA passed and a role was told. */
  'approval.escalated': Omit<ApprovalEscalatedEvent, 'type'>;
  /** The approval was withdrawn. */
  'approval.cancelled': Omit<ApprovalCancelledEvent, 'type'>;
  /** A comment or reply was written. */
  'comment.added': Omit<CommentAddedEvent, 'type'>;
  /** A file reference, or a new version of one, was added. */
  'attachment.added': Omit<AttachmentAddedEvent, 'type'>;
  /** An attachment was removed with all its versions (the host may delete the files). */
  'attachment.removed': { readonly attachmentId: string; readonly taskId?: string; readonly refs: readonly string[] };
  /** A lesson learned was recorded for a campaign. */
  'lesson.recorded': { readonly lesson: Lesson };
  /** A lesson learned changed. */
  'lesson.updated': { readonly lesson: Lesson; readonly fields: readonly string[] };
  /** A lesson learned was deleted. */
  'lesson.deleted': { readonly lessonId: string };
  /** A member was mentioned in a comment. */
  'member.mentioned': Omit<MemberMentionedEvent, 'type'>;
  /** An earlier command was undone by applying its inverse patches. */
  'command.undone': {
    readonly undoneCommandId: string;
    readonly undoneCommand: string;
    /** Every record the undo wrote, with its version afterwards (0 = deleted). */
    readonly records: readonly { readonly type: string; readonly id: string; readonly version: number }[];
  };
}

/** A workspace event type, e.g. `'task.rescheduled'`. */
export type WorkspaceEventType = keyof WorkspaceEventPayloads;

/** The event of one type: envelope, `type` and its own fields. */
export type WorkspaceEventOf<K extends WorkspaceEventType> = EventEnvelope & { readonly type: K } & WorkspaceEventPayloads[K];

/**
 * Every workspace event: narrow on `type`.
 *
 * @example
 * ```ts
 * workspace.on('*', (event) => {
 *   if (event.type === 'task.rescheduled') console.log(event.taskId, event.previousFinish, '→', event.finish);
 * });
 * ```
 */
export type WorkspaceEvent = { [K in WorkspaceEventType]: WorkspaceEventOf<K> }[WorkspaceEventType];

/**
 * The event map for eventemitter3's generic: one listener signature per type, plus `'*'` for
 * every event.
 */
export type WorkspaceEventMap = { [K in WorkspaceEventType]: [event: WorkspaceEventOf<K>] } & { '*': [event: WorkspaceEvent] };

/** A listener of one event type (or `'*'`). */
export type WorkspaceEventListener<K extends keyof WorkspaceEventMap> = (event: WorkspaceEventMap[K][0]) => void | Promise<void>;
