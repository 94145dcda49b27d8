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
  DurationSettingsSchema,
  InstantSchema,
  IsoDateSchema,
  LocalDateTimeSchema,
  MinorUnitsSchema,
  MoneySchema,
  SUPPORTED_YEARS,
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
  LessonIdSchema,
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
  LessonId,
  MeasurementId,
  MemberId,
  ObjectiveId,
  StageId,
  TaskId,
  TemplateId,
} from './model/ids.js';

// Model: entities
export { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, CampaignSchema, CampaignTypeSchema, ChannelShareSchema } from './model/campaign.js';
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
export { MemberSchema, ROLES, RoleGrantSchema } from './model/member.js';
export type { Member, Role, RoleGrant } from './model/member.js';
export { AttachmentSchema, CommentSchema, StoredAttachmentSchema } from './model/collaboration.js';
export type { Attachment, Comment, StoredAttachment } from './model/collaboration.js';
export { LessonSchema } from './model/lesson.js';
export type { Lesson, LessonInput } from './model/lesson.js';
export { ProcessTemplateSchema, StageApprovalSchema, StageLinkSchema, StageRecordIdSchema, StageSchema, StageTaskSchema, StoredStageSchema } from './model/template.js';
export type { ProcessTemplate, Stage, StoredStage } from './model/template.js';
export { TemplateLessonSchema } from './model/template.js';
export type { TemplateLesson, TemplateLessonInput } from './model/template.js';
export { ApprovalDecisionSchema, ApprovalSchema, ApprovalStageSchema, ApprovalSubjectSchema } from './model/approval.js';
export type { Approval } from './model/approval.js';

// Working calendars: working-time arithmetic on local date-times, Microsoft Project's calendars
export { createWorkingCalendar } from './calendar/workingCalendar.js';
export type { WorkingCalendar } from './calendar/workingCalendar.js';
export { NIGHT_SHIFT_CALENDAR, STANDARD_CALENDAR, TWENTY_FOUR_HOUR_CALENDAR } from './calendar/standardCalendars.js';
export { DEFAULT_DURATION_SETTINGS, resolveDuration } from './calendar/duration.js';
export type { DurationSettings, ResolvedDuration } from './calendar/duration.js';

// Dependency graph: acyclic by construction, read in dependency order from flat arrays
export { createDependencyGraph } from './graph/dependencyGraph.js';
export type { DependencyGraph, GraphLink } from './graph/dependencyGraph.js';
export type { TaskGraph } from './graph/taskGraph.js';

// Scheduling: critical path method on abstract units and on working calendars
export { computeCpm } from './schedule/computeCpm.js';
export type { CpmInput, CpmLink, CpmOptions, CpmResult, CpmTask } from './schedule/computeCpm.js';
export { ScheduleLinkSchema, ScheduleProjectSchema, ScheduleSettingsSchema, ScheduleTaskSchema } from './schedule/scheduleInput.js';
export type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from './schedule/scheduleInput.js';
export { scheduleProject } from './schedule/scheduleProject.js';
export type { ScheduleIssue, ScheduleResult, ScheduledTask } from './schedule/scheduleProject.js';
export { prepareSchedule } from './schedule/prepareSchedule.js';
export type { PreparedSchedule, ScheduleChange } from './schedule/prepareSchedule.js';
export { compareToBaseline, saveBaseline } from './schedule/baseline.js';
export type { Baseline, BaselineTask, BaselineVariance } from './schedule/baseline.js';

// Money: integer minor units, ISO 4217, exact half-even rounding, caller-supplied exchange rates
export {
  addMoney,
  allocateMinor,
  allocateMoney,
  convertMoney,
  CURRENCY_CODES,
  currencyExponent,
  CurrencySchema,
  divideMinor,
  ExchangeRatesSchema,
  formatMoney,
  isCurrencyCode,
  money,
  moneyFromDecimal,
  MoneyValueSchema,
  multiplyMinor,
  multiplyMoney,
  RoundingSchema,
  subtractMoney,
  sumMoney,
  toDecimalString,
} from './core/money.js';
export type { ExchangeRates, Ratio, Rounding } from './core/money.js';

