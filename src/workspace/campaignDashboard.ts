import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { parseInput } from '../core/validate.js';
import type { BudgetSummary } from '../budget/budgetSummary.js';

import type { Approval } from '../model/approval.js';
import type { CampaignStatus } from '../model/campaign.js';
import { CampaignIdSchema } from '../model/ids.js';
import { stageDueAt } from '../workflow/approvals/approvalDueAt.js';
import { latestRound } from '../workflow/_approvalRounds.js';
import { localDateTime } from '../workflow/_time.js';
import type { Reminder } from '../workflow/reminders/dueReminders.js';
import type { Risk } from '../workflow/reminders/risks.js';
import type { WorkspaceContext } from './_context.js';
import { assertCanList, canList, readEvery, readOne } from './_reader.js';
import { readSchedule } from './_readSchedule.js';
import { calendarOf, workingCalendarOf } from './_workflowQueries.js';
import type { ApprovalService } from './approvalService.js';
import type { BudgetService } from './budgetService.js';
import type { CampaignService } from './campaignService.js';
import type { KpiService, KpiTrackingRow } from './kpiService.js';

/** A late task on a dashboard: not done and due before now. */
export interface DashboardLateTask {
  /** Task id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Scheduled finish, local `YYYY-MM-DDTHH:mm`. */
  readonly finish: string;
  /** Working minutes from the finish to now on the campaign's calendar. */
  readonly lateBy: number;
  /** On the critical path: the campaign's finish moves with it. */
  readonly critical: boolean;
}

/** Schedule health on a dashboard. */
export interface DashboardSchedule {
  /** Campaign start, local date-time. */
  readonly start: string;
  /** Forecast finish. */
  readonly finish: string;
  /** The `Baseline` baseline's finish and the working minutes the forecast is later (negative: earlier), or null without one. */
  readonly baseline: { readonly name: string; readonly finish: string; readonly finishVariance: number } | null;
  /** Tasks (not summaries) by status category. */
  readonly tasks: { readonly total: number; readonly todo: number; readonly inProgress: number; readonly done: number };
  /** Tasks not done whose finish has passed, latest first. */
  readonly late: readonly DashboardLateTask[];
  /** How many of the late tasks are critical. */
  readonly criticalLate: number;
  /** The lowest total float of an unfinished task, in working minutes (negative: a deadline or constraint is missed), or null when all are done. */
  readonly minimumFloat: number | null;
  /** Tasks finishing after their deadline. */
  readonly missedDeadlines: readonly { readonly id: string; readonly deadline: string; readonly finish: string }[];
}

/** A pending approval on a dashboard, with its current stage's SLA. */
export interface DashboardApproval {
  /** Approval id. */
  readonly id: string;
  /** Title, or the subject when it has none. */
  readonly title: string;
  /** The current stage's name. */
  readonly stage: string;
  /** When the current stage's SLA ends (local date-time), or null without one. */
  readonly dueAt: string | null;
  /** Past its SLA now. */
  readonly overdue: boolean;
}

/** One person's open work on a dashboard. */
export interface DashboardWorkload {
  /** Member id. */
  readonly memberId: string;
  /** Open tasks assigned to them. */
  readonly openTasks: number;
  /** Of those, how many are late. */
  readonly lateTasks: number;
  /** Remaining working minutes of those tasks: duration × (1 − percent complete). */
  readonly remainingWork: number;
}

/**
 * The page a manager opens every morning, in one call: schedule health, budget, KPIs, approvals
 * waiting, risks, reminders and who carries the open work. Sections the actor may not read are
 * `null` (an agency's dashboard has no budget).
 */
export interface CampaignDashboard {
  /** The campaign. */
  readonly campaign: { readonly id: string; readonly name: string; readonly status: CampaignStatus; readonly currency: string };
  /** When the dashboard was read, local date-time in the workspace's time zone. */
  readonly asOf: string;
  /** Schedule health. */
  readonly schedule: DashboardSchedule;
  /** Budget by category with threshold status (`budget.read`), or null. */
  readonly budget: BudgetSummary | null;
  /** KPI tracking table (`kpi.read`), or null. */
  readonly kpis: readonly KpiTrackingRow[] | null;
  /** Pending approvals with their SLAs (`approval.read`), or null. */
  readonly approvals: readonly DashboardApproval[] | null;
  /** Delay risks. */
  readonly risks: readonly Risk[];
  /** What is due soon or overdue, and whom to tell. */
  readonly reminders: readonly Reminder[];
  /** Open work per assignee, most remaining work first. */
  readonly workload: readonly DashboardWorkload[];
}

/** The services a dashboard reads through, so each section is authorized as its own query. */
export interface DashboardServices {
  readonly campaigns: CampaignService;
  readonly budgets: BudgetService;
  readonly kpis: KpiService;
  readonly approvals: ApprovalService;
}

