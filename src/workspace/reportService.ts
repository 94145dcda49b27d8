import type { ReportDocument } from '../reports/document/reportDocument.js';
import type { GanttView } from '../reports/gantt/ganttView.js';
import type { BudgetBurn } from '../reports/series/budgetBurn.js';
import type { BurnChart } from '../reports/series/burnChart.js';
import type { CumulativeFlow } from '../reports/series/cumulativeFlow.js';
import type { KpiTrend } from '../reports/series/kpiTrend.js';
import {
  dailyReportOf,
  retrospectiveReportOf,
  roiReportOf,
  weeklyReportOf,
  type ProgressReportQueryOptions,
  type ProgressSubject,
  type RetrospectiveQueryOptions,
  type RoiReportQueryOptions,
} from './reportDocumentQueries.js';
import { budgetBurnOf, burnChartOf, cumulativeFlowOf, kpiTrendOf, type BudgetBurnQueryOptions, type BurnQueryOptions, type KpiTrendQueryOptions } from './seriesQueries.js';
import type { WorkspaceContext } from './_context.js';
import { dashboardOf, type CampaignDashboard, type DashboardServices } from './campaignDashboard.js';
import { ganttOf, type GanttQueryOptions } from './ganttQuery.js';
import { portfolioDashboardOf, type PortfolioDashboard, type PortfolioDashboardQueryOptions } from './portfolioDashboard.js';

/**
 * What people look at, from stored data: the Gantt view, dashboards and reports. Every query is
 * authorized as the reads it is made of — a campaign's reports need `task.read` or `report.read`
 * on it, and sections about money, KPIs or approvals appear only for actors who may read those
 * (an agency's dashboard has no budget in it).
 */