// Model: budgets
export {
  BudgetLineSchema,
  BudgetThresholdsSchema,
  COST_CATEGORIES,
  CostCategorySchema,
  ExpenseCorrectionSchema,
  ExpenseRequestSchema,
  ExpenseSchema,
  LabourRateSchema,
  PhasingPeriodSchema,
  PhasingProfileSchema,
  ThresholdLevelsSchema,
} from './model/budget.js';
export type {
  BudgetLine,
  BudgetLineInput,
  BudgetThresholds,
  BudgetThresholdsInput,
  BuiltInCostCategory,
  Expense,
  ExpenseInput,
  ExpenseRequest,
  LabourRate,
  LabourRateInput,
  PhasingProfile,
  ThresholdLevels,
} from './model/budget.js';

// Budget engine: line totals, variance, thresholds and expense checks, time phasing, labour cost
export { BudgetStateSchema, parseBudgetState } from './budget/budgetState.js';
export type { BudgetState, BudgetStateInput, CheckedBudget } from './budget/budgetState.js';
export { lineTotals } from './budget/lineTotals.js';
export type { LineTotals } from './budget/lineTotals.js';
export { budgetVariance } from './budget/budgetVariance.js';
export type { BudgetVariance, CategoryVariance, LineVariance, VarianceDirection, VarianceFigures } from './budget/budgetVariance.js';
export { alertKey, DEFAULT_THRESHOLDS, evaluateThresholds, thresholdCrossings } from './budget/thresholds.js';
export type { BudgetAlert } from './budget/thresholds.js';
export { checkExpense } from './budget/checkExpense.js';
export type { ExpenseCheck } from './budget/checkExpense.js';
export { cumulativeAt, phaseByPeriod, timePhase, TimePhaseInputSchema } from './budget/timePhase.js';
export type { PeriodAmount, PeriodUnit, PhasedAmount, TimePhaseInput } from './budget/timePhase.js';
export { labourCost, LabourEntrySchema } from './budget/labourCost.js';
export type { CostedLabourEntry, LabourCost, LabourEntry } from './budget/labourCost.js';

// Earned value: PMI/DAU metrics, Lipke's earned schedule, per task/stage/campaign, S-curve data
export { computeEvm, EvmInputSchema } from './budget/evm/computeEvm.js';
export type { EvmInput, EvmNullable, EvmResult } from './budget/evm/computeEvm.js';
export { earnedSchedule, EarnedScheduleInputSchema } from './budget/evm/earnedSchedule.js';
export type { EarnedScheduleInput, EarnedScheduleNullable, EarnedScheduleResult } from './budget/evm/earnedSchedule.js';
export { campaignEvm, CampaignEvmInputSchema, EARNED_VALUE_METHODS, EvmTaskSchema } from './budget/evm/campaignEvm.js';
export type { CampaignEvm, CampaignEvmInput, EvmExcluded, EvmRow, EvmTask } from './budget/evm/campaignEvm.js';
export { sCurve, SCurveInputSchema } from './budget/evm/sCurve.js';
export type { SCurve, SCurveInput, SCurvePoint } from './budget/evm/sCurve.js';

// Budget reports: per campaign and per portfolio
export { budgetSummary } from './budget/budgetSummary.js';
export type { BudgetStatus, BudgetSummary, BudgetSummaryRow } from './budget/budgetSummary.js';
export { portfolioSummary } from './budget/portfolioSummary.js';
export type { PortfolioCampaign, PortfolioInput, PortfolioSummary } from './budget/portfolioSummary.js';

// Model: KPIs and objectives
export {
  BENCHMARK_SOURCES,
  BenchmarkSchema,
  InputNameSchema,
  KpiTargetSchema,
  MeasurementSchema,
  METRIC_DIRECTIONS,
  METRIC_UNITS,
  MetricDefinitionSchema,
  MetricIdSchema,
} from './model/kpi.js';
export type {
  Benchmark,
  KpiTarget,
  KpiTargetInput,
  Measurement,
  MeasurementInput,
  MetricDefinition,
  MetricDefinitionInput,
  MetricDirection,
  MetricUnit,
} from './model/kpi.js';
export { KeyResultSchema, ObjectiveSchema, PROGRESS_SOURCES } from './model/objective.js';
export type { KeyResult, KeyResultInput, Objective, ObjectiveInput, ProgressSource } from './model/objective.js';

