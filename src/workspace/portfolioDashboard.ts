import * as z from 'zod';
import type { PortfolioCampaign, PortfolioSummary } from '../budget/portfolioSummary.js';
import { CurrencySchema, ExchangeRatesSchema } from '../core/money.js';
import { parseInput } from '../core/validate.js';
import type { TargetStatus } from '../kpi/compareToTarget.js';
import type { CampaignStatus } from '../model/campaign.js';
import { CampaignIdSchema } from '../model/ids.js';
import { localDateTime } from '../workflow/_time.js';
import type { WorkspaceContext } from './_context.js';
import { dashboardOf, type DashboardServices } from './campaignDashboard.js';
import { canList, readableCampaignIds } from './_reader.js';

/** Options of `workspace.reports.portfolioDashboard`. */
export const PortfolioDashboardQuerySchema = z.strictObject({
  /** The one currency budgets are rolled up in (ISO 4217). */
  currency: CurrencySchema,
  /** Exchange rates for campaigns kept in other currencies. */
  rates: ExchangeRatesSchema.optional(),
  /** The campaigns to show; every campaign whose tasks the actor may read when absent. */
  campaignIds: z.array(CampaignIdSchema).max(1000).optional(),
});
/** Options of `workspace.reports.portfolioDashboard`. */
export type PortfolioDashboardQueryOptions = z.input<typeof PortfolioDashboardQuerySchema>;

/** KPI targets by status. */
export type KpiStatusCounts = Readonly<Record<TargetStatus, number>>;

/** One campaign's line on the executives' dashboard. */
export interface PortfolioDashboardCampaign {
  /** Campaign id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Lifecycle status. */
  readonly status: CampaignStatus;
  /** Forecast finish, local date-time. */
  readonly finish: string;
  /** Working minutes the forecast finish is past the `Baseline` baseline's (negative: earlier), or null without one. */
  readonly finishVariance: number | null;
  /** Tasks done of all tasks (summaries not counted). */
  readonly tasks: { readonly total: number; readonly done: number };
  /** Tasks not done whose finish has passed. */
  readonly lateTasks: number;
  /** Of those, how many are critical. */
  readonly criticalLate: number;
  /** Budget in the portfolio's currency (`budget.read`), or null. */
  readonly budget: PortfolioCampaign | null;
  /** KPI targets by status (`kpi.read`), or null. */
  readonly kpis: KpiStatusCounts | null;
  /** Pending approvals (`approval.read`), or null. */
  readonly pendingApprovals: number | null;
  /** Delay risks found now. */
  readonly risks: number;
}

/** Every campaign an executive may see, rolled up, budgets in one currency. */
export interface PortfolioDashboard {
  /** When it was read, local date-time in the workspace's time zone. */
  readonly asOf: string;
  /** The currency of every amount. */
  readonly currency: string;
  /** One line per campaign, in id order. */
  readonly campaigns: readonly PortfolioDashboardCampaign[];
  /** Rolled up over the campaigns shown. */
  readonly totals: {
    /** Campaigns shown. */
    readonly campaigns: number;
    /** Late tasks in all of them. */
    readonly lateTasks: number;
    /** Campaigns whose forecast finish is past their baseline's. */
    readonly behindBaseline: number;
    /** The budgets the actor may read, summed in the one currency, or null when there are none. */
    readonly budget: PortfolioSummary | null;
    /** KPI targets by status over the campaigns whose KPIs the actor may read. */
    readonly kpis: KpiStatusCounts;
  };
}

function kpiCounts(statuses: readonly TargetStatus[]): KpiStatusCounts {
  const counts: Record<TargetStatus, number> = { onTrack: 0, atRisk: 0, offTrack: 0, unknown: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/** `reports.portfolioDashboard`: see {@link PortfolioDashboard}. */
export async function portfolioDashboardOf(ctx: WorkspaceContext, services: DashboardServices, options: PortfolioDashboardQueryOptions): Promise<PortfolioDashboard> {
  const { currency, rates, campaignIds } = parseInput(PortfolioDashboardQuerySchema, options, 'portfolio dashboard options');
  const ids = (await readableCampaignIds(ctx, 'task', campaignIds)).sort();
  const dashboards = [];
  for (const id of ids) dashboards.push(await dashboardOf(ctx, services, id));
  const withBudget = ids.filter((id) => canList(ctx, 'budgetLine', id));
  const budget = withBudget.length === 0 ? null : await services.budgets.portfolio({ currency, ...(rates === undefined ? {} : { rates }), campaignIds: withBudget });
  const budgets = new Map((budget?.campaigns ?? []).map((c) => [c.campaignId as string, c]));
  const campaigns = dashboards.map((d): PortfolioDashboardCampaign => ({
    id: d.campaign.id,
    name: d.campaign.name,
    status: d.campaign.status,
    finish: d.schedule.finish,
    finishVariance: d.schedule.baseline?.finishVariance ?? null,
    tasks: { total: d.schedule.tasks.total, done: d.schedule.tasks.done },
    lateTasks: d.schedule.late.length,
    criticalLate: d.schedule.criticalLate,
    budget: budgets.get(d.campaign.id) ?? null,
    kpis: d.kpis === null ? null : kpiCounts(d.kpis.map((k) => k.status)),
    pendingApprovals: d.approvals === null ? null : d.approvals.length,
    risks: d.risks.length,
  }));
  return {
    asOf: localDateTime(ctx.clock.now(), ctx.timeZone),
    currency,
    campaigns,
    totals: {
      campaigns: campaigns.length,
      lateTasks: campaigns.reduce((n, c) => n + c.lateTasks, 0),
      behindBaseline: campaigns.filter((c) => (c.finishVariance ?? 0) > 0).length,
      budget,
      kpis: kpiCounts(dashboards.flatMap((d) => (d.kpis ?? []).map((k) => k.status))),
    },
  };
}
