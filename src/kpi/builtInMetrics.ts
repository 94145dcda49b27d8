import type { MetricDefinition } from '../model/kpi.js';

/** A metric definition that cannot be changed: its lists are read-only too. */
export type FrozenMetricDefinition = {
  readonly [K in keyof MetricDefinition]: MetricDefinition[K] extends (infer T)[] ? readonly T[] : MetricDefinition[K];
};

type Definition = Omit<MetricDefinition, 'aliases'> & { readonly aliases?: readonly string[] };

const GOOGLE_ADS = 'Google Ads Help';
const META = 'Meta Business Help Center';
const GA4 = 'Google Analytics Help, "[GA4] Engagement rate and bounce rate"';
const FUNNEL = 'HubSpot Knowledge Base, "Use lifecycle stages" (Lead → MQL → SQL → Opportunity → Customer); Salesforce lead and opportunity stages';

function rate(id: string, name: string, formula: string, inputs: string[], source: string, description?: string): Definition {
  return { id, name, formula, inputs, unit: 'percent', direction: 'higher', source, ...(description ? { description } : {}) };
}

function costPer(id: string, name: string, formula: string, inputs: string[], source: string, description?: string): Definition {
  return { id, name, formula, inputs, unit: 'currency', direction: 'lower', source, ...(description ? { description } : {}) };
}

function total(id: string, name: string, formula: string, inputs: string[], unit: 'count' | 'currency', source: string, description?: string): Definition {
  return { id, name, formula, inputs, unit, direction: 'higher', source, ...(description ? { description } : {}) };
}