// KPI engine: metric definitions, formulas and computation
export { BUILT_IN_METRICS } from './kpi/builtInMetrics.js';
export type { FrozenMetricDefinition } from './kpi/builtInMetrics.js';
export { METRIC_INPUTS, MetricInputValuesSchema } from './kpi/metricInputs.js';
export type { MetricInputInfo, MetricInputKind } from './kpi/metricInputs.js';
export { createMetricRegistry, defaultMetricRegistry } from './kpi/createMetricRegistry.js';
export type { MetricRegistry, RegisteredMetric } from './kpi/createMetricRegistry.js';
export { computeMetrics, explainMetrics } from './kpi/computeMetrics.js';
export type { ComputeMetricsOptions } from './kpi/computeMetrics.js';
export type { MetricNullReason, MetricResult } from './kpi/metricResult.js';
export { FORMULA_LIMITS, parseFormula } from './kpi/parseFormula.js';
export type { ArithmeticOperator, ComparisonOperator, FormulaFunction, FormulaNode } from './kpi/parseFormula.js';
export { formatFormula } from './kpi/formatFormula.js';

// KPI engine: targets, measurements, benchmarks and funnels
export { compareToTarget, DEFAULT_TARGET_TOLERANCE, TargetComparisonInputSchema } from './kpi/compareToTarget.js';
export type { TargetComparison, TargetComparisonInput, TargetStatus } from './kpi/compareToTarget.js';
export { AGGREGATION_PERIODS, aggregateMeasurements, AggregateOptionsSchema } from './kpi/aggregateMeasurements.js';
export type { AggregateOptions, MeasurementGroup } from './kpi/aggregateMeasurements.js';
export { buildTrackingTable } from './kpi/buildTrackingTable.js';
export type { TrackingRow, TrackingTableInput } from './kpi/buildTrackingTable.js';
export { BenchmarkCheckSchema, checkBenchmarks, DEFAULT_BENCHMARK_TOLERANCE } from './kpi/checkBenchmarks.js';
export type { BenchmarkAlert, BenchmarkCheckInput } from './kpi/checkBenchmarks.js';
export { FUNNEL_STAGES, funnelConversion, FunnelInputSchema } from './kpi/funnelConversion.js';
export type { FunnelConversion, FunnelInput, FunnelStep } from './kpi/funnelConversion.js';

// KPI engine: objectives (OKR) and traceability
export { keyResultProgress, KeyResultValuesSchema } from './kpi/keyResultProgress.js';
export type { KeyResultValues, ProgressResult } from './kpi/keyResultProgress.js';
export { expectedProgress, ExpectedProgressInputSchema } from './kpi/expectedProgress.js';
export type { ExpectedProgressInput } from './kpi/expectedProgress.js';
export { DEFAULT_OKR_THRESHOLDS, OkrThresholdsSchema, progressStatus } from './kpi/progressStatus.js';
export type { OkrStatus, OkrThresholds } from './kpi/progressStatus.js';
export { ObjectiveWorkItemSchema, rollupObjectives, RollupInputSchema } from './kpi/rollupObjectives.js';
export type { KeyResultRollup, ObjectiveRollup, ProgressContribution, RollupInput } from './kpi/rollupObjectives.js';
export { measureKeyResults } from './kpi/measureKeyResults.js';
export type { MeasureKeyResultsInput } from './kpi/measureKeyResults.js';
export { traceTask, TraceInputSchema } from './kpi/traceTask.js';
export type { TraceChain, TraceInput } from './kpi/traceTask.js';

// KPI engine: team performance
export { TeamTaskRecordSchema, TeamTimeSchema } from './kpi/teamTaskRecord.js';
export type { TeamTaskRecord, TeamTaskRecordInput } from './kpi/teamTaskRecord.js';
export { teamMetrics, TeamMetricsInputSchema } from './kpi/teamMetrics.js';
export type { StageCycleTime, TeamMetrics, TeamMetricsInput } from './kpi/teamMetrics.js';

// Model: approvals, members, templates, collaboration (workflow additions)
export {
  APPROVAL_DECISIONS,
  APPROVAL_STATUSES,
  ApprovalEscalationSchema,
  ApprovalRoundSchema,
  DelegationSchema,
  SLA_BASES,
} from './model/approval.js';
export type {
  ApprovalDecision,
  ApprovalDecisionKind,
  ApprovalEscalation,
  ApprovalInput,
  ApprovalRound,
  ApprovalStage,
  ApprovalStatus,
  ApprovalSubject,
  Delegation,
} from './model/approval.js';
export { DelegationIdSchema, StoredDelegationSchema } from './model/delegation.js';
export type { StoredDelegation } from './model/delegation.js';
export { BaselineIdSchema, BaselineNameSchema, BaselineTaskSchema, StoredBaselineSchema } from './model/baseline.js';
export type { StoredBaseline } from './model/baseline.js';
export { permissionsToActOn } from './workflow/approvals/approvalPermissions.js';
export { DEPARTMENTS, DepartmentSchema } from './model/member.js';
export type { BuiltInDepartment } from './model/member.js';
export { StagePlanSchema, TemplateRoleSchema } from './model/template.js';
export type { ProcessTemplateInput, StageApproval, StageLink, StagePlan, StageTask } from './model/template.js';

