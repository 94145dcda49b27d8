import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBudgetState, type BudgetStateInput } from '../../src/budget/budgetState.js';
import { budgetVariance } from '../../src/budget/budgetVariance.js';
import { lineTotals } from '../../src/budget/lineTotals.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { campaign, expense, tradeShow } from './_tradeShow.js';

function issuesOf(run: () => unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    run();
  } catch (e) {
    if (!isCampaignKitError(e, 'VALIDATION')) throw e;
    return ((e as CampaignKitError).details.issues ?? []).map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a VALIDATION error');
}

describe('line totals', () => {
  it('releases invoiced money from its commitment and derives the forecast', () => {
    const [venue, travel, materials] = lineTotals(tradeShow);
    expect(venue).toEqual({
      lineId: 'venue',
      category: 'venue',
      kind: 'cost',
      name: 'Hall B booth space',
      currency: 'CNY',
      planned: 120_000_00,
      committed: 58_000_00,
      actual: 60_000_00,
      forecast: 120_000_00,
      forecastSource: 'derived',
      remaining: 2_000_00,
    });
    expect(travel).toMatchObject({ committed: 0, actual: 31_800_00, forecast: 31_800_00, remaining: -1_800_00 });
    expect(materials).toMatchObject({ committed: 33_500_00, actual: 0, forecast: 33_500_00, remaining: -3_500_00 });
  });

  it('never leaves a negative commitment when an invoice exceeds its order', () => {
    const state = {
      ...tradeShow,
      expenses: [expense('po', 'venue', 'commitment', 100_00, '2026-04-02'), expense('inv', 'venue', 'actual', 130_00, '2026-04-05', { commitmentId: 'po' })],
    };
    expect(lineTotals(state)[0]).toMatchObject({ committed: 0, actual: 130_00 });
  });

  it('keeps an entered forecast unless actual + committed already exceed it', () => {
    const lines = [
      { id: 'a', campaignId: campaign.id, category: 'media', planned: 1000, currency: 'CNY', forecast: 900 },
      { id: 'b', campaignId: campaign.id, category: 'agency', planned: 1000, currency: 'CNY', forecast: 900 },
    ];
    const expenses = [expense('x', 'media', 'actual', 500, '2026-04-02'), expense('y', 'agency', 'commitment', 950, '2026-04-02')];
    const [a, b] = lineTotals({ campaign, lines, expenses });
    expect(a).toMatchObject({ forecast: 900, forecastSource: 'entered' });
    expect(b).toMatchObject({ forecast: 950, forecastSource: 'entered' });
  });
});

describe('budget variance', () => {
  it('reports variance and forecast variance per line, category and campaign with signs from the line kind', () => {
    const v = budgetVariance(tradeShow);
    expect(v.lines.map((l) => [l.lineId, l.variance, l.variancePercent, l.direction, l.forecastVariance, l.forecastDirection])).toEqual([
      ['venue', -60_000_00, -0.5, 'favourable', 0, 'on-plan'],
      ['travel', 1_800_00, 0.06, 'unfavourable', 1_800_00, 'unfavourable'],
      ['materials', -30_000_00, -1, 'favourable', 3_500_00, 'unfavourable'],
    ]);
    expect(v.categories.map((c) => c.category)).toEqual(['materials', 'venue', 'travel']);
    expect(v.cost).toMatchObject({
      planned: 180_000_00,
      committed: 91_500_00,
      actual: 91_800_00,
      forecast: 185_300_00,
      remaining: -3_300_00,
      variance: -88_200_00,
      variancePercent: -0.49,
      forecastVariance: 5_300_00,
      direction: 'favourable',
      forecastDirection: 'unfavourable',
      reasons: {},
    });
    expect(v.cost.forecastVariancePercent).toBeCloseTo(5_300 / 180_000, 12);
    expect(v.revenue).toBeNull();
  });

  it('treats revenue above plan as favourable and keeps it out of the cost total', () => {
    const v = budgetVariance({
      categories: ['sponsorship'],
      campaign,
      lines: [
        { id: 'booth', campaignId: campaign.id, category: 'venue', planned: 1000, currency: 'CNY' },
        { id: 'sponsors', campaignId: campaign.id, category: 'sponsorship', kind: 'revenue', planned: 5000, currency: 'CNY' },
      ],
      expenses: [expense('s1', 'sponsorship', 'actual', 6000, '2026-04-09')],
    });
    expect(v.cost.planned).toBe(1000);
    expect(v.revenue).toMatchObject({ planned: 5000, actual: 6000, variance: 1000, variancePercent: 0.2, direction: 'favourable' });
    expect(v.categories.map((c) => [c.category, c.kind])).toEqual([
      ['venue', 'cost'],
      ['sponsorship', 'revenue'],
    ]);
  });

  it('gives null with a reason for a percentage of nothing planned', () => {
    const v = budgetVariance({
      campaign,
      lines: [{ id: 'extra', campaignId: campaign.id, category: 'other', planned: 0, currency: 'CNY' }],
      expenses: [expense('e', 'other', 'actual', 300, '2026-04-02')],
    });
    expect(v.lines[0]).toMatchObject({ variance: 300, variancePercent: null, direction: 'unfavourable' });
    expect(v.lines[0]?.reasons.variancePercent).toBe('planned is zero, so a percentage of it is undefined');
  });
});

