import type { GanttView } from '../reports/gantt/ganttView.js';
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
}

/** The workspace's report queries, reading through its other services. */
export function createReportService(ctx: WorkspaceContext, services: DashboardServices): ReportService {
  return {
    gantt: async (campaignId, options = {}) => ganttOf(ctx, campaignId, options),
    dashboard: async (campaignId) => dashboardOf(ctx, services, campaignId),
    portfolioDashboard: async (options) => portfolioDashboardOf(ctx, services, options),
  };
}
