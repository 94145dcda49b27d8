import * as z from 'zod';
import { ApprovalSchema } from '../model/approval.js';
import { StoredBaselineSchema } from '../model/baseline.js';
import { BudgetLineSchema, BudgetThresholdsSchema, CostCategorySchema, ExpenseRequestSchema, ExpenseSchema } from '../model/budget.js';
import { BudgetApprovalPolicySchema } from '../workflow/approvals/budgetApprovalFor.js';
import { CalendarSchema } from '../model/calendar.js';
import { CampaignSchema } from '../model/campaign.js';
import { CommentSchema, StoredAttachmentSchema } from '../model/collaboration.js';
import { StoredDelegationSchema } from '../model/delegation.js';
import { DependencySchema } from '../model/dependency.js';
import { CampaignIdSchema } from '../model/ids.js';
import { KpiTargetSchema, MeasurementSchema } from '../model/kpi.js';
import { LessonSchema } from '../model/lesson.js';
import { MemberSchema } from '../model/member.js';
import { ObjectiveSchema } from '../model/objective.js';
import { LocalDateTimeSchema } from '../model/primitives.js';
import { TaskSchema } from '../model/task.js';
import { StoredStageSchema } from '../model/template.js';

/**
 * What a workspace stores: one document per entity, keyed by its type and id, parsed by its model
 * schema before every write. Three kinds of document are the workspace's own bookkeeping:
 * `schedule` (one per campaign, written by every command that can move a date), `budget` (one per
 * campaign, written by every command that changes money) and `kpis` (one per campaign, written by
 * every command that can change a KPI's status), so that commands reading the same derived state
 * conflict instead of deciding on each other's stale reads.
 */

/** A working calendar stored in a campaign. */
export const CalendarRecordSchema = CalendarSchema.extend({
  /** The campaign the calendar belongs to. */
  campaignId: CampaignIdSchema,
});

/** The per-campaign schedule document. */
export const ScheduleRecordSchema = z.object({
  /** The campaign. */
  campaignId: CampaignIdSchema,
  /** A new unique stamp on every change of the schedule's inputs; with the version it names a state. */
  stamp: z.string().min(1).max(200),
  /** Project finish after the last command. */
  finish: LocalDateTimeSchema,
});

/** The per-campaign budget document: the threshold policy and host categories. */
export const BudgetRecordSchema = z.object({
  /** The campaign. */
  campaignId: CampaignIdSchema,
  /** Threshold policy; absent means the engine's default (warn +5 %, block +10 %). */
  thresholds: BudgetThresholdsSchema.optional(),
  /** Host-defined cost categories besides the built-in ones. */
  categories: z.array(CostCategorySchema).default([]),
  /** Which expense requests need an approval, and by whom; absent means none do. */
  approvalPolicy: BudgetApprovalPolicySchema.optional(),
  /** Raised by every command that changes the campaign's money, so concurrent ones conflict. */
  revision: z.int().min(0),
});

/** The per-campaign KPI document: raised by every command that can change a KPI's status. */
export const KpiRecordSchema = z.object({
  /** The campaign. */
  campaignId: CampaignIdSchema,
  /** Raised by every KPI command, so concurrent ones conflict instead of announcing a crossing twice or never. */
  revision: z.int().min(0),
});

/** The schema of every record type. */
export const RECORD_SCHEMAS = {
  campaign: CampaignSchema,
  task: TaskSchema,
  stage: StoredStageSchema,
  dependency: DependencySchema,
  calendar: CalendarRecordSchema,
  budgetLine: BudgetLineSchema,
  expense: ExpenseSchema,
  expenseRequest: ExpenseRequestSchema,
  budget: BudgetRecordSchema,
  kpis: KpiRecordSchema,
  kpiTarget: KpiTargetSchema,
  measurement: MeasurementSchema,
  objective: ObjectiveSchema,
  member: MemberSchema,
  delegation: StoredDelegationSchema,
  approval: ApprovalSchema,
  comment: CommentSchema,
  attachment: StoredAttachmentSchema,
  lesson: LessonSchema,
  baseline: StoredBaselineSchema,
  schedule: ScheduleRecordSchema,
} as const;

/** A record type the workspace stores. */
export type RecordType = keyof typeof RECORD_SCHEMAS;

/** Every record type, in the order a cascading delete visits them. */
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];

/** The stored data of a record type. */
export type RecordData<T extends RecordType> = z.output<(typeof RECORD_SCHEMAS)[T]>;

/** Records loaded by a command: type → id → data. */
export type RecordState = { [T in RecordType]: Record<string, RecordData<T>> };

/** A key naming one record. */
export interface Key<T extends RecordType = RecordType> {
  readonly type: T;
  readonly id: string;
}

/** Records without a campaign: objectives, members and their delegations are workspace-wide. */
const WORKSPACE_WIDE: ReadonlySet<RecordType> = new Set(['objective', 'member', 'delegation']);

/** True for record types that belong to no campaign. */
export function isWorkspaceWide(type: RecordType): boolean {
  return WORKSPACE_WIDE.has(type);
}

/** The campaign a record belongs to (`null` for workspace-wide records). */
export function campaignOf(type: RecordType, data: unknown): string | null {
  if (WORKSPACE_WIDE.has(type)) return null;
  const record = (data ?? {}) as { id?: unknown; campaignId?: unknown };
  const id = type === 'campaign' ? record.id : record.campaignId;
  return typeof id === 'string' ? id : null;
}

/** `type/id`, for maps. */
export function keyText(type: string, id: string): string {
  return `${type}\u0000${id}`;
}

/** True for a known record type. */
export function isRecordType(type: string): type is RecordType {
  return Object.hasOwn(RECORD_SCHEMAS, type);
}

/** An empty {@link RecordState}. */
export function emptyRecordState(): RecordState {
  const state = {} as Record<RecordType, Record<string, unknown>>;
  for (const type of RECORD_TYPES) state[type] = {};
  return state as RecordState;
}
