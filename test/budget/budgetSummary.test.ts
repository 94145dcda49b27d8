import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetSummary } from '../../src/budget/budgetSummary.js';
import { portfolioSummary } from '../../src/budget/portfolioSummary.js';
import { isCampaignKitError } from '../../src/core/errors.js';
import { tradeShow, tradeShowPolicy } from './_tradeShow.js';

const usExpo = {
  campaign: { id: 'us-expo', currency: 'USD', plannedStart: '2026-05-01', plannedFinish: '2026-05-31' },
  lines: [{ id: 'us-venue', campaignId: 'us-expo', category: 'venue', planned: 10_000_00, currency: 'USD' }],
  expenses: [{ id: 'us-hall', campaignId: 'us-expo', category: 'venue', kind: 'actual' as const, amount: 10_600_00, currency: 'USD', date: '2026-05-04' }],
};
const rates = { date: '2026-03-31', base: 'USD', rates: { CNY: 7.2 } };

describe('budget summary', () => {
  it('lists each category with its amounts, variance and threshold status', () => {
    const summary = budgetSummary(tradeShow, tradeShowPolicy);
    expect(summary.categories.map((c) => [c.category, c.planned, c.committed, c.actual, c.forecast, c.variance, c.variancePercent, c.status])).toEqual([
      ['materials', 30_000_00, 33_500_00, 0, 33_500_00, -30_000_00, -1, 'block'],
      ['venue', 120_000_00, 58_000_00, 60_000_00, 120_000_00, -60_000_00, -0.5, 'ok'],
      ['travel', 30_000_00, 0, 31_800_00, 31_800_00, 1_800_00, 0.06, 'warn'],
    ]);
    expect(summary.cost).toMatchObject({ planned: 180_000_00, actual: 91_800_00, status: 'block' });
    expect(summary.alerts).toHaveLength(4);
    expect(summary.revenue).toBeNull();
  });

  it('marks a category by the alerts on its lines too', () => {
    const summary = budgetSummary(tradeShow, { lines: { venue: { warn: 0 } } });
    expect(summary.categories.map((c) => [c.category, c.status])).toEqual([
      ['materials', 'ok'],
      ['venue', 'ok'],
      ['travel', 'ok'],
    ]);
    const strict = budgetSummary(tradeShow, { lines: { travel: { warn: 0 } } });
    expect(strict.categories.find((c) => c.category === 'travel')?.status).toBe('warn');
    expect(strict.cost.status).toBe('warn');
  });
});

describe('portfolio summary', () => {
  it('converts each campaign’s rows with the caller’s rates and adds them up', () => {
    const portfolio = portfolioSummary({ currency: 'CNY', rates, campaigns: [{ budget: tradeShow, thresholds: tradeShowPolicy }, { budget: usExpo }] });
    expect(portfolio.rateDate).toBe('2026-03-31');
    expect(portfolio.campaigns.map((c) => [c.campaignId, c.sourceCurrency, c.planned, c.actual, c.status])).toEqual([
      ['expo-2026', 'CNY', 180_000_00, 91_800_00, 'block'],
      ['us-expo', 'USD', 72_000_00, 76_320_00, 'warn'], // 10,000.00 and 10,600.00 USD at 7.2
    ]);
    expect(portfolio.categories.map((c) => [c.category, c.planned, c.actual, c.forecast, c.status])).toEqual([
      ['materials', 30_000_00, 0, 33_500_00, 'block'],
      ['venue', 192_000_00, 136_320_00, 196_320_00, 'warn'],
      ['travel', 30_000_00, 31_800_00, 31_800_00, 'warn'],
    ]);
    expect(portfolio.cost).toMatchObject({ planned: 252_000_00, actual: 168_120_00, status: 'block' });
  });

  it('needs no rates when every campaign is in the portfolio currency', () => {
    const portfolio = portfolioSummary({ currency: 'USD', campaigns: [{ budget: usExpo }] });
    expect(portfolio).toMatchObject({ rateDate: null, cost: { planned: 10_000_00, actual: 10_600_00, variancePercent: 0.06 } });
  });

  it('refuses the same campaign twice', () => {
    expect(() => portfolioSummary({ currency: 'USD', campaigns: [{ budget: usExpo }, { budget: usExpo }] })).toThrow(
      "Invalid portfolio: campaigns[1].budget.campaign.id: campaign 'us-expo' is listed twice",
    );
  });

  it('refuses to add campaigns in other currencies without rates, naming both', () => {
    try {
      portfolioSummary({ currency: 'CNY', campaigns: [{ budget: tradeShow }, { budget: usExpo }] });
      throw new Error('expected CURRENCY_MISMATCH');
    } catch (e) {
      expect(isCampaignKitError(e, 'CURRENCY_MISMATCH')).toBe(true);
      expect((e as Error).message).toBe("Campaign 'us-expo' is in USD and the portfolio in CNY; pass rates to convert");
    }
  });

  it('names the campaign when one of its budgets is bad', () => {
    const bad = { ...usExpo, expenses: [{ ...usExpo.expenses[0], id: 'x', date: '2026-06-01' }] };
    try {
      portfolioSummary({ currency: 'CNY', rates, campaigns: [{ budget: tradeShow }, { budget: bad }] });
      throw new Error('expected VALIDATION');
    } catch (e) {
      expect(isCampaignKitError(e, 'VALIDATION')).toBe(true);
      expect((e as Error).message).toBe('Invalid budget: campaigns[1].budget.expenses[0].date: 2026-06-01 is outside the campaign (2026-05-01 – 2026-05-31)');
    }
  });

  it('rows always add up to the totals after conversion (property)', () => {
    const campaignArb = fc.record({
      currency: fc.constantFrom('CNY', 'USD', 'JPY', 'KWD'),
      lines: fc.array(fc.record({ category: fc.constantFrom('media', 'venue', 'travel'), planned: fc.integer({ min: 0, max: 1e9 }), spent: fc.integer({ min: 0, max: 1e9 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
    });
    fc.assert(
      fc.property(fc.array(campaignArb, { minLength: 1, maxLength: 4 }), (specs) => {
        const campaigns = specs.map((spec, c) => {
          const id = `c${c}`;
          const lines = spec.lines.map((l, i) => ({ id: `${id}-l${i}`, campaignId: id, category: l.category, planned: l.planned, currency: spec.currency }));
          const expenses = spec.lines.map((l, i) => ({
            id: `${id}-e${i}`,
            campaignId: id,
            budgetLineId: `${id}-l${i}`,
            category: l.category,
            kind: 'actual' as const,
            amount: l.spent,
            currency: spec.currency,
            date: '2026-04-02',
          }));
          return { budget: { campaign: { id, currency: spec.currency, plannedStart: '2026-04-01' }, lines, expenses } };
        });
        const p = portfolioSummary({ currency: 'CNY', rates: { date: '2026-03-31', base: 'CNY', rates: { USD: 0.138, JPY: 21.37, KWD: 0.0425 } }, campaigns });
        for (const field of ['planned', 'committed', 'actual', 'forecast', 'variance', 'remaining'] as const) {
          expect(p.campaigns.reduce((s, c) => s + c[field], 0)).toBe(p.cost[field]);
          expect(p.categories.reduce((s, c) => s + c[field], 0)).toBe(p.cost[field]);
        }
      }),
    );
  });
});
