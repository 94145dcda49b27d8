import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { convertMoney, CurrencySchema, ExchangeRatesSchema, type ExchangeRates } from '../core/money.js';
import { invalidField, parseInput } from '../core/validate.js';
import { BudgetThresholdsSchema, type BudgetLine, type BudgetThresholdsInput } from '../model/budget.js';
import type { CampaignId } from '../model/ids.js';
import { addAmounts, figuresOf, ZERO, type Amounts, type VarianceFigures } from './_figures.js';
import { BudgetStateSchema, checkBudgetState, type BudgetStateInput } from './budgetState.js';
import { summaryOf, worst, type BudgetStatus, type BudgetSummaryRow } from './budgetSummary.js';
import { checkPolicy } from './thresholds.js';

const PortfolioInputSchema = z.object({
  /** The currency the portfolio is reported in. */
  currency: CurrencySchema,
  /** Rates for campaigns kept in other currencies; required only when there are some. */
  rates: ExchangeRatesSchema.optional(),
  /** The campaigns, each with its own threshold policy (default policy when absent). */
  campaigns: z.array(
    z.object({
      /** The campaign's budget, in its own currency. */
      budget: BudgetStateSchema,
      /** Its threshold policy; the default policy when absent. */
      thresholds: BudgetThresholdsSchema.optional(),
    }),
  ),
});

/** Inputs of a portfolio summary. */
export interface PortfolioInput {
  /** The currency the portfolio is reported in. */
  readonly currency: string;
  /** Rates for campaigns kept in other currencies, with their date. */
  readonly rates?: ExchangeRates;
  /** The campaigns, each with its own threshold policy. */
  readonly campaigns: readonly { readonly budget: BudgetStateInput; readonly thresholds?: BudgetThresholdsInput }[];
}

/** One campaign in a portfolio, its cost converted to the portfolio's currency. */
export interface PortfolioCampaign extends VarianceFigures {
  /** The campaign. */
  readonly campaignId: CampaignId;
  /** The currency the campaign's budget is kept in. */
  readonly sourceCurrency: string;
  /** The campaign's own status (evaluated in its own currency). */
  readonly status: BudgetStatus;
}

/** Budgets of several campaigns in one currency. */
export interface PortfolioSummary {
  /** Currency of every amount (minor units). */
  readonly currency: string;
  /** Date of the exchange rates used, or `null` when no conversion was needed. */
  readonly rateDate: string | null;
  /** One row per campaign: its cost totals. */
  readonly campaigns: readonly PortfolioCampaign[];
  /** One row per category and kind across campaigns; status is the worst of the campaigns'. */
  readonly categories: readonly BudgetSummaryRow[];
  /** Total cost of the portfolio. */
  readonly cost: VarianceFigures & { readonly status: BudgetStatus };
  /** Total revenue, if any campaign has revenue lines. */
  readonly revenue: VarianceFigures | null;
}

/**
 * Sums campaign budgets into one portfolio view in `currency`. Each campaign is summarised in its
 * own currency first (so its thresholds are judged on its own money); then every category row's
 * planned, committed, actual and forecast is converted with the caller's rate table (half to even,
 * to the minor unit), and every portfolio total is the sum of converted rows — so the rows always
 * add up to the totals. A campaign in another currency without a rate table is a
 * `CURRENCY_MISMATCH` error.
 *
 * @example
 * ```ts
 * portfolioSummary({
 *   currency: 'CNY',
 *   rates: { date: '2026-03-31', base: 'CNY', rates: { USD: 0.14 } },
 *   campaigns: [{ budget: shanghaiExpo }, { budget: lasVegasExpo }], // CNY and USD
 * }).cost.planned; // both budgets in fen
 * ```
 */
export function portfolioSummary(input: PortfolioInput): PortfolioSummary {
  const parsed = parseInput(PortfolioInputSchema, input, 'portfolio');
  const { currency, rates } = parsed;
  const seen = new Set<string>();
  let converted = false;
  const campaigns = parsed.campaigns.map(({ budget, thresholds }, i) => {
    if (seen.has(budget.campaign.id)) throw invalidField('portfolio', ['campaigns', i, 'budget', 'campaign', 'id'], `campaign '${budget.campaign.id}' is listed twice`);
    seen.add(budget.campaign.id);
    const path = ['campaigns', i];
    const checked = checkBudgetState(budget, [...path, 'budget']);
    const summary = summaryOf(checked, checkPolicy(checked, thresholds, [...path, 'thresholds']));
    const from = summary.currency;
    if (from !== currency && rates === undefined) {
      throw new CampaignKitError('CURRENCY_MISMATCH', `Campaign '${summary.campaignId}' is in ${from} and the portfolio in ${currency}; pass rates to convert`, {
        details: { currencies: [from, currency] },
      });
    }
    converted ||= from !== currency;
    const convert = (amount: number) => (from === currency || rates === undefined ? amount : convertMoney({ amount, currency: from }, currency, rates).amount);
    const rows = summary.categories.map((row) => ({
      category: row.category,
      kind: row.kind,
      status: row.status,
      amounts: { planned: convert(row.planned), committed: convert(row.committed), actual: convert(row.actual), forecast: convert(row.forecast) },
    }));
    return { summary, rows };
  });

  const total = (kind: BudgetLine['kind'], rows: readonly { kind: BudgetLine['kind']; amounts: Amounts }[]) =>
    rows.filter((r) => r.kind === kind).reduce((a, r) => addAmounts(a, r.amounts), ZERO);
  const allRows = campaigns.flatMap((c) => c.rows);
  const keys = [...new Map(allRows.map((r) => [`${r.kind}:${r.category}`, { category: r.category, kind: r.kind }])).values()];
  const categories = keys.map<BudgetSummaryRow>(({ category, kind }) => {
    const members = allRows.filter((r) => r.category === category && r.kind === kind);
    return {
      category,
      kind,
      ...figuresOf(members.reduce((a, r) => addAmounts(a, r.amounts), ZERO), kind),
      status: members.reduce<BudgetStatus>((s, r) => worst(s, r.status), 'ok'),
    };
  });
  const status = campaigns.reduce<BudgetStatus>((s, c) => worst(s, c.summary.cost.status), 'ok');
  return {
    currency,
    rateDate: converted && rates !== undefined ? rates.date : null,
    campaigns: campaigns.map(({ summary, rows }) => ({
      campaignId: summary.campaignId,
      sourceCurrency: summary.currency,
      ...figuresOf(total('cost', rows), 'cost'),
      status: summary.cost.status,
    })),
    categories,
    cost: { ...figuresOf(total('cost', allRows), 'cost'), status },
    revenue: allRows.some((r) => r.kind === 'revenue') ? figuresOf(total('revenue', allRows), 'revenue') : null,
  };
}
