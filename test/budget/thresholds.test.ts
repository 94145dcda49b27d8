import { describe, expect, it } from 'vitest';
import { checkExpense } from '../../src/budget/checkExpense.js';
import { evaluateThresholds, thresholdCrossings, type BudgetAlert } from '../../src/budget/thresholds.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { campaign, expense, tradeShow, tradeShowPolicy } from './_tradeShow.js';

function issuesOf(run: () => unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    run();
  } catch (e) {
    if (!isCampaignKitError(e, 'VALIDATION')) throw e;
    return ((e as CampaignKitError).details.issues ?? []).map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a VALIDATION error');
}

const brief = (a: BudgetAlert) => [a.scope, a.category ?? a.lineId ?? a.campaignId, a.basis, a.direction, a.level, a.amount, a.limit];

describe('thresholds on the trade show', () => {
  it('checks venue, travel and materials each against warn +5 % and block +10 %', () => {
    const alerts = evaluateThresholds(tradeShow, tradeShowPolicy);
    expect(alerts.map(brief)).toEqual([
      ['category', 'materials', 'committed', 'over', 'block', 33_500_00, 33_000_00],
      ['category', 'materials', 'forecast', 'over', 'block', 33_500_00, 33_000_00],
      ['category', 'travel', 'committed', 'over', 'warn', 31_800_00, 31_500_00],
      ['category', 'travel', 'forecast', 'over', 'warn', 31_800_00, 31_500_00],
    ]);
    expect(alerts[0]).toEqual({
      level: 'block',
      direction: 'over',
      basis: 'committed',
      scope: 'category',
      campaignId: 'expo-2026',
      category: 'materials',
      currency: 'CNY',
      planned: 30_000_00,
      amount: 33_500_00,
      threshold: 0.1,
      limit: 33_000_00,
      ratio: 3_500 / 30_000,
      message: 'materials: actual + committed 33500.00 CNY is 11.7 % over planned 30000.00 (block above 10.0 %)',
    });
    expect(alerts[3]?.message).toBe('travel: forecast 31800.00 CNY is 6.0 % over planned 30000.00 (warn above 5.0 %)');
  });

  it('applies warn +5 % / block +10 % to the campaign and every category by default', () => {
    expect(evaluateThresholds(tradeShow).map(brief)).toEqual(evaluateThresholds(tradeShow, tradeShowPolicy).map(brief));
    const overall = { ...tradeShow, expenses: [...(tradeShow.expenses ?? []), expense('late-venue', 'venue', 'commitment', 11_000_00, '2026-04-25')] };
    // Venue 129,000.00 of 120,000.00 (+7.5 %); campaign 194,300.00 of 180,000.00 (+7.94 %).
    expect(evaluateThresholds(overall).filter((a) => a.scope === 'campaign' || a.category === 'venue').map(brief)).toEqual([
      ['category', 'venue', 'committed', 'over', 'warn', 129_000_00, 126_000_00],
      ['category', 'venue', 'forecast', 'over', 'warn', 129_000_00, 126_000_00],
      ['campaign', 'expo-2026', 'committed', 'over', 'warn', 194_300_00, 189_000_00],
      ['campaign', 'expo-2026', 'forecast', 'over', 'warn', 194_300_00, 189_000_00],
    ]);
  });

  it('applies the default category levels to a host category whatever its name (even constructor)', () => {
    const state = {
      campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
      categories: ['constructor'],
      lines: [{ id: 'stand', campaignId: 'expo', category: 'constructor', planned: 100_00, currency: 'CNY' }],
      expenses: [{ id: 'po', campaignId: 'expo', category: 'constructor', kind: 'commitment' as const, amount: 107_00, currency: 'CNY', date: '2026-04-02' }],
    };
    expect(evaluateThresholds(state, { defaultCategory: { warn: 0.05, block: 0.1 } }).map(brief)).toEqual([
      ['category', 'constructor', 'committed', 'over', 'warn', 107_00, 105_00],
      ['category', 'constructor', 'forecast', 'over', 'warn', 107_00, 105_00],
    ]);
  });

  it('treats exactly +5 % as within the level and one minor unit more as over it', () => {
    const at = (amount: number) => ({ ...tradeShow, expenses: [expense('t', 'travel', 'actual', amount, '2026-04-08')] });
    expect(evaluateThresholds(at(31_500_00), tradeShowPolicy).filter((a) => a.category === 'travel')).toEqual([]);
    expect(evaluateThresholds(at(31_500_01), tradeShowPolicy).filter((a) => a.category === 'travel').map((a) => a.level)).toEqual(['warn', 'warn']);
  });

  it('warns when the forecast leaves more than the allowed share of the budget unused (deviation within ±5 %)', () => {
    const state = (forecast: number) => ({ campaign, lines: [{ id: 'ads', campaignId: campaign.id, category: 'media', planned: 100_000_00, currency: 'CNY', forecast }] });
    const policy = { campaign: { warn: 0.05, block: 0.1, under: 0.05 } };
    expect(evaluateThresholds(state(95_000_00), policy)).toEqual([]);
    const [alert, ...rest] = evaluateThresholds(state(94_000_00), policy);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ scope: 'campaign', basis: 'forecast', direction: 'under', level: 'warn', limit: 95_000_00, threshold: 0.05, ratio: -0.06 });
    expect(alert?.message).toBe('campaign expo-2026: forecast 94000.00 CNY is 6.0 % under planned 100000.00 (warn below 5.0 %)');
  });

  it('checks single lines where the policy names them', () => {
    const alerts = evaluateThresholds(tradeShow, { lines: { travel: { warn: 0 } } });
    expect(alerts.map(brief)).toEqual([
      ['line', 'travel', 'committed', 'over', 'warn', 31_800_00, 30_000_00],
      ['line', 'travel', 'forecast', 'over', 'warn', 31_800_00, 30_000_00],
    ]);
    expect(alerts[0]?.message).toBe('line travel (Team travel): actual + committed 31800.00 CNY is 6.0 % over planned 30000.00 (warn above 0.0 %)');
  });

  it('blocks any spend against a zero budget, with a null ratio and its reason', () => {
    const state = { campaign, lines: [{ id: 'misc', campaignId: campaign.id, category: 'other', planned: 0, currency: 'CNY' }], expenses: [expense('m', 'other', 'actual', 1, '2026-04-02')] };
    const [alert] = evaluateThresholds(state, { defaultCategory: { warn: 0.05, block: 0.1 } });
    expect(alert).toMatchObject({ level: 'block', ratio: null, reason: 'planned is zero, so any spend exceeds every level', limit: 0 });
    expect(alert?.message).toBe('other: actual + committed 0.01 CNY is against nothing planned (block above 10.0 %)');
  });

  it('rejects a policy naming unknown categories or lines', () => {
    expect(issuesOf(() => evaluateThresholds(tradeShow, { categories: { catering: { warn: 0.05 } }, lines: { nope: { warn: 0 } } }))).toEqual([
      { path: ['categories', 'catering'], message: "unknown category 'catering'" },
      { path: ['lines', 'nope'], message: "no budget line 'nope'" },
    ]);
    expect(issuesOf(() => evaluateThresholds(tradeShow, { campaign: { warn: 0.1, block: 0.05 } })).map((i) => i.path)).toEqual([['campaign', 'block']]);
  });
});

