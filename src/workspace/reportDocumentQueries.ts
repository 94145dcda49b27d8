import * as z from 'zod';
import { resolveDuration } from '../calendar/duration.js';
import { formatLocal, parseLocal } from '../calendar/localTime.js';
import { parseInput } from '../core/validate.js';
import { buildTrackingTable } from '../kpi/buildTrackingTable.js';
import type { Measurement } from '../model/kpi.js';
import { BaselineNameSchema } from '../model/baseline.js';
import { CampaignIdSchema, MemberIdSchema } from '../model/ids.js';
import { LocalDateTimeSchema } from '../model/primitives.js';
import type { Task } from '../model/task.js';
import type { ReportDocument } from '../reports/document/reportDocument.js';
import { dailyReport } from '../reports/documents/dailyReport.js';
import type { ProgressReportInput } from '../reports/documents/progressReportInput.js';
import { retrospectiveReport } from '../reports/documents/retrospectiveReport.js';
import { roiReport } from '../reports/documents/roiReport.js';
import { RoiFiguresSchema } from '../reports/documents/roiReportInput.js';
import { weeklyReport } from '../reports/documents/weeklyReport.js';
import { stageDueAt } from '../workflow/approvals/approvalDueAt.js';
import { latestRound } from '../workflow/_approvalRounds.js';
import { localDateTime } from '../workflow/_time.js';
import type { WorkspaceContext } from './_context.js';
import { kpiInputs } from './_kpiSpend.js';
import { assertCanList, canList, readableCampaignIds, readEvery, readEveryStored, readOne } from './_reader.js';
import { lastScheduledDay, readSchedule } from './_readSchedule.js';
import { calendarOf, workingCalendarOf } from './_workflowQueries.js';
import type { BudgetService } from './budgetService.js';
import type { CampaignService } from './campaignService.js';

/** Whose progress report: a campaign's, or a member's across the campaigns they work in. */
export const ProgressSubjectSchema = z.union([
  z.strictObject({
    /** The campaign. */
    campaignId: CampaignIdSchema,
  }),
  z.strictObject({
    /** The member: the tasks they own or are assigned to, and the approvals waiting for them. */
    memberId: MemberIdSchema,
    /** The campaigns to look in; every campaign whose tasks the actor may read when absent. */
    campaignIds: z.array(CampaignIdSchema).max(1000).optional(),
  }),
]);
/** Whose progress report. */
export type ProgressSubject = z.input<typeof ProgressSubjectSchema>;

/** Options of `reports.dailyReport` and `reports.weeklyReport`. */
export const ProgressReportQuerySchema = z.strictObject({
  /** The report's instant, local `YYYY-MM-DDTHH:mm` (default now in the workspace's time zone). */
  at: LocalDateTimeSchema.optional(),
  /** The previous report's instant (default one day, or seven, before `at`). */
  since: LocalDateTimeSchema.optional(),
});
/** Options of `reports.dailyReport` and `reports.weeklyReport`. */
export type ProgressReportQueryOptions = z.input<typeof ProgressReportQuerySchema>;

/** Options of `reports.roiReport`. */
export const RoiReportQuerySchema = z.strictObject({
  /** Industry or past-campaign figures to compare with (ROI and ROAS as fractions, CPL and CPA in minor units). */
  benchmarks: RoiFiguresSchema.optional(),
});
/** Options of `reports.roiReport`. */
export type RoiReportQueryOptions = z.input<typeof RoiReportQuerySchema>;

/** Options of `reports.retrospectiveReport`. */
export const RetrospectiveQuerySchema = z.strictObject({
  /** The baseline the schedule variance is measured against (default `Baseline`). */
  baseline: BaselineNameSchema.optional(),
});
/** Options of `reports.retrospectiveReport`. */
export type RetrospectiveQueryOptions = z.input<typeof RetrospectiveQuerySchema>;

/** The services a report reads through. */
export interface ReportReadServices {
  readonly campaigns: CampaignService;
  readonly budgets: BudgetService;
}

const DAY = 1440;
const inPeriod = (at: string | undefined, from: string, to: string): at is string => at !== undefined && at > from && at <= to;

/** Member names by id, for people shown in reports. */
async function memberNames(ctx: WorkspaceContext): Promise<Map<string, string>> {
  return new Map((await readEveryStored(ctx, 'member', undefined)).map((m) => [m.id as string, m.name]));
}

/** The KPI readings of a campaign's targets from the measurements dated up to `day`. */
function readingsAt(ctx: WorkspaceContext, campaign: { id: string; name: string }, targets: Parameters<typeof buildTrackingTable>[0]['targets'], measurements: readonly Measurement[], day: string) {
  return buildTrackingTable({ targets, measurements: measurements.filter((m) => m.date <= day), activityNames: { [campaign.id]: campaign.name } }, { registry: ctx.metrics });
}