// Access: roles, explainable permission checks, field-level redaction
export { PERMISSIONS, PermissionSchema } from './access/permissions.js';
export type { Permission } from './access/permissions.js';
export { AccessPolicyInputSchema, AccessPolicySchema, DEFAULT_ACCESS_POLICY, PermissionRuleSchema, defineAccessPolicy } from './access/accessPolicy.js';
export type { AccessPolicy, AccessPolicyInput, PermissionRule } from './access/accessPolicy.js';
export { ActorSchema, ResourceSchema } from './access/actor.js';
export type { Actor, ActorInput, Resource, ResourceInput } from './access/actor.js';
export { assertCan, can, rolesOf } from './access/can.js';
export type { AccessDecision } from './access/can.js';
export { COST_FIELD_PATTERN, REDACTION_RULES, TASK_SUMMARY_FIELDS, redact, redactAll } from './access/redact.js';
export type { RedactableEntity, RedactOptions } from './access/redact.js';

// Workflow: commands take (state, command, context) and return { state, events }
export type { CommandContextInput } from './workflow/context.js';
export type { CalendarOptionsInput } from './workflow/calendarOptions.js';
export { RoleDirectorySchema, membersInRole } from './workflow/roleDirectory.js';
export type { RoleDirectory, RoleDirectoryInput } from './workflow/roleDirectory.js';
export type {
  ApprovalApprovedEvent,
  ApprovalCancelledEvent,
  ApprovalDecidedEvent,
  ApprovalEscalatedEvent,
  ApprovalEventBase,
  ApprovalRejectedEvent,
  ApprovalRequestedEvent,
  AttachmentAddedEvent,
  CommandResult,
  CommentAddedEvent,
  MemberMentionedEvent,
  TaskChecklistChangedEvent,
  TaskStatusChangedEvent,
  WorkflowEvent,
} from './workflow/events.js';

// Workflow: status workflows, guards and kanban
export {
  CREATIVE_STATUS_WORKFLOW,
  DEFAULT_STATUS_WORKFLOW,
  StatusDefinitionSchema,
  StatusWorkflowSchema,
  TransitionRuleSchema,
  WorkflowGuardsSchema,
  defineStatusWorkflow,
} from './workflow/status/statusWorkflow.js';
export type { StatusDefinition, StatusWorkflow, StatusWorkflowInput, TransitionRule, WorkflowGuards } from './workflow/status/statusWorkflow.js';
export { transitionBlockers } from './workflow/status/transitionBlockers.js';
export type { TaskBoard, TransitionBlocker } from './workflow/status/transitionBlockers.js';
export { TransitionTaskCommandSchema, transitionTask } from './workflow/status/transitionTask.js';
export type { StatusContextInput, TransitionTaskCommand } from './workflow/status/transitionTask.js';
export { availableTransitions } from './workflow/status/availableTransitions.js';
export type { AvailableTransition } from './workflow/status/availableTransitions.js';
export { SetChecklistItemCommandSchema, setChecklistItem } from './workflow/status/setChecklistItem.js';
export type { SetChecklistItemCommand } from './workflow/status/setChecklistItem.js';
export { KanbanOptionsSchema, kanbanBoard } from './workflow/status/kanbanBoard.js';
export type { KanbanBoard, KanbanColumn, KanbanLane, KanbanOptions, WipViolation } from './workflow/status/kanbanBoard.js';

// Workflow: approvals
export { createApproval } from './workflow/approvals/createApproval.js';
export { SubmitApprovalCommandSchema, submitApproval } from './workflow/approvals/submitApproval.js';
export type { SubmitApprovalCommand } from './workflow/approvals/submitApproval.js';
export { DecideApprovalCommandSchema, decideApproval } from './workflow/approvals/decideApproval.js';
export type { DecideApprovalCommand, DecideContextInput } from './workflow/approvals/decideApproval.js';
export { CancelApprovalCommandSchema, cancelApproval } from './workflow/approvals/cancelApproval.js';
export type { CancelApprovalCommand } from './workflow/approvals/cancelApproval.js';
export { escalateApproval } from './workflow/approvals/escalateApproval.js';
export type { EscalateContextInput } from './workflow/approvals/escalateApproval.js';
export { approvalDueAt } from './workflow/approvals/approvalDueAt.js';
export { BudgetApprovalPolicySchema, budgetApprovalFor } from './workflow/approvals/budgetApprovalFor.js';
export type { BudgetApprovalOptions, BudgetApprovalPolicyInput } from './workflow/approvals/budgetApprovalFor.js';