const DEFINITIONS: readonly Definition[] = [
  // Ad delivery and response
  rate('ctr', 'Click-through rate', 'clicks / impressions', ['clicks', 'impressions'], `${GOOGLE_ADS}, "Clickthrough rate (CTR): Definition"`,
    'All clicks per impression, as Google Ads reports CTR and Meta reports "CTR (all)". Use ctr_link for link clicks only.'),
  rate('ctr_link', 'Link click-through rate', 'link_clicks / impressions', ['link_clicks', 'impressions'], `${META}, "CTR (link click-through rate)"`,
    'Link clicks per impression: only clicks that lead to the destination.'),
  rate('cvr', 'Conversion rate (per click)', 'conversions / clicks', ['conversions', 'clicks'], `${GOOGLE_ADS}, "Conversion rate" in its per-click form (conversions ÷ ad clicks), as used for search ads`,
    'Conversions per click. Google Ads divides by interactions instead (cvr_interactions); web analytics by sessions (cvr_sessions).'),
  rate('cvr_interactions', 'Conversion rate (per interaction)', 'conversions / interactions', ['conversions', 'interactions'],
    `${GOOGLE_ADS}, "Conversion rate: Definition" (support.google.com/google-ads/answer/2684489)`,
    'Conversions per ad interaction; may exceed 100 % when every conversion is counted.'),
  rate('cvr_sessions', 'Conversion rate (per session)', 'conversions / sessions', ['conversions', 'sessions'], 'Google Analytics Help, GA4 "Session key event rate"',
    'Conversions per session. GA4 counts sessions with at least one key event; pass that count as conversions to match it.'),
  costPer('cpc', 'Cost per click', 'spend / clicks', ['spend', 'clicks'], `${GOOGLE_ADS}, "Average cost-per-click (Avg. CPC): Definition"`),
  costPer('cpm', 'Cost per thousand impressions', 'spend * 1000 / impressions', ['spend', 'impressions'], `${GOOGLE_ADS}, "Cost-per-thousand impressions (CPM): Definition"; ${META}, "CPM (cost per 1,000 impressions)"`,
    'Spend / impressions × 1000, written with the multiplication first so it is evaluated as one division.'),
  costPer('cpl', 'Cost per lead', 'spend / leads', ['spend', 'leads'], 'Standard performance-marketing definition: spend / leads'),
  costPer('cpa', 'Cost per acquisition', 'spend / conversions', ['spend', 'conversions'], `${GOOGLE_ADS}, "Cost per conversion: Definition"`),
  costPer('cac', 'Customer acquisition cost', '(sales_cost + marketing_cost) / new_customers', ['sales_cost', 'marketing_cost', 'new_customers'],
    'HubSpot, "How to calculate customer acquisition cost": (sales + marketing cost) / new customers'),
  // Return
  {
    id: 'roas', name: 'Return on ad spend (投产比)', formula: 'revenue / spend', inputs: ['revenue', 'spend'], unit: 'ratio', direction: 'higher',
    source: `${GOOGLE_ADS}, "About Target ROAS bidding" (conversion value / cost)`,
    description: 'Revenue per unit of ad spend. Chinese e-commerce "ROI / 投产比" is this ratio, so roi_cn is an alias of roas, never of roi.',
    aliases: ['roi_cn'],
  },
  { id: 'roi', name: 'Return on investment', formula: '(revenue - cost) / cost', inputs: ['revenue', 'cost'], unit: 'percent', direction: 'higher',
    source: 'Standard finance definition: (gain − cost) / cost', description: 'Net return per unit of total cost; 0 means break-even.' },
  { id: 'roi_margin', name: 'Return on investment (gross margin)', formula: '(gross_margin - cost) / cost', inputs: ['gross_margin', 'cost'],
    unit: 'percent', direction: 'higher', source: 'Standard finance definition, on gross margin instead of revenue',
    description: 'Like roi, but counts only the margin the revenue leaves after cost of goods sold.' },
  // Engagement
  rate('engagement_rate', 'Engagement rate (sessions)', 'engaged_sessions / sessions', ['engaged_sessions', 'sessions'], GA4),
  rate('engagement_rate_reach', 'Engagement rate (by reach)', 'engagements / reach', ['engagements', 'reach'], 'Social-media practice: engagements / reach',
    'Social engagements per person reached. Platforms differ on the denominator, so there is no engagement rate without one.'),
  rate('engagement_rate_impressions', 'Engagement rate (by impressions)', 'engagements / impressions', ['engagements', 'impressions'],
    'Social-media practice: engagements / impressions', 'Social engagements per impression.'),
  // Funnel
  rate('lead_to_mql', 'Lead to MQL rate', 'mqls / leads', ['mqls', 'leads'], FUNNEL),
  rate('mql_to_sql', 'MQL to SQL rate', 'sqls / mqls', ['sqls', 'mqls'], FUNNEL),
  rate('sql_to_opportunity', 'SQL to opportunity rate', 'opportunities / sqls', ['opportunities', 'sqls'], FUNNEL),
  rate('opportunity_to_won', 'Win rate', 'deals_won / opportunities', ['deals_won', 'opportunities'], FUNNEL),
  rate('lead_to_won', 'Lead to customer rate', 'deals_won / leads', ['deals_won', 'leads'], FUNNEL),
  // Volume
  total('leads', 'Leads', 'leads', ['leads'], 'count', 'Sum of the input over the period'),
  total('conversions', 'Conversions', 'conversions', ['conversions'], 'count', 'Sum of the input over the period'),
  total('clicks', 'Clicks', 'clicks', ['clicks'], 'count', 'Sum of the input over the period'),
  total('revenue', 'Revenue', 'revenue', ['revenue'], 'currency', 'Sum of the input over the period'),
  total('reach', 'Reach', 'reach', ['reach'], 'count', `${META}, "Reach"`, 'Distinct people who saw the content; not additive across days.'),
  total('exposure', 'Exposure (曝光量)', 'impressions', ['impressions'], 'count', `${GOOGLE_ADS}, "Impressions: Definition"`,
    'Times the content was shown, i.e. impressions.'),
  total('followers_gained', 'Followers gained', 'follows - unfollows', ['follows', 'unfollows'], 'count', 'Social-media practice: net follower growth',
    'New followers minus followers lost: flows, so days add up (follower totals on two dates would not).'),
  // Customer value
  total('aov', 'Average order value', 'revenue / orders', ['revenue', 'orders'], 'currency', 'Standard e-commerce definition: revenue / orders'),
  { id: 'purchase_frequency', name: 'Purchase frequency', formula: 'orders / customers', inputs: ['orders', 'customers'], unit: 'ratio', direction: 'higher',
    source: 'Standard e-commerce definition: orders / distinct customers' },
  total('ltv', 'Customer lifetime value', 'aov * purchase_frequency * customer_lifespan', ['customer_lifespan'], 'currency',
    'Standard definition: average order value × purchase frequency × customer lifespan',
    'Revenue per customer over the expected lifespan; purchase frequency and lifespan must use the same period (e.g. a year).'),
  { id: 'ltv_to_cac', name: 'LTV to CAC ratio', formula: 'ltv / cac', inputs: [], unit: 'ratio', direction: 'higher',
    source: 'Standard SaaS and e-commerce practice: customer lifetime value / customer acquisition cost' },
];

function freeze(definition: Definition): FrozenMetricDefinition {
  return Object.freeze({ ...definition, inputs: Object.freeze([...definition.inputs]), aliases: Object.freeze([...(definition.aliases ?? [])]) });
}

/**
 * The built-in metric definitions, frozen. Every rate is a fraction (`0.08` for 8 %), every
 * cost-per metric is in minor units of the spend's currency. Ids are lower case and stable.
 *
 * @example
 * ```ts
 * BUILT_IN_METRICS.find((m) => m.id === 'cpm');
 * // { id: 'cpm', formula: 'spend * 1000 / impressions', unit: 'currency', direction: 'lower', … }
 * ```
 */
export const BUILT_IN_METRICS: readonly FrozenMetricDefinition[] = Object.freeze(DEFINITIONS.map(freeze));
