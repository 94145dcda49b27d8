import * as z from 'zod';
import { AccessPolicySchema, DEFAULT_ACCESS_POLICY, type AccessPolicy } from '../access/accessPolicy.js';
import { ActorSchema, type Actor, type ActorInput } from '../access/actor.js';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../core/clock.js';
import { invalidField, parseInput } from '../core/validate.js';
import type { WorkspaceEvent, WorkspaceEventListener, WorkspaceEventMap } from '../events/workspaceEvents.js';
import { defaultMetricRegistry, type MetricRegistry } from '../kpi/createMetricRegistry.js';
import type { OutboxEntry, StorageAdapter } from '../store/storageAdapter.js';
import { CostCategorySchema } from '../model/budget.js';
import type { Inbox } from '../workflow/collaboration/inbox.js';
import { StatusWorkflowSchema, type StatusWorkflowInput } from '../workflow/status/statusWorkflow.js';
import { CommandContextSchema } from '../workflow/context.js';
import type { WorkspaceContext } from './_context.js';
import { EventBus } from './_eventBus.js';
import { eventFor } from './_eventVisibility.js';
import type { ListenerErrorHandler } from './serviceTypes.js';
import { assertAllowed } from './_reader.js';
import { campaignScope } from './_resources.js';
import { ScheduleCache } from './_scheduleCache.js';
import { inboxOf } from './_workflowQueries.js';
import { teamMetricsOf } from './_teamQueries.js';
import type { TeamMetrics } from '../kpi/teamMetrics.js';
import { createApprovalService, type ApprovalService } from './approvalService.js';
import { createAuditService, type AuditService } from './auditService.js';
import { createBudgetService, type BudgetService } from './budgetService.js';
import { createCalendarService, type CalendarService } from './calendarService.js';
import { createCommentService, type CommentService } from './commentService.js';
import { createKpiService, type KpiService } from './kpiService.js';
import { createMemberService, type MemberService } from './memberService.js';
import { createObjectiveService, type ObjectiveService } from './objectiveService.js';
import { createCampaignService, type CampaignService } from './campaignService.js';
import { createDependencyService, type DependencyService } from './dependencyService.js';
import { createTaskService, type TaskService } from './taskService.js';
import { createAttachmentService, type AttachmentService } from './attachmentService.js';
import { createLessonService, type LessonService } from './lessonService.js';
import { createReportService, type ReportService } from './reportService.js';

/** Options of {@link createWorkspace}. */
export interface WorkspaceOptions {
  /** Where everything is stored: `createMemoryStorage()` or a database adapter. */
  readonly storage: StorageAdapter;
  /** Source of command and event times; default the system clock. */
  readonly clock?: Clock;
  /** Source of new ids (entities, commands, events); default `crypto.randomUUID`. */
  readonly ids?: IdGenerator;
  /**
   * Who runs the commands: a member id, department and role grants, as your platform knows them.
   * Default {@link SYSTEM_ACTOR}, an administrator of everything: leave it out only in trusted code
   * such as imports and scheduled jobs, and use {@link Workspace.withActor} per request.
   */
  readonly actor?: ActorInput;
  /** Which role may do what; default `DEFAULT_ACCESS_POLICY`. */
  readonly policy?: AccessPolicy;
  /** Time zone of the campaigns' working calendars (IANA, e.g. `Asia/Shanghai`); default `UTC`. */
  readonly timeZone?: string;
  /** Metric definitions for KPI targets; default the built-in registry. */
  readonly metrics?: MetricRegistry;
  /**
   * Budget categories whose actual expenses count as `spend` (ROAS, CPA, CPL, CPC, CPM) when no
   * measurement of the campaign reports spend; default `['media']`. `cost` (ROI) and
   * `marketing_cost` (CAC) count every actual expense.
   */
  readonly spendCategories?: readonly string[];
  /** Status workflows per task type; types without one use the default workflow. */
  readonly workflows?: readonly StatusWorkflowInput[];
  /**
   * Receives what a listener throws (or rejects with) and the event; the command has committed and
   * the other listeners still run. Default: `console.error`.
   */
  readonly onListenerError?: ListenerErrorHandler;
  /** How many campaigns' prepared schedules to keep for incremental rescheduling; default 100. */
  readonly scheduleCacheSize?: number;
}

