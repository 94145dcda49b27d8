import * as z from 'zod';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar/workingCalendar.js';
import { CurrencySchema, ExchangeRatesSchema } from '../core/money.js';
import { parseInput } from '../core/validate.js';
import { EARNED_VALUE_METHODS, campaignEvm, type CampaignEvm } from '../budget/evm/campaignEvm.js';
import { sCurve, type SCurve } from '../budget/evm/sCurve.js';
import type { BudgetStateInput } from '../budget/budgetState.js';
import { portfolioSummary, type PortfolioSummary } from '../budget/portfolioSummary.js';
import type { BudgetThresholds } from '../model/budget.js';
import type { CalendarInput } from '../model/calendar.js';
import { CampaignIdSchema } from '../model/ids.js';
import { IsoDateSchema } from '../model/primitives.js';
import type { Task } from '../model/task.js';
import { localDateTime } from '../workflow/_time.js';
import type { WorkspaceContext } from './_context.js';
import { taskTimelines } from './_taskTimeline.js';
import { assertCanList, readableCampaignIds, readEvery, readOne } from './_reader.js';
import { readSchedule } from './_readSchedule.js';
import { calendarOf } from './_workflowQueries.js';
import type { PortfolioQueryOptions } from './budgetService.js';
import type { CampaignEvmReport, EvmQueryOptions } from './campaignService.js';

/** A campaign's stored budget as the budget engine reads it, with its threshold policy. */
export async function budgetStateOf(ctx: WorkspaceContext, campaignId: string): Promise<{ state: BudgetStateInput; thresholds?: BudgetThresholds }> {
  const campaign = await readOne(ctx, 'campaign', campaignId);
  const [doc, lines, expenses] = await Promise.all([ctx.storage.get('budget', campaignId), readEvery(ctx, 'budgetLine', campaignId), readEvery(ctx, 'expense', campaignId)]);
  const settings = doc?.data as { thresholds?: BudgetThresholds; categories?: string[] } | undefined;
  return { state: { campaign, categories: settings?.categories ?? [], lines, expenses }, ...(settings?.thresholds === undefined ? {} : { thresholds: settings.thresholds }) };
}

const PortfolioSchema = z.strictObject({
  /** Currency. */
  currency: CurrencySchema,
  /** Rates. */
  rates: ExchangeRatesSchema.optional(),
  /** Campaigns. */
  campaignIds: z.array(CampaignIdSchema).max(1000).optional(),
});

/**
 * `budgets.portfolio`: `portfolioSummary` over the campaigns the actor may read the budget of —
 * the ones named, or every one. A named campaign the actor may not read is refused as a query of
 * it would be; unnamed ones they may not read are simply not in the portfolio.
 */
export async function portfolioOf(ctx: WorkspaceContext, options: PortfolioQueryOptions): Promise<PortfolioSummary> {
  const { currency, rates, campaignIds } = parseInput(PortfolioSchema, options, 'portfolio options');
  const ids = await readableCampaignIds(ctx, 'budgetLine', campaignIds);
  const campaigns = await Promise.all(ids.map(async (id) => {
    const { state, thresholds } = await budgetStateOf(ctx, id);
    return { budget: state, ...(thresholds === undefined ? {} : { thresholds }) };
  }));
  return portfolioSummary({ currency, ...(rates === undefined ? {} : { rates }), campaigns });
}

const EvmSchema = z.strictObject({
  /** Status date. */
  statusDate: IsoDateSchema,
  /** Method. */
  method: z.enum(EARNED_VALUE_METHODS).optional(),
  /** S-curve period. */
  period: z.enum(['day', 'week', 'month']).optional(),
});

/** The days of `task`'s schedule that hold some of its working time, on its calendar. */
function workingDaysOf(task: Task, calendar: WorkingCalendar): string[] {
  const { start, finish } = task;
  if (start === undefined || finish === undefined || finish <= start) return [];
  return calendar.workingDays(start.slice(0, 10), finish.slice(0, 10)).filter((day) =>
    calendar.workingTimesOn(day).some(({ from, to }) => `${day}T${from}` < finish && `${day}T${to}` > start),
  );
}

/**
 * The campaign's tasks as the earned-value engine reads them: each non-summary task's working days
 * in the stored schedule (on its calendar, else the campaign's), its percent complete, and the
 * readings of it the audit trail recorded up to the status date.
 */
export async function evmTasksOf(ctx: WorkspaceContext, campaignId: string, statusDate: string) {
  const [tasks, schedule, calendars, timelines] = await Promise.all([
    readEvery(ctx, 'task', campaignId),
    readSchedule(ctx, campaignId),
    calendarOf(ctx, campaignId),
    taskTimelines(ctx, campaignId, (at) => localDateTime(at, ctx.timeZone).slice(0, 10)),
  ]);
  const working = new Map<string, WorkingCalendar>();
  const calendarFor = (calendarId: string | undefined): WorkingCalendar | undefined => {
    const spec: CalendarInput | undefined = calendarId === undefined ? calendars.calendar : calendars.calendars.find((c) => c.id === calendarId);
    if (spec === undefined) return undefined;
    const cached = working.get(spec.id) ?? createWorkingCalendar(spec, { calendars: calendars.calendars });
    working.set(spec.id, cached);
    return cached;
  };
  const dates = new Map(schedule.tasks.map((t) => [t.id, t]));
  const evmTasks = tasks.flatMap((task) => {
    const scheduled = dates.get(task.id);
    const calendar = calendarFor(task.calendarId) ?? calendarFor(undefined);
    if (scheduled === undefined || scheduled.summary || calendar === undefined) return [];
    const dated = { ...task, start: scheduled.start, finish: scheduled.finish };
    const readings = (timelines.get(task.id)?.progress ?? []).filter((r) => r.date <= statusDate);
    return [{ id: task.id, ...(task.stageId === undefined ? {} : { stageId: task.stageId }), workingDays: workingDaysOf(dated, calendar), percentComplete: task.percentComplete, history: readings }];
  });
  return evmTasks;
}

/**
 * `campaigns.evm`: `campaignEvm` and `sCurve` on the stored campaign — PV from the budget lines
 * spread over each task's working days in the stored schedule (on the task's calendar, else the
 * campaign's), EV from the tasks' percent complete (and, per period, from the readings the audit
 * trail recorded), AC from the recorded actual expenses.
 */
export async function evmReportOf(ctx: WorkspaceContext, id: string, options: EvmQueryOptions): Promise<CampaignEvmReport> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const { statusDate, method, period } = parseInput(EvmSchema, options, 'earned-value options');
  assertCanList(ctx, 'budgetLine', campaignId);
  assertCanList(ctx, 'task', campaignId);
  const [{ state }, evmTasks] = await Promise.all([budgetStateOf(ctx, campaignId), evmTasksOf(ctx, campaignId, statusDate)]);
  const input = { statusDate, budget: state, tasks: evmTasks, ...(method === undefined ? {} : { method }) };
  const evm: CampaignEvm = campaignEvm(input);
  const curve: SCurve = sCurve({ ...input, ...(period === undefined ? {} : { period }) });
  return { ...evm, sCurve: curve };
}