export interface ReportService {
  /**
   * The campaign's Gantt view: rows in outline order with WBS numbers, summary bars, progress,
   * critical flags, floats, the `Baseline` baseline's bars (or the one named), deadlines, constraint
   * markers, links, the time scale and a today line at now. Feed it to a Gantt adapter or `ganttSvg`.
   *
   * @example
   * ```ts
   * const view = await workspace.reports.gantt('launch', { scale: 'day' });
   * toDhtmlxGantt(view); // { data: [...], links: [...] } for gantt.parse
   * ```
   */
  gantt(campaignId: string, options?: GanttQueryOptions): Promise<GanttView>;
  /**
   * The campaign dashboard in one call: schedule health (forecast finish against the baseline,
   * late and critical-late tasks, the lowest float, missed deadlines), budget by category with
   * threshold status, the KPI tracking table, pending approvals with their SLAs, risks, reminders
   * and open work per assignee.
   *
   * @example
   * ```ts
   * const board = await workspace.reports.dashboard('launch');
   * board.schedule.criticalLate; // 1
   * ```
   */
  dashboard(campaignId: string): Promise<CampaignDashboard>;
  /**
   * Every campaign the actor may see on one page, budgets rolled up in one currency: finish against
   * baseline, late tasks, budget status, KPI statuses, pending approvals and risks per campaign.
   *
   * @example
   * ```ts
   * const page = await workspace.reports.portfolioDashboard({ currency: 'CNY' });
   * page.totals.behindBaseline; // 2
   * ```
   */
  portfolioDashboard(options: PortfolioDashboardQueryOptions): Promise<PortfolioDashboard>;
  /**
   * Burndown and burnup per working day, from the audit trail: remaining, completed and total scope
   * by task count (default), remaining work or story points, the ideal line, and each scope change.
   *
   * @example
   * ```ts
   * const chart = await workspace.reports.burnChart('launch', { measure: 'work' });
   * chart.days.at(-1); // { date: '2026-03-13', remaining: 0, completed: 4320, scope: 4320, ideal: 0, … }
   * ```
   */
  burnChart(campaignId: string, options?: BurnQueryOptions): Promise<BurnChart>;
  /** Cumulative flow per working day from the audit trail: the campaign's tasks by status category, as stacked bands. */
  cumulativeFlow(campaignId: string, options?: BurnQueryOptions): Promise<CumulativeFlow>;
  /**
   * Planned, actual, committed and forecast spend per period with their cumulative S-curves
   * (`budget.read`); planned amounts spread over the funded tasks' working days in the schedule.
   *
   * @example
   * ```ts
   * (await workspace.reports.budgetBurn('launch', { period: 'week' })).points[0]; // { period: '2026-W10', planned: 250000, … }
   * ```
   */
  budgetBurn(campaignId: string, options?: BudgetBurnQueryOptions): Promise<BudgetBurn>;
  /**
   * A KPI's trend per day, week or month, overall or by channel, computed from each period's summed
   * inputs, against a stored target's line when `targetId` names one (`kpi.read`).
   *
   * @example
   * ```ts
   * await workspace.reports.kpiTrend('launch', { targetId: 'leads', period: 'week' });
   * ```
   */
  kpiTrend(campaignId: string, options: KpiTrendQueryOptions): Promise<KpiTrend>;
  /**
   * The daily report (一键日报) of a campaign, or of a member across their campaigns: what finished
   * and started since the previous report (default: a day before `at`), what is late and why (its
   * latest comment), spend by category, KPI movement, decisions waiting and the next day's
   * deadlines. Render it with `renderMarkdown` or `renderHtml` in `en` or `zh-CN`.
   *
   * @example
   * ```ts
   * const doc = await workspace.reports.dailyReport({ campaignId: 'launch' });
   * renderMarkdown(doc, { locale: 'zh-CN' }); // '# 日报：Spring launch …'
   * ```
   */
  dailyReport(subject: ProgressSubject, options?: ProgressReportQueryOptions): Promise<ReportDocument>;
  /** The weekly report: {@link ReportService.dailyReport} over seven days, with the next week's deadlines. */
  weeklyReport(subject: ProgressSubject, options?: ProgressReportQueryOptions): Promise<ReportDocument>;
  /**
   * The ROI report at campaign close (`budget.read` and `kpi.read`): spend by category, results by
   * channel, ROI, ROAS, CPL and CPA with their formulas against the campaign's targets and the
   * benchmarks given.
   */
  roiReport(campaignId: string, options?: RoiReportQueryOptions): Promise<ReportDocument>;
  /**
   * The retrospective (复盘): the KPI table 活动名称 / 关键指标 / 目标值 / 实际值 / 差异率 / 原因分析 /
   * 改进方向 from the targets and their recorded reasons, the schedule against the baseline, stage
   * working time against each SLA, budget variance by category (with `budget.read`), and the
   * lessons recorded with `workspace.lessons`.
   */
  retrospectiveReport(campaignId: string, options?: RetrospectiveQueryOptions): Promise<ReportDocument>;
}

/** The workspace's report queries, reading through its other services. */
export function createReportService(ctx: WorkspaceContext, services: DashboardServices): ReportService {
  return {
    gantt: async (campaignId, options = {}) => ganttOf(ctx, campaignId, options),
    dashboard: async (campaignId) => dashboardOf(ctx, services, campaignId),
    portfolioDashboard: async (options) => portfolioDashboardOf(ctx, services, options),
    burnChart: async (campaignId, options = {}) => burnChartOf(ctx, campaignId, options),
    cumulativeFlow: async (campaignId, options = {}) => cumulativeFlowOf(ctx, campaignId, options),
    budgetBurn: async (campaignId, options = {}) => budgetBurnOf(ctx, campaignId, options),
    kpiTrend: async (campaignId, options) => kpiTrendOf(ctx, campaignId, options),
    dailyReport: async (subject, options = {}) => dailyReportOf(ctx, subject, options),
    weeklyReport: async (subject, options = {}) => weeklyReportOf(ctx, subject, options),
    roiReport: async (campaignId, options = {}) => roiReportOf(ctx, services, campaignId, options),
    retrospectiveReport: async (campaignId, options = {}) => retrospectiveReportOf(ctx, services, campaignId, options),
  };
}