/** Options of {@link Workspace.teamMetrics}. */
export interface TeamMetricsQueryOptions {
  /** The campaigns to measure; every campaign whose tasks the actor may read when absent. */
  readonly campaignIds?: readonly string[];
  /** First day of the period (with `to`); default everything up to now. */
  readonly from?: string;
  /** Last day of the period (with `from`). */
  readonly to?: string;
  /** One group per person (`assignee`), team (department), campaign, or one `overall` group (default). */
  readonly groupBy?: 'overall' | 'assignee' | 'team' | 'campaign';
}

/** Options of {@link Workspace.inbox}. */
export interface InboxQueryOptions {
  /** The campaigns to look in (those the actor may read tasks of). */
  readonly campaignIds: readonly string[];
  /** Only mentions at or after this instant. */
  readonly since?: string;
}

/** An outbox entry of a workspace: the stored entry with its event typed. */
export type WorkspaceOutboxEntry = Omit<OutboxEntry, 'event'> & { readonly event: WorkspaceEvent };

/** Options of {@link Workspace.claimOutbox}. */
export interface ClaimOutboxOptions {
  /** At most this many entries, 1–1000; default 100. */
  readonly limit?: number;
  /** Who claims, e.g. the relay's host name; default `campaignkit-relay`. */
  readonly consumer?: string;
  /** How long the claim lasts before another relay may take the entries, in ms; default 30 000. */
  readonly leaseMs?: number;
}

/** The stateful API: services per aggregate, events, the outbox relay and views for other actors. */
export interface Workspace {
  /** Who this view acts as. */
  readonly actor: Actor;
  /** Campaigns, their schedule and cascading delete. */
  readonly campaigns: CampaignService;
  /** Tasks and their status workflow. */
  readonly tasks: TaskService;
  /** Dependencies between tasks. */
  readonly dependencies: DependencyService;
  /** Working calendars of campaigns. */
  readonly calendars: CalendarService;
  /** Budget lines, expenses and threshold policies. */
  readonly budgets: BudgetService;
  /** KPI targets and measurements. */
  readonly kpis: KpiService;
  /** Objectives and key results (workspace-wide). */
  readonly objectives: ObjectiveService;
  /** The member directory (workspace-wide). */
  readonly members: MemberService;
  /** Multi-stage approvals. */
  readonly approvals: ApprovalService;
  /** Comments with mentions. */
  readonly comments: CommentService;
  /** Deliverables: file references with their versions. */
  readonly attachments: AttachmentService;
  /** Lessons learned in retrospectives, per campaign and searchable across campaigns. */
  readonly lessons: LessonService;
  /** The audit trail and undo. */
  readonly audit: AuditService;
  /** Gantt view, dashboards and reports from stored data. */
  readonly reports: ReportService;
  /**
   * Listens to one event type, or `'*'` for all; returns a function that stops listening.
   * Listeners run after the command commits; what one throws goes to `onListenerError` and stops
   * neither the other listeners nor the command. The workspace `createWorkspace` returns hears
   * every event; a view made with {@link Workspace.withActor} hears only the events about records
   * its actor may read, redacted as queries redact them (no money without `budget.read`).
   *
   * @example
   * ```ts
   * const stop = workspace.on('task.rescheduled', (event) => console.log(event.taskId, event.finish));
   * stop();
   * ```
   */
  on<K extends keyof WorkspaceEventMap>(type: K, listener: WorkspaceEventListener<NoInfer<K>>): () => void;
  /** Like {@link Workspace.on}, for the next event only. */
  once<K extends keyof WorkspaceEventMap>(type: K, listener: WorkspaceEventListener<NoInfer<K>>): () => void;
  /** Stops a listener registered with {@link Workspace.on}. */
  off<K extends keyof WorkspaceEventMap>(type: K, listener: WorkspaceEventListener<NoInfer<K>>): void;
  /**
   * Leases the oldest unsent events for a relay to publish (`audit.read`, workspace-wide). On
   * PostgreSQL and MySQL the claim uses `FOR UPDATE SKIP LOCKED`, so relays on several app servers
   * never receive the same entry at once; an entry not acknowledged before its lease ends is
   * handed out again (at least once).
   *
   * @example
   * ```ts
   * const batch = await workspace.claimOutbox({ limit: 50 });
   * await broker.publish(batch.map((entry) => entry.event));
   * await workspace.acknowledgeOutbox(batch.map((entry) => entry.seq));
   * ```
   */
  claimOutbox(options?: ClaimOutboxOptions): Promise<WorkspaceOutboxEntry[]>;
  /**
   * What waits for the actor in the given campaigns: open tasks they own or are assigned to,
   * comments that mention them, approvals waiting for their decision.
   */
  inbox(options: InboxQueryOptions): Promise<Inbox>;
  /**
   * Team performance now (`task.read` or `report.read` on each campaign): completion, on-time and
   * overdue rates, response and cycle times per stage, from the stored tasks and the times the
   * audit trail holds (assigned, started, finished). A task is due at its deadline, else at its
   * scheduled finish; times are the workspace time zone's wall clock.
   *
   * @example
   * ```ts
   * await workspace.teamMetrics({ from: '2026-03-01', to: '2026-03-31', groupBy: 'assignee' });
   * // [{ key: 'm-wang', taskCount: 4, completed: 3, completionRate: 0.75, onTimeRate: 1, averageCycleHours: 26, ... }, ...]
   * ```
   */
  teamMetrics(options?: TeamMetricsQueryOptions): Promise<TeamMetrics[]>;
  /** Marks claimed entries as sent; returns how many were pending (`audit.read`, workspace-wide). */
  acknowledgeOutbox(seqs: readonly number[]): Promise<number>;
  /**
   * The same workspace acting as someone else: same storage, listeners and caches. Use one per
   * request in a service. Its listeners hear only what the actor may read.
   *
   * @example
   * ```ts
   * const asAgency = workspace.withActor({ id: 'm-ad', department: 'agency', roles: [{ role: 'external', campaignId: 'launch' }] });
   * await asAgency.tasks.list({ campaignId: 'launch' }); // tasks without any cost field
   * ```
   */
  withActor(actor: ActorInput): Workspace;
}