describe('threshold crossings', () => {
  const alerts = evaluateThresholds(tradeShow, tradeShowPolicy);
  const travelCommitted = alerts[2];

  it('reports new alerts and escalations only', () => {
    expect(thresholdCrossings([], alerts)).toEqual(alerts);
    expect(thresholdCrossings(alerts, alerts)).toEqual([]);
    if (travelCommitted === undefined) throw new Error('fixture changed');
    const blocked = { ...travelCommitted, level: 'block' as const };
    expect(thresholdCrossings([travelCommitted], [blocked])).toEqual([blocked]);
    expect(thresholdCrossings([blocked], [travelCommitted])).toEqual([]);
  });
});

describe('checkExpense', () => {
  it('rejects an invoice that would push travel past its blocking level, naming it', () => {
    const before = structuredClone(tradeShow);
    const result = checkExpense(tradeShowPolicy, tradeShow, expense('taxi', 'travel', 'actual', 2_000_00, '2026-04-21'));
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.reason).toBe(
      'Rejected: travel: actual + committed 33800.00 CNY is 12.7 % over planned 30000.00 (block above 10.0 %); ' +
        'travel: forecast 33800.00 CNY is 12.7 % over planned 30000.00 (block above 10.0 %)',
    );
    expect(result.blocking.map(brief)).toEqual([
      ['category', 'travel', 'committed', 'over', 'block', 33_800_00, 33_000_00],
      ['category', 'travel', 'forecast', 'over', 'block', 33_800_00, 33_000_00],
    ]);
    expect(result.crossed.map((a) => a.level)).toEqual(['block', 'block']);
    expect(tradeShow).toEqual(before);
  });

  it('lets an invoice settle an order already counted, even over a blocking level', () => {
    const invoice = expense('print-invoice', 'materials', 'actual', 33_500_00, '2026-04-28', { commitmentId: 'print-order' });
    const result = checkExpense(tradeShowPolicy, tradeShow, invoice);
    expect(result).toMatchObject({ allowed: true, crossed: [] });
    expect(result.alerts.filter((a) => a.level === 'block').map((a) => a.amount)).toEqual([33_500_00, 33_500_00]);
  });

  it('allows a commitment that only crosses the warning level and says which alerts it raises', () => {
    const result = checkExpense(tradeShowPolicy, tradeShow, expense('extra-power', 'venue', 'commitment', 10_000_00, '2026-04-15'));
    expect(result.allowed).toBe(true);
    expect(result.crossed.map(brief)).toEqual([
      ['category', 'venue', 'committed', 'over', 'warn', 128_000_00, 126_000_00],
      ['category', 'venue', 'forecast', 'over', 'warn', 128_000_00, 126_000_00],
    ]);
  });

  it('only alerts when the policy says so', () => {
    const result = checkExpense({ ...tradeShowPolicy, onBlock: 'alert' }, tradeShow, expense('taxi', 'travel', 'actual', 2_000_00, '2026-04-21'));
    expect(result.allowed).toBe(true);
    expect(result.crossed.map((a) => [a.category, a.level])).toEqual([
      ['travel', 'block'],
      ['travel', 'block'],
    ]);
  });

  it('throws VALIDATION naming the expense field for bad input', () => {
    expect(issuesOf(() => checkExpense(undefined, tradeShow, expense('taxi', 'travel', 'actual', 20, '2026-05-01')))).toEqual([
      { path: ['expense', 'date'], message: '2026-05-01 is outside the campaign (2026-04-01 – 2026-04-30)' },
    ]);
    expect(issuesOf(() => checkExpense(undefined, tradeShow, expense('flights', 'travel', 'actual', 20, '2026-04-09'))).map((i) => i.path)).toEqual([['expense', 'id']]);
    expect(issuesOf(() => checkExpense(undefined, tradeShow, expense('x', 'travel', 'actual', 0.5, '2026-04-09'))).map((i) => i.path)).toEqual([['expense', 'amount']]);
    expect(issuesOf(() => checkExpense(undefined, tradeShow, expense('x', 'travel', 'actual', 5, '2026-04-09', { currency: 'USD' }))).map((i) => i.path)).toEqual([
      ['expense', 'currency'],
    ]);
  });
});