describe('bad budget input', () => {
  it('names each bad field and changes nothing', () => {
    const input: BudgetStateInput = {
      campaign,
      lines: [
        { id: 'l1', campaignId: campaign.id, category: 'venue', planned: 100, currency: 'CNY' },
        { id: 'l2', campaignId: campaign.id, category: 'catering', planned: 100, currency: 'CNY' },
        { id: 'l3', campaignId: campaign.id, category: 'travel', planned: 100, currency: 'USD' },
      ],
      expenses: [
        expense('e1', 'venue', 'actual', 10, '2026-03-31'),
        expense('e2', 'venue', 'actual', 10, '2026-04-02', { currency: 'USD' }),
        expense('e3', 'media', 'actual', 10, '2026-04-02'),
        expense('e4', 'venue', 'actual', 10, '2026-04-02', { commitmentId: 'nope' }),
      ],
    };
    const before = structuredClone(input);
    expect(issuesOf(() => parseBudgetState(input))).toEqual([
      { path: ['expenses', 0, 'date'], message: '2026-03-31 is outside the campaign (2026-04-01 – 2026-04-30)' },
      { path: ['expenses', 1, 'currency'], message: 'mixed currencies: the expense is in USD but the budget is in CNY; convert it first' },
      { path: ['expenses', 2, 'budgetLineId'], message: "no budget line has category 'media'; add one (planned 0 for unplanned spend)" },
      { path: ['expenses', 3, 'commitmentId'], message: "no commitment 'nope' in this budget" },
      { path: ['lines', 1, 'category'], message: "unknown category 'catering'; add it to categories or use one of media, creative, materials, venue, travel, agency, labour, other" },
      { path: ['lines', 2, 'currency'], message: 'mixed currencies: the line is in USD but the budget is in CNY; convert it first' },
    ]);
    expect(input).toEqual(before);
  });

  it('refuses negative budgets and amounts that are not integers', () => {
    expect(
      issuesOf(() =>
        budgetVariance({
          campaign,
          lines: [{ id: 'l1', campaignId: campaign.id, category: 'venue', planned: -1, currency: 'CNY' }],
          expenses: [expense('e1', 'venue', 'actual', 10.5, '2026-04-02')],
        }),
      ).map((i) => i.path),
    ).toEqual([
      ['lines', 0, 'planned'],
      ['expenses', 0, 'amount'],
    ]);
  });

  it('lets only an actual invoice a commitment', () => {
    const expenses = [expense('po', 'venue', 'commitment', 50, '2026-04-02', { commitmentId: 'po-0' })];
    expect(issuesOf(() => parseBudgetState({ ...tradeShow, expenses }))).toEqual([
      { path: ['expenses', 0, 'commitmentId'], message: 'only an actual expense can invoice a commitment' },
    ]);
  });

  it('accepts host categories and asks which line when a category has several', () => {
    const lines = [
      { id: 'a', campaignId: campaign.id, category: 'catering', planned: 100, currency: 'CNY' },
      { id: 'b', campaignId: campaign.id, category: 'catering', planned: 100, currency: 'CNY' },
    ];
    expect(issuesOf(() => parseBudgetState({ campaign, categories: ['catering'], lines, expenses: [expense('e', 'catering', 'actual', 1, '2026-04-02')] }))).toEqual([
      { path: ['expenses', 0, 'budgetLineId'], message: "2 lines have category 'catering'; name one" },
    ]);
    const named = expense('e', 'catering', 'actual', 1, '2026-04-02', { budgetLineId: 'b' });
    expect(lineTotals({ campaign, categories: ['catering'], lines, expenses: [named] }).map((t) => t.actual)).toEqual([0, 1]);
  });

  it('rejects duplicate ids, foreign lines and an invoice charged to another line than its order', () => {
    const lines = [
      { id: 'a', campaignId: campaign.id, category: 'venue', planned: 100, currency: 'CNY' },
      { id: 'a', campaignId: 'other', category: 'travel', planned: 100, currency: 'CNY' },
    ];
    const expenses = [expense('po', 'venue', 'commitment', 50, '2026-04-02'), expense('inv', 'travel', 'actual', 50, '2026-04-03', { commitmentId: 'po' })];
    expect(issuesOf(() => parseBudgetState({ campaign, lines, expenses })).map((i) => i.path)).toEqual([
      ['lines', 1, 'campaignId'],
      ['lines', 1, 'id'],
    ]);
    const separate = [
      { id: 'a', campaignId: campaign.id, category: 'venue', planned: 100, currency: 'CNY' },
      { id: 'b', campaignId: campaign.id, category: 'travel', planned: 100, currency: 'CNY' },
    ];
    expect(issuesOf(() => parseBudgetState({ campaign, lines: separate, expenses }))).toEqual([
      { path: ['expenses', 1, 'commitmentId'], message: "the commitment is charged to line 'a', the invoice to 'b'" },
    ]);
  });
});