// Workflow: process templates
export { BUILT_IN_TEMPLATES, CAMPAIGN_FULL_PROCESS, CONTENT_PROCESS, EVENT_PROCESS, REQUEST_INTAKE_PROCESS } from './workflow/templates/builtInTemplates.js';
export { defineTemplate } from './workflow/templates/defineTemplate.js';
export { InstantiateOptionsSchema, instantiateTemplate } from './workflow/templates/instantiateTemplate.js';
export type { InstantiatedTemplate, InstantiateOptions } from './workflow/templates/instantiateTemplate.js';
export { TemplateFromCampaignOptionsSchema, templateFromCampaign } from './workflow/templates/templateFromCampaign.js';
export type { CampaignPlan, TemplateFromCampaignOptions } from './workflow/templates/templateFromCampaign.js';

// Workflow: reminders and delay risks (pure queries the host calls on its own schedule)
export { REMINDER_KINDS, dueReminders } from './workflow/reminders/dueReminders.js';
export type { Notify, Reminder, ReminderKind, ReminderOptions, ReminderState } from './workflow/reminders/dueReminders.js';
export { RISK_KINDS, risks } from './workflow/reminders/risks.js';
export type { CriticalNotStartedRisk, DeadlineRisk, FloatConsumedRisk, Risk, RiskOptions, RiskState, StageSlaRisk } from './workflow/reminders/risks.js';

// Workflow: collaboration
export { extractMentions } from './workflow/collaboration/extractMentions.js';
export { AddCommentCommandSchema, addComment } from './workflow/collaboration/addComment.js';
export type { AddCommentCommand, CommentContextInput } from './workflow/collaboration/addComment.js';
export { commentThreads } from './workflow/collaboration/commentThreads.js';
export type { CommentThread } from './workflow/collaboration/commentThreads.js';
export { AddAttachmentCommandSchema, addAttachment } from './workflow/collaboration/addAttachment.js';
export type { AddAttachmentCommand } from './workflow/collaboration/addAttachment.js';
export { latestAttachments } from './workflow/collaboration/latestAttachments.js';
export { AuditEntryLikeSchema, EntityAuditEntrySchema, taskChangeLog, WorkspaceAuditEntrySchema } from './workflow/collaboration/taskChangeLog.js';
export type { AuditEntryLike, ChangeLogEntry, FieldChange } from './workflow/collaboration/taskChangeLog.js';
export { InboxOptionsSchema, inbox } from './workflow/collaboration/inbox.js';
export type { Inbox, InboxApproval, InboxMention, InboxOptions, InboxState, InboxTask } from './workflow/collaboration/inbox.js';

// Storage: the adapter contract and the embedded in-memory default (SQL adapters live in campaignkit/adapters/*)
export { createMemoryStorage } from './store/memoryStorage.js';
export { MemorySnapshotSchema } from './store/memorySnapshot.js';
export type { MemoryStorage, MemoryStorageOptions } from './store/memoryStorage.js';
export type { MemorySnapshot } from './store/memorySnapshot.js';
export type {
  AuditAggregate,
  AuditEntry,
  AuditInput,
  AuditPatch,
  AuditQuery,
  ClaimOptions,
  ListQuery,
  OutboxEntry,
  OutboxEvent,
  Page,
  PutInput,
  RecordKey,
  StorageAdapter,
  StorageReader,
  StorageTransaction,
  StorageWriter,
  StoredRecord,
  WriteOptions,
} from './store/storageAdapter.js';