/**
 * Gathers a daily or weekly report's input from storage: tasks finished and started in the
 * period, late ones with their latest comment as the reason, spend by category, KPI readings then
 * and now, approvals waiting, and what is due in the next period. Sections the actor may not read
 * stay empty.
 */
async function progressInput(ctx: WorkspaceContext, subject: ProgressSubject, options: ProgressReportQueryOptions, days: number): Promise<ProgressReportInput> {
  const who = parseInput(ProgressSubjectSchema, subject, 'report subject');
  const opts = parseInput(ProgressReportQuerySchema, options, 'report options');
  const to = opts.at ?? localDateTime(ctx.clock.now(), ctx.timeZone);
  const from = opts.since ?? formatLocal(parseLocal(to) - days * DAY);
  const horizon = formatLocal(parseLocal(to) + days * DAY);
  const memberId = 'memberId' in who ? who.memberId : undefined;
  const campaignIds = 'campaignId' in who ? [who.campaignId] : await readableCampaignIds(ctx, 'task', who.campaignIds);
  for (const id of campaignIds) assertCanList(ctx, 'task', id);
  const names = await memberNames(ctx);
  const mine = (task: Task) => memberId === undefined || task.ownerId === memberId || task.assigneeIds.includes(memberId as Task['assigneeIds'][number]);
  const input: Required<Pick<ProgressReportInput, 'finished' | 'started' | 'late' | 'spend' | 'kpis' | 'decisions' | 'deadlines'>> = { finished: [], started: [], late: [], spend: [], kpis: [], decisions: [], deadlines: [] };
  let currency = '';
  let subjectName = memberId === undefined ? '' : (names.get(memberId) ?? memberId);
  const spend = new Map<string, number>();
  for (const campaignId of campaignIds) {
    const [campaign, tasks, schedule] = await Promise.all([readOne(ctx, 'campaign', campaignId), readEvery(ctx, 'task', campaignId), readSchedule(ctx, campaignId)]);
    currency ||= campaign.currency;
    if (memberId === undefined) subjectName = campaign.name;
    const label = memberId === undefined ? {} : { campaign: campaign.name };
    const summaries = new Set(schedule.tasks.filter((t) => t.summary).map((t) => t.id));
    const finishOf = new Map(schedule.tasks.map((t) => [t.id, t.finish]));
    const comments = canList(ctx, 'comment', campaignId) ? await readEvery(ctx, 'comment', campaignId) : [];
    for (const task of tasks) {
      if (summaries.has(task.id) || !mine(task)) continue;
      const owner = task.ownerId ?? task.assigneeIds[0];
      const item = { task: task.name, ...label, ...(memberId === undefined && owner !== undefined ? { owner: names.get(owner) ?? owner } : {}) };
      if (inPeriod(task.actualFinish, from, to)) input.finished.push({ ...item, finishedAt: task.actualFinish });
      if (inPeriod(task.actualStart, from, to)) input.started.push({ ...item, startedAt: task.actualStart });
      if (task.statusCategory === 'done' || task.statusCategory === 'cancelled') continue;
      const due = task.deadline ?? finishOf.get(task.id);
      if (due === undefined) continue;
      if (due < to) {
        const reason = comments.filter((c) => c.taskId === task.id).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]?.body;
        input.late.push({ ...item, due, ...(reason === undefined ? {} : { reason: reason.slice(0, 2000) }) });
      } else if (due <= horizon) input.deadlines.push({ ...item, due });
    }
    if (memberId === undefined && canList(ctx, 'expense', campaignId)) {
      for (const e of await readEvery(ctx, 'expense', campaignId)) {
        if (e.kind === 'actual' && e.voidedAt === undefined && e.date > from.slice(0, 10) && e.date <= to.slice(0, 10)) spend.set(e.category, (spend.get(e.category) ?? 0) + e.amount);
      }
    }
    if (memberId === undefined && canList(ctx, 'kpiTarget', campaignId)) {
      const [targets, stored] = await Promise.all([readEvery(ctx, 'kpiTarget', campaignId), readEvery(ctx, 'measurement', campaignId)]);
      const expenses = canList(ctx, 'expense', campaignId) ? await readEvery(ctx, 'expense', campaignId) : [];
      const { measurements } = kpiInputs(stored, expenses, ctx.spendCategories);
      const before = readingsAt(ctx, campaign, targets, measurements, from.slice(0, 10));
      const now = readingsAt(ctx, campaign, targets, measurements, to.slice(0, 10));
      now.forEach((row, i) => input.kpis.push({ metric: row.metricName, unit: row.unit, previous: before[i]?.actual ?? null, current: row.actual, target: row.target, status: row.status }));
    }
    if (canList(ctx, 'approval', campaignId)) {
      const calendar = workingCalendarOf(await calendarOf(ctx, campaignId));
      for (const a of await readEvery(ctx, 'approval', campaignId)) {
        const round = latestRound(a);
        const stage = round === undefined ? undefined : a.stages[round.currentStage];
        if (a.status !== 'pending' || stage === undefined || round === undefined) continue;
        if (memberId !== undefined && !stage.approvers.includes(memberId as (typeof stage.approvers)[number])) continue;
        const due = stageDueAt(a, calendar, ctx.timeZone);
        input.decisions.push({
          title: a.title ?? `${a.subject.type} ${a.subject.id}`,
          stage: stage.name,
          waitingOn: stage.approvers.map((m) => names.get(m) ?? m),
          submittedAt: localDateTime(round.stageStartedAt, ctx.timeZone),
          ...(due === null ? {} : { due }),
        });
      }
    }
  }
  input.spend.push(...[...spend].sort(([a], [b]) => (a < b ? -1 : 1)).map(([category, amount]) => ({ category, amount })));
  return {
    subject: memberId === undefined ? { kind: 'campaign', name: subjectName } : { kind: 'member', name: subjectName },
    period: { from, to },
    generatedAt: new Date(ctx.clock.now()).toISOString(),
    currency: currency || 'CNY',
    ...input,
  };
}

