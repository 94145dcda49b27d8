import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { CampaignIdSchema, KpiTargetIdSchema } from '../model/ids.js';
import { IsoDateSchema, MinorUnitsSchema } from '../model/primitives.js';
import { budgetBurn, type BudgetBurn } from '../reports/series/budgetBurn.js';
import { burnChart, type BurnChart } from '../reports/series/burnChart.js';
import { cumulativeFlow, type CumulativeFlow } from '../reports/series/cumulativeFlow.js';
import { kpiTrend, type KpiTrend } from '../reports/series/kpiTrend.js';
import { SERIES_MEASURES } from '../reports/series/taskHistory.js';
import { localDateTime } from '../workflow/_time.js';
import { budgetStateOf, evmTasksOf } from './_budgetQueries.js';
import type { WorkspaceContext } from './_context.js';
import { kpiInputs, needsRecordedSpend } from './_kpiSpend.js';
import { assertCanList, canList, readEvery, readOne } from './_reader.js';
import { lastScheduledDay, readSchedule } from './_readSchedule.js';
import { taskFactsOf } from './_taskFacts.js';
import { calendarOf, workingCalendarOf } from './_workflowQueries.js';

/** Options of `reports.burnChart` and `reports.cumulativeFlow`. */
export const BurnQuerySchema = z
  .strictObject({
    /** First day (default: the campaign's planned start). */
    from: IsoDateSchema.optional(),
    /** Last day (default: the campaign's planned finish, else its scheduled finish). */
    to: IsoDateSchema.optional(),
    /** What is counted: `'tasks'` (default), remaining `'work'` in working minutes, or story `'points'`. */
    measure: z.enum(SERIES_MEASURES).optional(),
  })
  .refine((o) => o.from === undefined || o.to === undefined || o.from <= o.to, { message: '`to` must not be before `from`', path: ['to'] });
/** Options of `reports.burnChart` and `reports.cumulativeFlow`. */
export type BurnQueryOptions = z.input<typeof BurnQuerySchema>;

/** Options of `reports.budgetBurn`. */
export const BudgetBurnQuerySchema = z.strictObject({
  /** Actuals and commitments up to this day count (default: today in the workspace's time zone). */
  statusDate: IsoDateSchema.optional(),
  /** Period of each point (default `'week'`). */
  period: z.enum(['day', 'week', 'month']).optional(),
  /** A campaign-wide estimate at completion in minor units, spread instead of the lines' forecasts. */
  estimateAtCompletion: MinorUnitsSchema.min(0).optional(),
});
/** Options of `reports.budgetBurn`. */
export type BudgetBurnQueryOptions = z.input<typeof BudgetBurnQuerySchema>;

/** Options of `reports.kpiTrend`: a metric, or a stored target (whose metric, channel and line are drawn). */
export const KpiTrendQuerySchema = z
  .strictObject({
    /** The metric to chart (an id or alias of the workspace's registry). */
    metric: z.string().min(1).max(100).optional(),
    /** A stored KPI target of the campaign: its metric with its target and expected-progress lines. */
    targetId: KpiTargetIdSchema.optional(),
    /** Bucket of each point (default `'week'`). */
    period: z.enum(['day', 'week', 'month']).optional(),
    /** One series per channel. */
    byChannel: z.boolean().optional(),
    /** First day. */
    from: IsoDateSchema.optional(),
    /** Last day. */
    to: IsoDateSchema.optional(),
  })
  .refine((o) => (o.metric === undefined) !== (o.targetId === undefined), { message: 'give either metric or targetId', path: ['metric'] });
/** Options of `reports.kpiTrend`. */
export type KpiTrendQueryOptions = z.input<typeof KpiTrendQuerySchema>;

function today(ctx: WorkspaceContext): string {
  return localDateTime(ctx.clock.now(), ctx.timeZone).slice(0, 10);
}

async function burnInput(ctx: WorkspaceContext, id: string, options: BurnQueryOptions) {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const opts = parseInput(BurnQuerySchema, options, 'burn chart options');
  assertCanList(ctx, 'task', campaignId);
  const [campaign, schedule, cal] = await Promise.all([readOne(ctx, 'campaign', campaignId), readSchedule(ctx, campaignId), calendarOf(ctx, campaignId)]);
  const summaries = new Set(schedule.tasks.filter((t) => t.summary).map((t) => t.id));
  const from = opts.from ?? campaign.plannedStart;
  const to = opts.to ?? campaign.plannedFinish ?? lastScheduledDay(schedule, from);
  return {
    from,
    to,
    ...(opts.measure === undefined ? {} : { measure: opts.measure }),
    ...(cal.calendar === undefined ? {} : { calendar: cal.calendar }),
    calendars: cal.calendars,
    facts: await taskFactsOf(ctx, campaignId, summaries),
  };
}