/** The actor of a workspace created without one: `system`, administrator of every campaign. */
export const SYSTEM_ACTOR: ActorInput = Object.freeze({ id: 'system', roles: [Object.freeze({ role: 'admin' as const })] });

const OptionsSchema = z.object({
  /** Storage. */
  storage: z.custom<StorageAdapter>(
    (value) => typeof (value as StorageAdapter | undefined)?.transaction === 'function' && typeof (value as StorageAdapter).readAudit === 'function',
    'expected a StorageAdapter such as createMemoryStorage()',
  ),
  /** Clock. */
  clock: z.custom<Clock>((value) => typeof (value as Clock | undefined)?.now === 'function', 'expected a Clock with now()').default(systemClock),
  /** Ids. */
  ids: z.custom<IdGenerator>((value) => typeof (value as IdGenerator | undefined)?.next === 'function', 'expected an IdGenerator with next()').default(randomIds),
  /** Time zone (the workflow commands' schema: an IANA zone Intl knows). */
  timeZone: CommandContextSchema.shape.timeZone,
  /** Workflows. */
  workflows: z.array(StatusWorkflowSchema).default([]),
  /** Listener error handler. */
  onListenerError: z.custom<ListenerErrorHandler>((value) => typeof value === 'function', 'expected a function').optional(),
  /** Cache size. */
  scheduleCacheSize: z.int().min(0).max(100_000).default(100),
  /** Spend categories. */
  spendCategories: z.array(CostCategorySchema).max(100).default(['media']),
  /** Metric registry. */
  metrics: z
    .custom<MetricRegistry>((value) => typeof (value as MetricRegistry | undefined)?.get === 'function', 'expected a MetricRegistry from createMetricRegistry()')
    .default(defaultMetricRegistry),
});