/** `reports.dashboard`: see {@link CampaignDashboard}. */
export async function dashboardOf(ctx: WorkspaceContext, services: DashboardServices, id: string): Promise<CampaignDashboard> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  assertCanList(ctx, 'task', campaignId);
  const asOf = localDateTime(ctx.clock.now(), ctx.timeZone);
  const campaign = await readOne(ctx, 'campaign', campaignId);
  const [schedule, tasks, baselines, cal, risks, reminders] = await Promise.all([
    readSchedule(ctx, campaignId),
    readEvery(ctx, 'task', campaignId),
    readEvery(ctx, 'baseline', campaignId),
    calendarOf(ctx, campaignId),
    services.campaigns.risks(campaignId),
    services.campaigns.reminders(campaignId),
  ]);
  const calendar = workingCalendarOf(cal);
  const scheduled = new Map(schedule.tasks.map((t) => [t.id, t]));
  const summaries = new Set(schedule.tasks.filter((t) => t.summary).map((t) => t.id));
  const leaves = tasks.filter((t) => !summaries.has(t.id));
  const late: DashboardLateTask[] = [];
  let minimumFloat: number | null = null;
  const workload = new Map<string, { openTasks: number; lateTasks: number; remainingWork: number }>();
  for (const task of leaves) {
    const s = scheduled.get(task.id);
    if (s === undefined || task.statusCategory === 'done') continue;
    minimumFloat = minimumFloat === null ? s.totalFloat : Math.min(minimumFloat, s.totalFloat);
    const isLate = s.finish < asOf;
    if (isLate) late.push({ id: task.id, name: task.name, finish: s.finish, lateBy: calendar.workingMinutesBetween(s.finish, asOf), critical: s.critical });
    for (const member of task.assigneeIds) {
      const w = workload.get(member) ?? { openTasks: 0, lateTasks: 0, remainingWork: 0 };
      w.openTasks += 1;
      if (isLate) w.lateTasks += 1;
      w.remainingWork += Math.round(s.duration * (1 - task.percentComplete / 100));
      workload.set(member, w);
    }
  }
  late.sort((a, b) => b.lateBy - a.lateBy || (a.id < b.id ? -1 : 1));
  const baseline = baselines.find((b) => b.name === 'Baseline');
  const baselineFinish = baseline === undefined ? undefined : Object.values(baseline.tasks).reduce<string | undefined>((max, t) => (max === undefined || t.finish > max ? t.finish : max), undefined);
  const count = (category: string) => leaves.filter((t) => t.statusCategory === category).length;
  return {
    campaign: { id: campaign.id, name: campaign.name, status: campaign.status, currency: campaign.currency },
    asOf,
    schedule: {
      start: schedule.start,
      finish: schedule.finish,
      baseline: baseline === undefined || baselineFinish === undefined ? null : { name: baseline.name, finish: baselineFinish, finishVariance: calendar.workingMinutesBetween(baselineFinish, schedule.finish) },
      tasks: { total: leaves.length, todo: count('todo'), inProgress: count('in_progress'), done: count('done') },
      late,
      criticalLate: late.filter((t) => t.critical).length,
      minimumFloat,
      missedDeadlines: schedule.issues.flatMap((i) => {
        const s = scheduled.get(i.taskId);
        return i.code === 'DEADLINE_MISSED' && s !== undefined && i.date !== undefined ? [{ id: i.taskId, deadline: i.date, finish: s.finish }] : [];
      }),
    },
    budget: canList(ctx, 'budgetLine', campaignId) ? await services.budgets.summary(campaignId) : null,
    kpis: canList(ctx, 'kpiTarget', campaignId) ? await services.kpis.trackingTable(campaignId) : null,
    approvals: canList(ctx, 'approval', campaignId) ? pendingApprovals(await readEvery(ctx, 'approval', campaignId), calendar, ctx.timeZone, asOf) : null,
    risks,
    reminders,
    workload: [...workload].map(([memberId, w]) => ({ memberId, ...w })).sort((a, b) => b.remainingWork - a.remainingWork || (a.memberId < b.memberId ? -1 : 1)),
  };
}

function pendingApprovals(approvals: readonly Approval[], calendar: WorkingCalendar, timeZone: string, asOf: string): DashboardApproval[] {
  return approvals
    .filter((a) => a.status === 'pending')
    .map((a) => {
      const dueAt = stageDueAt(a, calendar, timeZone);
      const stage = a.stages[latestRound(a)?.currentStage ?? 0];
      return { id: a.id, title: a.title ?? `${a.subject.type} ${a.subject.id}`, stage: stage?.name ?? '', dueAt, overdue: dueAt !== null && dueAt < asOf };
    })
    .sort((a, b) => (a.dueAt ?? '9999') < (b.dueAt ?? '9999') ? -1 : (a.dueAt ?? '9999') > (b.dueAt ?? '9999') ? 1 : a.id < b.id ? -1 : 1);
}