/** `reports.burnChart`: burndown and burnup of the campaign's tasks from the audit trail. */
export async function burnChartOf(ctx: WorkspaceContext, id: string, options: BurnQueryOptions): Promise<BurnChart> {
  return burnChart(await burnInput(ctx, id, options));
}

/** `reports.cumulativeFlow`: the campaign's tasks by status category per working day, from the audit trail. */
export async function cumulativeFlowOf(ctx: WorkspaceContext, id: string, options: BurnQueryOptions): Promise<CumulativeFlow> {
  return cumulativeFlow(await burnInput(ctx, id, options));
}

/** `reports.budgetBurn`: planned, actual, committed and forecast spend per period, with the S-curves (`budget.read`). */
export async function budgetBurnOf(ctx: WorkspaceContext, id: string, options: BudgetBurnQueryOptions): Promise<BudgetBurn> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const opts = parseInput(BudgetBurnQuerySchema, options, 'budget burn options');
  assertCanList(ctx, 'budgetLine', campaignId);
  const statusDate = opts.statusDate ?? today(ctx);
  const [{ state }, cal, schedule] = await Promise.all([budgetStateOf(ctx, campaignId), calendarOf(ctx, campaignId), readSchedule(ctx, campaignId)]);
  const tasks = canList(ctx, 'task', campaignId) ? await evmTasksOf(ctx, campaignId, statusDate) : [];
  // A campaign without a planned finish spreads its unassigned lines over its scheduled working days.
  const lineDays: Record<string, string[]> = {};
  if (state.campaign.plannedFinish === undefined) {
    const days = workingCalendarOf(cal).workingDays(state.campaign.plannedStart, lastScheduledDay(schedule, state.campaign.plannedStart));
    for (const line of state.lines) if (line.taskId === undefined) lineDays[line.id] = days;
  }
  return budgetBurn({
    budget: state,
    statusDate,
    lineDays,
    tasks: tasks.map((t) => ({ id: t.id, workingDays: t.workingDays })),
    ...(opts.period === undefined ? {} : { period: opts.period }),
    ...(opts.estimateAtCompletion === undefined ? {} : { estimateAtCompletion: opts.estimateAtCompletion }),
    ...(cal.calendar === undefined ? {} : { calendar: cal.calendar }),
    calendars: cal.calendars,
  });
}

/**
 * `reports.kpiTrend`: a metric's measurements per period (and channel) against its target line
 * (`kpi.read`). Spend-based metrics read the actual expenses where no measurement reports spend,
 * as the tracking table does, for actors who may read them.
 */
export async function kpiTrendOf(ctx: WorkspaceContext, id: string, options: KpiTrendQueryOptions): Promise<KpiTrend> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const opts = parseInput(KpiTrendQuerySchema, options, 'KPI trend options');
  assertCanList(ctx, 'kpiTarget', campaignId);
  const [targets, stored] = await Promise.all([readEvery(ctx, 'kpiTarget', campaignId), readEvery(ctx, 'measurement', campaignId)]);
  const target = opts.targetId === undefined ? undefined : targets.find((t) => t.id === opts.targetId);
  if (opts.targetId !== undefined && target === undefined) {
    throw new CampaignKitError('NOT_FOUND', `Campaign '${campaignId}' has no KPI target '${opts.targetId}'`, { details: { ids: [opts.targetId], type: 'kpiTarget' } });
  }
  const metric = target?.metric ?? opts.metric ?? '';
  const expenses = needsRecordedSpend([{ metric }], ctx.metrics) && canList(ctx, 'expense', campaignId) ? await readEvery(ctx, 'expense', campaignId) : [];
  const { measurements } = kpiInputs(stored, expenses, ctx.spendCategories);
  return kpiTrend(
    {
      metric,
      measurements: [...measurements],
      ...(target === undefined ? {} : { target }),
      ...(opts.period === undefined ? {} : { period: opts.period }),
      ...(opts.byChannel === undefined ? {} : { byChannel: opts.byChannel }),
      ...(opts.from === undefined ? {} : { from: opts.from }),
      ...(opts.to === undefined ? {} : { to: opts.to }),
    },
    { registry: ctx.metrics },
  );
}