// Workspace: the stateful API — one validated, authorized, audited command pipeline over pluggable storage
export { createWorkspace, SYSTEM_ACTOR } from './workspace/createWorkspace.js';
export type { ClaimOutboxOptions, InboxQueryOptions, TeamMetricsQueryOptions, Workspace, WorkspaceOptions, WorkspaceOutboxEntry } from './workspace/createWorkspace.js';
export type { Changes, ListenerErrorHandler, PageOptions, UpdateOptions, VersionedRecord } from './workspace/serviceTypes.js';
export type {
  BaselineComparison,
  BaselineOptions,
  CampaignEvmReport,
  CampaignChanges,
  CampaignListOptions,
  CampaignService,
  EvmQueryOptions,
  InstantiatedPlan,
  ImportMspdiOptions,
  InstantiateTemplateOptions,
  MspdiImport,
  NewCampaign,
  ReminderQueryOptions,
  SaveAsTemplateOptions,
  CampaignTransitionInput,
} from './workspace/campaignService.js';
export { CAMPAIGN_TRANSITIONS, campaignTransitionBlockers, transitionCampaign } from './workflow/status/campaignWorkflow.js';
export type { CampaignBlocker, CampaignBoard, CampaignGuard, CampaignTransition } from './workflow/status/campaignWorkflow.js';
export type { ChecklistChange, KanbanQueryOptions, NewTask, NewTaskSeries, TaskChanges, TaskListOptions, TaskSeries, TaskSeriesChanges, TaskService, TransitionInput } from './workspace/taskService.js';
export { expandRecurrence, MAX_OCCURRENCES, parseRecurrenceRule } from './calendar/recurrenceRule.js';
export type { RecurrenceRule } from './calendar/recurrenceRule.js';
export type { DependencyChanges, DependencyListOptions, DependencyService, NewDependency } from './workspace/dependencyService.js';
export type { CalendarChanges, CalendarListOptions, CalendarService, CampaignCalendar, NewCalendar } from './workspace/calendarService.js';
export type { BudgetLineChanges, BudgetListOptions, BudgetService, BudgetSettings, ExpenseCorrection, ExpenseRequestResult, NewBudgetLine, NewExpense, PortfolioQueryOptions, ReasonOptions } from './workspace/budgetService.js';
export type { KpiListOptions, KpiService, KpiTargetChanges, KpiTrackingRow, NewKpiTarget, NewMeasurement } from './workspace/kpiService.js';
export type { InputSource } from './workspace/_kpiSpend.js';
export type { NewObjective, ObjectiveChanges, ObjectiveRollupOptions, ObjectiveService } from './workspace/objectiveService.js';
export { DelegationInputSchema, DelegationListOptionsSchema } from './workspace/memberService.js';
export type { Deactivation, DelegationInput, DelegationListOptions, MemberChanges, MemberInput, MemberService } from './workspace/memberService.js';
export type { ApprovalDecisionInput, ApprovalListOptions, ApprovalService, NewApproval } from './workspace/approvalService.js';
export type { CommentListOptions, CommentService, NewComment } from './workspace/commentService.js';
export type { AttachmentListOptions, AttachmentService, NewAttachment } from './workspace/attachmentService.js';
export type { LessonChanges, LessonListOptions, LessonSearchHit, LessonSearchOptions, LessonService, NewLesson } from './workspace/lessonService.js';
export type { ReportService } from './workspace/reportService.js';
export type { CampaignDashboard, DashboardApproval, DashboardLateTask, DashboardSchedule, DashboardWorkload } from './workspace/campaignDashboard.js';
export { GanttQuerySchema } from './workspace/ganttQuery.js';
export type { GanttQueryOptions } from './workspace/ganttQuery.js';
export { PortfolioDashboardQuerySchema } from './workspace/portfolioDashboard.js';
export { BudgetBurnQuerySchema, BurnQuerySchema, KpiTrendQuerySchema } from './workspace/seriesQueries.js';
export type { BudgetBurnQueryOptions, BurnQueryOptions, KpiTrendQueryOptions } from './workspace/seriesQueries.js';
export { ProgressReportQuerySchema, ProgressSubjectSchema, RetrospectiveQuerySchema, RoiReportQuerySchema } from './workspace/reportDocumentQueries.js';
export type { ProgressReportQueryOptions, ProgressSubject, RetrospectiveQueryOptions, RoiReportQueryOptions } from './workspace/reportDocumentQueries.js';
export type { KpiStatusCounts, PortfolioDashboard, PortfolioDashboardCampaign, PortfolioDashboardQueryOptions } from './workspace/portfolioDashboard.js';
export type { AuditChange, AuditHistoryOptions, AuditListOptions, AuditRecord, AuditService, UndoResult } from './workspace/auditService.js';

// Events: the workspace's typed, past-tense events (one discriminated union on `type`)
export type {
  EventEnvelope,
  WorkspaceEvent,
  WorkspaceEventListener,
  WorkspaceEventMap,
  WorkspaceEventOf,
  WorkspaceEventPayloads,
  WorkspaceEventType,
} from './events/workspaceEvents.js';
