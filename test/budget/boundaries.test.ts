import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBudgetState } from '../../src/budget/budgetState.js';
import { budgetSummary } from '../../src/budget/budgetSummary.js';
import { budgetVariance } from '../../src/budget/budgetVariance.js';
import { checkExpense } from '../../src/budget/checkExpense.js';
import { campaignEvm } from '../../src/budget/evm/campaignEvm.js';
import { computeEvm } from '../../src/budget/evm/computeEvm.js';
import { earnedSchedule } from '../../src/budget/evm/earnedSchedule.js';
import { sCurve } from '../../src/budget/evm/sCurve.js';
import { labourCost } from '../../src/budget/labourCost.js';
import { lineTotals } from '../../src/budget/lineTotals.js';
import { portfolioSummary } from '../../src/budget/portfolioSummary.js';
import { alertKey, evaluateThresholds, thresholdCrossings } from '../../src/budget/thresholds.js';
import { cumulativeAt, phaseByPeriod, timePhase } from '../../src/budget/timePhase.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { FUZZ_RUNS, nearValid, onlyCampaignKitErrors } from '../schedule/_fuzz.js';
import { expense, tradeShow, tradeShowPolicy } from './_tradeShow.js';

function errorOf(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return e;
    throw e;
  }
  throw new Error('expected a CampaignKitError');
}

/** The code, message and issue paths of the error `run` throws. */
function refusal(run: () => unknown) {
  const e = errorOf(run);
  return { code: e.code, message: e.message, paths: (e.details.issues ?? []).map((i) => i.path) };
}

const alerts = evaluateThresholds(tradeShow, tradeShowPolicy);

describe('alertKey and thresholdCrossings check their arguments at the boundary', () => {
  it('still key and compare the alerts of an evaluation', () => {
    expect(alerts.map((a) => [alertKey(a), a.level])).toEqual([
      ['category:materials:committed:over', 'block'],
      ['category:materials:forecast:over', 'block'],
      ['category:travel:committed:over', 'warn'],
      ['category:travel:forecast:over', 'warn'],
    ]);
    expect(thresholdCrossings([], alerts)).toEqual(alerts);
    expect(thresholdCrossings(alerts, alerts)).toEqual([]);
    const travelCommitted = alerts[2];
    const escalated = travelCommitted && { ...travelCommitted, level: 'block' as const };
    // The alerts returned are the caller's own objects, every field intact.
    expect(escalated && thresholdCrossings(alerts, [escalated])[0]).toBe(escalated);
  });

  it('alertKey refuses what is not an alert, naming the field', () => {
    expect(refusal(() => alertKey(undefined as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid budget alert: (input): Invalid input: expected object, received undefined',
      paths: [[]],
    });
    expect(refusal(() => alertKey({ ...alerts[0], direction: 'sideways' } as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid budget alert: direction: Invalid option: expected one of "over"|"under"',
      paths: [['direction']],
    });
    expect(refusal(() => alertKey({ ...alerts[0], category: 7 } as never)).paths).toEqual([['category']]);
  });

  it('thresholdCrossings refuses what is not two arrays of alerts, naming the element', () => {
    expect(refusal(() => thresholdCrossings(undefined as never, alerts))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid budget alerts: before: Invalid input: expected array, received undefined',
      paths: [['before']],
    });
    expect(refusal(() => thresholdCrossings(alerts, new Set(alerts) as never)).paths).toEqual([['after']]);
    expect(refusal(() => thresholdCrossings(alerts, [...alerts, { ...alerts[0], level: 'panic' }] as never))).toEqual({
      code: 'VALIDATION',
      message: 'Invalid budget alerts: after[4].level: Invalid option: expected one of "warn"|"block"',
      paths: [['after', 4, 'level']],
    });
  });
});

describe('every budget function lets only CampaignKitError escape on near-valid input', () => {
  const days = timePhase({ amount: 1000, workingDays: ['2026-04-01', '2026-04-02', '2026-04-03'] });
  const evmInput = {
    statusDate: '2026-04-02',
    budget: {
      campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
      lines: [{ id: 'booth', campaignId: 'expo', taskId: 'build', category: 'venue', planned: 400_00, currency: 'CNY' }],
      expenses: [{ id: 'e1', campaignId: 'expo', category: 'venue', kind: 'actual', amount: 250_00, currency: 'CNY', date: '2026-04-02' }],
    },
    tasks: [{ id: 'build', workingDays: ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-06'], percentComplete: 40 }],
  };
  const usExpo = {
    campaign: { id: 'us-expo', currency: 'USD', plannedStart: '2026-04-01' },
    lines: [{ id: 'booth', campaignId: 'us-expo', category: 'venue', planned: 10_000_00, currency: 'USD' }],
    expenses: [{ id: 'e1', campaignId: 'us-expo', category: 'venue', kind: 'actual', amount: 10_600_00, currency: 'USD', date: '2026-04-02' }],
  };
  const cases: [string, (...args: never[]) => unknown, unknown[]][] = [
    ['parseBudgetState', parseBudgetState, [tradeShow]],
    ['lineTotals', lineTotals, [tradeShow]],
    ['budgetVariance', budgetVariance, [tradeShow]],
    ['evaluateThresholds', evaluateThresholds, [tradeShow, tradeShowPolicy]],
    ['alertKey', alertKey, [alerts[0]]],
    ['thresholdCrossings', thresholdCrossings, [alerts.slice(0, 2), alerts]],
    ['checkExpense', checkExpense, [tradeShowPolicy, tradeShow, expense('taxi', 'travel', 'actual', 20_00, '2026-04-09')]],
    ['timePhase', timePhase, [{ amount: 600, workingDays: ['2026-04-01', '2026-04-02', '2026-04-03'], profile: 'front' }]],
    ['phaseByPeriod', phaseByPeriod, [days, 'month']],
    ['cumulativeAt', cumulativeAt, [days, '2026-04-02']],
    [
      'labourCost',
      labourCost,
      [
        {
          currency: 'CNY',
          rates: [
            { role: 'designer', rate: 300_00, currency: 'CNY', effectiveFrom: '2026-01-01' },
            { memberId: 'm-wang', rate: 450_00, currency: 'CNY', effectiveFrom: '2026-04-01' },
          ],
          entries: [{ memberId: 'm-wang', role: 'designer', date: '2026-03-31', hours: 7.5 }],
        },
      ],
    ],
    ['computeEvm', computeEvm, [{ bac: 500_000, pv: 250_000, ev: 200_000, ac: 290_000 }]],
    ['earnedSchedule', earnedSchedule, [{ plannedValueByPeriod: [50_000, 75_000, 125_000], ev: 200_000, actualTime: 3, plannedDuration: 3 }]],
    ['campaignEvm', campaignEvm, [evmInput]],
    ['sCurve', sCurve, [{ ...evmInput, period: 'week' }]],
    ['budgetSummary', budgetSummary, [tradeShow, tradeShowPolicy]],
    ['portfolioSummary', portfolioSummary, [{ currency: 'CNY', rates: { date: '2026-03-31', base: 'CNY', rates: { USD: 0.14 } }, campaigns: [{ budget: tradeShow, thresholds: tradeShowPolicy }, { budget: usExpo }] }]],
  ];

  it.each(cases)('%s', (_name, fn, valid) => {
    // The valid arguments work as they are; the fuzzed ones may be refused, but only by a CampaignKitError.
    expect(() => fn(...(valid as never[]))).not.toThrow();
    fc.assert(
      fc.property(nearValid(valid), (args) => {
        onlyCampaignKitErrors(() => fn(...((Array.isArray(args) ? args : [args]) as never[])));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