/** `reports.dailyReport`. */
export async function dailyReportOf(ctx: WorkspaceContext, subject: ProgressSubject, options: ProgressReportQueryOptions): Promise<ReportDocument> {
  return dailyReport(await progressInput(ctx, subject, options, 1));
}

/** `reports.weeklyReport`. */
export async function weeklyReportOf(ctx: WorkspaceContext, subject: ProgressSubject, options: ProgressReportQueryOptions): Promise<ReportDocument> {
  return weeklyReport(await progressInput(ctx, subject, options, 7));
}

const ROI_METRICS = ['roi', 'roas', 'cpl', 'cpa'] as const;

/**
 * `reports.roiReport` (`budget.read` and `kpi.read`): spend by category from the budget, results by
 * channel summed from the measurements (spend, revenue, leads, conversions; where no measurement
 * reports spend, the actual expenses of the spend categories count, under channel `all`), and the
 * campaign's ROI, ROAS, CPL and CPA targets.
 */
export async function roiReportOf(ctx: WorkspaceContext, services: ReportReadServices, id: string, options: RoiReportQueryOptions): Promise<ReportDocument> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const { benchmarks } = parseInput(RoiReportQuerySchema, options, 'ROI report options');
  assertCanList(ctx, 'budgetLine', campaignId);
  assertCanList(ctx, 'kpiTarget', campaignId);
  const [campaign, summary, stored, expenses, targets, schedule] = await Promise.all([
    readOne(ctx, 'campaign', campaignId),
    services.budgets.summary(campaignId),
    readEvery(ctx, 'measurement', campaignId),
    readEvery(ctx, 'expense', campaignId),
    readEvery(ctx, 'kpiTarget', campaignId),
    readSchedule(ctx, campaignId),
  ]);
  // Where no measurement reports spend, the actual expenses of the spend categories stand in (channel `all`), as in the KPIs.
  const { measurements } = kpiInputs(stored, expenses, ctx.spendCategories);
  const channels = new Map<string, { spend: number; revenue: number; leads: number; conversions: number }>();
  for (const m of measurements) {
    const key = m.channel ?? 'all';
    const c = channels.get(key) ?? { spend: 0, revenue: 0, leads: 0, conversions: 0 };
    c.spend += Math.round(m.values.spend ?? 0);
    c.revenue += Math.round(m.values.revenue ?? 0);
    c.leads += m.values.leads ?? 0;
    c.conversions += m.values.conversions ?? 0;
    channels.set(key, c);
  }
  const targetOf = (metric: string) => targets.find((t) => ctx.metrics.resolve(t.metric) === metric && t.channel === undefined)?.target;
  const figures: Record<string, number> = {};
  for (const metric of ROI_METRICS) {
    const target = targetOf(metric);
    if (target !== undefined) figures[metric] = target;
  }
  return roiReport({
    campaign: campaign.name,
    period: { from: campaign.plannedStart, to: campaign.plannedFinish ?? lastScheduledDay(schedule, campaign.plannedStart) },
    generatedAt: new Date(ctx.clock.now()).toISOString(),
    currency: campaign.currency,
    costs: summary.categories.filter((r) => r.kind === 'cost').map((r) => ({ category: r.category, planned: r.planned, actual: r.actual })),
    channels: [...channels].sort(([a], [b]) => (a < b ? -1 : 1)).map(([channel, c]) => ({ channel, ...c })),
    targets: figures,
    ...(benchmarks === undefined ? {} : { benchmarks }),
  });
}

