import * as z from 'zod';
import { InputNameSchema } from '../model/kpi.js';

/** How an input is counted: a count of things, an amount of money (minor units) or another number. */
export type MetricInputKind = 'count' | 'currency' | 'number';

/** One raw input the built-in metrics read. */
export interface MetricInputInfo {
  /** What the number counts or measures. */
  readonly kind: MetricInputKind;
  /**
   * Whether values for two days (or channels) may be added. Reach counts unique people, so the
   * reach of Monday plus the reach of Tuesday over-counts everyone who saw both days.
   */
  readonly additive: boolean;
  /** What to put in it. */
  readonly description: string;
}

/**
 * The raw inputs the built-in metrics read, by name. Money inputs (`kind: 'currency'`) are integer
 * minor units (cents, fen); campaignkit rejects a fractional amount so that yuan are never mistaken
 * for fen. Hosts may pass other inputs for their own metrics.
 *
 * @example
 * ```ts
 * METRIC_INPUTS.spend; // { kind: 'currency', additive: true, description: 'Media spend …' }
 * METRIC_INPUTS.reach.additive; // false
 * ```
 */
export const METRIC_INPUTS: Readonly<Record<string, MetricInputInfo>> = Object.freeze({
  impressions: { kind: 'count', additive: true, description: 'Times an ad or post was shown (曝光).' },
  clicks: { kind: 'count', additive: true, description: 'All clicks on the ad, as Google Ads and Meta "clicks (all)" count them.' },
  link_clicks: { kind: 'count', additive: true, description: 'Clicks that lead to the destination (Meta "link clicks").' },
  interactions: { kind: 'count', additive: true, description: 'Google Ads interactions: clicks, video views, calls and other main actions.' },
  sessions: { kind: 'count', additive: true, description: 'Website or app sessions (GA4).' },
  engaged_sessions: { kind: 'count', additive: true, description: 'Sessions over 10 s, with a key event or with 2+ page views (GA4).' },
  conversions: { kind: 'count', additive: true, description: 'Conversions (purchases, sign-ups, …) as the ad platform or analytics counts them.' },
  leads: { kind: 'count', additive: true, description: 'New leads (contacts who raised a hand).' },
  mqls: { kind: 'count', additive: true, description: 'Leads that became marketing-qualified in the period.' },
  sqls: { kind: 'count', additive: true, description: 'Leads that became sales-qualified in the period.' },
  opportunities: { kind: 'count', additive: true, description: 'Opportunities (deals) opened in the period.' },
  deals_won: { kind: 'count', additive: true, description: 'Deals closed-won in the period.' },
  new_customers: { kind: 'count', additive: true, description: 'Customers acquired in the period.' },
  orders: { kind: 'count', additive: true, description: 'Orders placed.' },
  customers: { kind: 'count', additive: false, description: 'Distinct customers who ordered in the period.' },
  reach: { kind: 'count', additive: false, description: 'Distinct people who saw the content at least once.' },
  engagements: { kind: 'count', additive: true, description: 'Social engagements: likes, comments, shares, saves.' },
  follows: { kind: 'count', additive: true, description: 'New followers.' },
  unfollows: { kind: 'count', additive: true, description: 'Followers lost.' },
  spend: { kind: 'currency', additive: true, description: 'Media spend (ad cost), in minor units.' },
  cost: { kind: 'currency', additive: true, description: 'Total cost of the investment for ROI (media, production, staff…), in minor units.' },
  revenue: { kind: 'currency', additive: true, description: 'Revenue (or conversion value) attributed to the campaign, in minor units.' },
  gross_margin: { kind: 'currency', additive: true, description: 'Revenue minus cost of goods sold, in minor units.' },
  sales_cost: { kind: 'currency', additive: true, description: 'Sales cost of acquiring customers (salaries, commissions, tools), in minor units.' },
  marketing_cost: { kind: 'currency', additive: true, description: 'Marketing cost of acquiring customers (media, content, staff), in minor units.' },
  customer_lifespan: { kind: 'number', additive: false, description: 'Expected number of periods a customer keeps buying.' },
});

/**
 * Input values by name, as `computeMetrics` accepts them: finite numbers, money inputs of
 * {@link METRIC_INPUTS} (`spend`, `revenue`, …) as integer minor units.
 *
 * @example
 * ```ts
 * MetricInputValuesSchema.safeParse({ clicks: 120, spend: 4_800 }).success; // true
 * MetricInputValuesSchema.safeParse({ spend: 48.5 }).success; // false: money is integer minor units
 * ```
 */
export const MetricInputValuesSchema = z.record(InputNameSchema, z.number()).superRefine((values, ctx) => {
  for (const [name, value] of Object.entries(values)) {
    if (Object.hasOwn(METRIC_INPUTS, name) && METRIC_INPUTS[name]?.kind === 'currency' && !Number.isInteger(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `money inputs are integer minor units (e.g. cents or fen); got ${value}`,
      });
    }
  }
});