const ClaimSchema = z.object({
  /** Limit. */
  limit: z.int().min(1).max(1000).default(100),
  /** Consumer. */
  consumer: z.string().min(1).max(200).default('campaignkit-relay'),
  /** Lease. */
  leaseMs: z.int().min(1).max(86_400_000).default(30_000),
});

function reportToConsole(error: unknown, event: WorkspaceEvent): void {
  globalThis.console.error(`campaignkit: a listener of ${event.type} (event ${event.id}) failed`, error);
}

function view(ctx: WorkspaceContext): Workspace {
  const relay = campaignScope('outbox', undefined);
  const hearing = ctx.hearsEverything ? undefined : (event: WorkspaceEvent) => eventFor(ctx, event);
  const campaigns = createCampaignService(ctx);
  const budgets = createBudgetService(ctx);
  const kpis = createKpiService(ctx);
  const approvals = createApprovalService(ctx);
  return {
    actor: ctx.actor,
    campaigns,
    tasks: createTaskService(ctx),
    dependencies: createDependencyService(ctx),
    calendars: createCalendarService(ctx),
    budgets,
    kpis,
    objectives: createObjectiveService(ctx),
    members: createMemberService(ctx),
    approvals,
    comments: createCommentService(ctx),
    attachments: createAttachmentService(ctx),
    lessons: createLessonService(ctx),
    audit: createAuditService(ctx),
    reports: createReportService(ctx, { campaigns, budgets, kpis, approvals }),
    inbox: async (options) => inboxOf(ctx, options),
    teamMetrics: async (options = {}) => teamMetricsOf(ctx, options),
    on: (type, listener) => ctx.bus.on(type, listener, false, hearing),
    once: (type, listener) => ctx.bus.on(type, listener, true, hearing),
    off: (type, listener) => ctx.bus.off(type, listener),
    async claimOutbox(options = {}) {
      const claim = parseInput(ClaimSchema, options, 'claim options');
      assertAllowed(ctx, 'audit.read', relay);
      return (await ctx.storage.claimOutbox(claim)) as unknown as WorkspaceOutboxEntry[];
    },
    async acknowledgeOutbox(seqs) {
      assertAllowed(ctx, 'audit.read', relay);
      return ctx.storage.acknowledgeOutbox(seqs);
    },
    withActor: (actor) => view({ ...ctx, actor: parseInput(ActorSchema, actor, 'actor'), hearsEverything: false }),
  };
}

/**
 * Creates a workspace over a storage adapter: services per aggregate whose every command runs
 * through one pipeline — parse the input, authorize the actor, load the records in one storage
 * transaction, change them with immer, save each at the version read, append one audit entry and
 * the outbox events in the same transaction, and only after the commit hand the typed events to
 * listeners. A failed step changes nothing.
 *
 * @example
 * ```ts
 * const workspace = createWorkspace({ storage: createMemoryStorage(), actor: { id: 'm-li', roles: [{ role: 'admin' }] } });
 * await workspace.campaigns.create({ id: 'launch', name: 'Spring launch', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY' });
 * await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '2d' });
 * // { id: 'brief', start: '2026-03-02T08:00', finish: '2026-03-03T17:00', status: 'todo', ... }
 * ```
 */
export function createWorkspace(options: WorkspaceOptions): Workspace {
  if (typeof options !== 'object' || options === null) throw invalidField('workspace options', [], 'expected an object with at least `storage`');
  const { policy, actor, ...rest } = options;
  const parsed = parseInput(OptionsSchema, rest, 'workspace options');
  return view({
    storage: parsed.storage,
    clock: parsed.clock,
    ids: parsed.ids,
    actor: parseInput(ActorSchema, actor ?? SYSTEM_ACTOR, 'actor'),
    policy: policy === undefined ? DEFAULT_ACCESS_POLICY : parseInput(AccessPolicySchema, policy, 'access policy'),
    timeZone: parsed.timeZone,
    metrics: parsed.metrics,
    spendCategories: parsed.spendCategories,
    workflows: parsed.workflows,
    bus: new EventBus(parsed.onListenerError ?? reportToConsole),
    schedules: new ScheduleCache(parsed.scheduleCacheSize),
    hearsEverything: true,
  });
}