/**
 * `reports.retrospectiveReport`: the KPI table (target, actual, variance rate, the reasons and
 * improvements recorded on the targets), the schedule against the baseline, each stage's working
 * time against its SLA, the budget by category (with `budget.read`) and the lessons recorded.
 */
export async function retrospectiveReportOf(ctx: WorkspaceContext, services: ReportReadServices, id: string, options: RetrospectiveQueryOptions): Promise<ReportDocument> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const { baseline: name = 'Baseline' } = parseInput(RetrospectiveQuerySchema, options, 'retrospective options');
  assertCanList(ctx, 'task', campaignId);
  const [campaign, tasks, schedule, stages, baselines, cal] = await Promise.all([
    readOne(ctx, 'campaign', campaignId),
    readEvery(ctx, 'task', campaignId),
    readSchedule(ctx, campaignId),
    readEvery(ctx, 'stage', campaignId),
    readEvery(ctx, 'baseline', campaignId),
    calendarOf(ctx, campaignId),
  ]);
  const calendar = workingCalendarOf(cal);
  const byId = new Map(tasks.map((t) => [t.id as string, t]));
  const scheduled = new Map(schedule.tasks.map((t) => [t.id, t]));
  const kpis = canList(ctx, 'kpiTarget', campaignId)
    ? (await buildKpiRows(ctx, campaign, campaignId)).map((row) => ({
        activity: row.activity,
        metric: row.metricName,
        unit: row.unit,
        target: row.target,
        actual: row.actual,
        ...(row.reason === undefined ? {} : { reason: row.reason }),
        ...(row.improvement === undefined ? {} : { improvement: row.improvement }),
      }))
    : [];
  const saved = baselines.find((b) => b.name === name);
  const variance = saved === undefined ? [] : (await services.campaigns.compareToBaseline(campaignId, { name })).tasks;
  const scheduleRows = variance.flatMap((v) => {
    const task = byId.get(v.id);
    const planned = saved?.tasks[v.id];
    if (task === undefined || planned === undefined || v.finishVariance === null || scheduled.get(v.id)?.summary === true) return [];
    return [{ task: task.name, baselineFinish: planned.finish, actualFinish: task.actualFinish ?? null, varianceMinutes: v.finishVariance }];
  });
  const stageRows = stages.flatMap((stage) => {
    const own = stage.taskIds.flatMap((t) => (scheduled.has(t) ? [scheduled.get(t)] : []));
    if (own.length === 0) return [];
    const start = own.reduce((min, t) => (t !== undefined && t.start < min ? t.start : min), '9999-12-31T23:59');
    const finish = own.reduce((max, t) => (t !== undefined && t.finish > max ? t.finish : max), '0000-01-01T00:00');
    return [{ stage: stage.name, slaMinutes: Math.max(0, resolveDuration(stage.sla).minutes), actualMinutes: Math.max(0, calendar.workingMinutesBetween(start, finish)) }];
  });
  const budget = canList(ctx, 'budgetLine', campaignId) ? (await services.budgets.summary(campaignId)).categories.filter((r) => r.kind === 'cost').map((r) => ({ category: r.category, planned: r.planned, actual: r.actual })) : [];
  const lessons = (await readEvery(ctx, 'lesson', campaignId)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map((l) => ({ text: l.text, ...(l.category === undefined ? {} : { category: l.category }), tags: l.tags }));
  return retrospectiveReport({
    campaign: campaign.name,
    period: { from: campaign.plannedStart, to: lastScheduledDay(schedule, campaign.plannedStart) },
    generatedAt: new Date(ctx.clock.now()).toISOString(),
    currency: campaign.currency,
    kpis,
    schedule: scheduleRows,
    stages: stageRows,
    budget,
    lessons,
  });
}

async function buildKpiRows(ctx: WorkspaceContext, campaign: { id: string; name: string }, campaignId: string) {
  const [targets, stored] = await Promise.all([readEvery(ctx, 'kpiTarget', campaignId), readEvery(ctx, 'measurement', campaignId)]);
  const expenses = canList(ctx, 'expense', campaignId) ? await readEvery(ctx, 'expense', campaignId) : [];
  const { measurements } = kpiInputs(stored, expenses, ctx.spendCategories);
  return readingsAt(ctx, campaign, targets, measurements, '9999-12-31');
}

