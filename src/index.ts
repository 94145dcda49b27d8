/**
 * campaignkit: the engine of a marketing project management system.
 *
 * Pure functions take plain data and return plain data; the workspace runs every change through
 * one validated, authorized, audited pipeline. This file is the whole public API of the main entry
 * point, grouped by concept.
 *
 * @packageDocumentation
 */

// Errors
export { CampaignKitError, ERROR_CODES, isCampaignKitError } from './core/errors.js';
export { parseInput } from './core/validate.js';
export type { CampaignKitErrorOptions, ErrorCode, ErrorDetails, ErrorIssue } from './core/errors.js';

// Time and ids (injected, never global)
export { fixedClock, randomIds, sequentialIds, systemClock } from './core/clock.js';
export type { Clock, IdGenerator } from './core/clock.js';

// Model: shared values
export {
  CurrencyCodeSchema,
  DURATION_UNITS,
  DurationInputSchema,
  InstantSchema,
  IsoDateSchema,
  LocalDateTimeSchema,
  MinorUnitsSchema,
  MoneySchema,
  TimeOfDaySchema,
} from './model/primitives.js';
export type { DurationInput, DurationUnit, Money } from './model/primitives.js';

// Model: ids
export {
  ApprovalIdSchema,
  AttachmentIdSchema,
  BudgetLineIdSchema,
  CalendarIdSchema,
  CampaignIdSchema,
  CommentIdSchema,
  DependencyIdSchema,
  ExpenseIdSchema,
  KeyResultIdSchema,
  KpiTargetIdSchema,
  MeasurementIdSchema,
  MemberIdSchema,
  ObjectiveIdSchema,
  StageIdSchema,
  TaskIdSchema,
  TemplateIdSchema,
} from './model/ids.js';
export type {
  ApprovalId,
  AttachmentId,
  BudgetLineId,
  CalendarId,
  CampaignId,
  CommentId,
  DependencyId,
  ExpenseId,
  KeyResultId,
  KpiTargetId,
  MeasurementId,
  MemberId,
  ObjectiveId,
  StageId,
  TaskId,
  TemplateId,
} from './model/ids.js';

// Model: entities
export { CAMPAIGN_STATUSES, CampaignSchema, ChannelShareSchema } from './model/campaign.js';
export type { Campaign, CampaignInput, CampaignStatus } from './model/campaign.js';
export {
  CONSTRAINT_TYPES,
  ChecklistItemSchema,
  ConstraintSchema,
  PRIORITIES,
  STATUS_CATEGORIES,
  TaskSchema,
} from './model/task.js';
export type { ChecklistItem, Constraint, ConstraintType, Priority, StatusCategory, Task, TaskInput } from './model/task.js';
export { DependencySchema, LINK_TYPES, LinkTypeSchema } from './model/dependency.js';
export type { Dependency, DependencyInput, LinkType } from './model/dependency.js';
export {
  CalendarExceptionSchema,
  CalendarSchema,
  RecurrenceSchema,
  WEEKDAYS,
  WeekdaySchema,
  WorkWeekPeriodSchema,
  WorkWeekSchema,
  WorkingTimeSchema,
} from './model/calendar.js';
export type { Calendar, CalendarException, CalendarInput, Recurrence, Weekday, WorkWeek, WorkingTime } from './model/calendar.js';
export { BudgetLineSchema, COST_CATEGORIES, CostCategorySchema, ExpenseSchema } from './model/budget.js';
export type { BudgetLine, BudgetLineInput, BuiltInCostCategory, Expense, ExpenseInput } from './model/budget.js';
export { KpiTargetSchema, MeasurementSchema, METRIC_UNITS, MetricDefinitionSchema, MetricIdSchema } from './model/kpi.js';
export type { KpiTarget, Measurement, MetricDefinition } from './model/kpi.js';
export { KeyResultSchema, ObjectiveSchema, PROGRESS_SOURCES } from './model/objective.js';
export type { KeyResult, Objective } from './model/objective.js';
export { MemberSchema, ROLES, RoleGrantSchema } from './model/member.js';
export type { Member, Role, RoleGrant } from './model/member.js';
export { AttachmentSchema, CommentSchema } from './model/collaboration.js';
export type { Attachment, Comment } from './model/collaboration.js';
export { ProcessTemplateSchema, StageApprovalSchema, StageLinkSchema, StageSchema, StageTaskSchema } from './model/template.js';
export type { ProcessTemplate, Stage } from './model/template.js';
export { ApprovalDecisionSchema, ApprovalSchema, ApprovalStageSchema, ApprovalSubjectSchema } from './model/approval.js';
export type { Approval } from './model/approval.js';