describe('variance identities (property)', () => {
  const categories = ['media', 'venue', 'travel'] as const;
  const arbitraryBudget = fc
    .record({
      lines: fc.array(fc.record({ category: fc.constantFrom(...categories), planned: fc.integer({ min: 0, max: 1e9 }), kind: fc.constantFrom('cost', 'revenue') }), {
        minLength: 1,
        maxLength: 12,
      }),
      expenses: fc.array(fc.record({ line: fc.nat(), kind: fc.constantFrom('commitment', 'actual'), amount: fc.integer({ min: 0, max: 1e8 }), day: fc.integer({ min: 1, max: 30 }) }), {
        maxLength: 25,
      }),
    })
    .map(({ lines, expenses }) => ({
      campaign,
      lines: lines.map((l, i) => ({ id: `l${i}`, campaignId: campaign.id, currency: 'CNY', ...l })),
      expenses: expenses.map((e, i) => {
        const line = lines[e.line % lines.length];
        const lineIndex = e.line % lines.length;
        return expense(`e${i}`, line?.category ?? 'media', e.kind, e.amount, `2026-04-${String(e.day).padStart(2, '0')}`, { budgetLineId: `l${lineIndex}` });
      }),
    }));

  it('sums of lines equal category totals and category totals equal campaign totals', () => {
    fc.assert(
      fc.property(arbitraryBudget, (state) => {
        const v = budgetVariance(state);
        for (const kind of ['cost', 'revenue'] as const) {
          const lines = v.lines.filter((l) => l.kind === kind);
          const cats = v.categories.filter((c) => c.kind === kind);
          const total = kind === 'cost' ? v.cost : v.revenue;
          for (const field of ['planned', 'committed', 'actual', 'forecast', 'variance', 'forecastVariance', 'remaining'] as const) {
            const fromLines = lines.reduce((s, l) => s + l[field], 0);
            expect(cats.reduce((s, c) => s + c[field], 0)).toBe(fromLines);
            if (total !== null) expect(total[field]).toBe(fromLines);
          }
        }
      }),
    );
  });

  it('variance is actual − planned, remaining is planned − committed − actual, and the sign follows the kind', () => {
    fc.assert(
      fc.property(arbitraryBudget, (state) => {
        const v = budgetVariance(state);
        for (const row of [...v.lines, ...v.categories]) {
          expect(row.variance).toBe(row.actual - row.planned);
          expect(row.forecastVariance).toBe(row.forecast - row.planned);
          expect(row.remaining).toBe(row.planned - row.committed - row.actual);
          expect(row.forecast).toBeGreaterThanOrEqual(row.actual + row.committed);
          if (row.planned === 0) expect(row.variancePercent).toBeNull();
          else expect(row.variancePercent).toBe(row.variance / row.planned);
          const expected = row.variance === 0 ? 'on-plan' : (row.variance > 0) === (row.kind === 'revenue') ? 'favourable' : 'unfavourable';
          expect(row.direction).toBe(expected);
        }
      }),
    );
  });
});
