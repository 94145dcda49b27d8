import { describe, expect, it } from 'vitest';
import { campaignEvm, type CampaignEvmInput } from '../../src/budget/evm/campaignEvm.js';
import { earnedSchedule } from '../../src/budget/evm/earnedSchedule.js';
import { sCurve } from '../../src/budget/evm/sCurve.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';

function issuesOf(run: () => unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    run();
  } catch (e) {
    if (!isCampaignKitError(e, 'VALIDATION')) throw e;
    return ((e as CampaignKitError).details.issues ?? []).map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a VALIDATION error');
}

/**
 * The worked example as a scheduled campaign: one task over five working days (one "period" each),
 * its 500,000.00 budget phased 10/15/25/25/25 % (cumulative 10/25/50/75/100 %), 40 % complete at
 * the end of day 3, with 45,000.00 / 110,000.00 / 135,000.00 spent on days 1–3.
 */
const launch = { id: 'launch', currency: 'CNY', plannedStart: '2026-04-06', plannedFinish: '2026-04-30' };
const days = ['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10'];
const actual = (id: string, amount: number, date: string) => ({ id, campaignId: 'launch', category: 'agency', kind: 'actual' as const, amount, currency: 'CNY', date });
const workedExample: CampaignEvmInput = {
  statusDate: '2026-04-08',
  budget: {
    campaign: launch,
    lines: [
      {
        id: 'roadshow-agency',
        campaignId: 'launch',
        taskId: 'roadshow',
        category: 'agency',
        planned: 500_000_00,
        currency: 'CNY',
        phasing: { periods: days.map((d, i) => ({ from: d, to: d, amount: [50_000_00, 75_000_00, 125_000_00, 125_000_00, 125_000_00][i] ?? 0 })) },
      },
    ],
    expenses: [actual('p1', 45_000_00, days[0] ?? ''), actual('p2', 110_000_00, days[1] ?? ''), actual('p3', 135_000_00, days[2] ?? ''), actual('p4', 10_000_00, days[3] ?? '')],
  },
  tasks: [
    {
      id: 'roadshow',
      workingDays: days,
      percentComplete: 40,
      history: [
        { date: '2026-04-06', percentComplete: 10 },
        { date: '2026-04-07', percentComplete: 20 },
      ],
    },
  ],
};

describe('earned value of a scheduled campaign', () => {
  it('reproduces the worked example from the time-phased budget, progress and expenses', () => {
    const result = campaignEvm(workedExample);
    expect(result.campaign).toMatchObject({
      bac: 500_000_00,
      pv: 250_000_00,
      ev: 200_000_00,
      ac: 290_000_00, // the invoice dated after the status date is not counted
      sv: -50_000_00,
      cv: -90_000_00,
      spi: 0.8,
      eac: { cpi: 725_000_00, budgetRate: 590_000_00, composite: 833_750_00 },
      etc: 435_000_00,
      vac: -225_000_00,
    });
    expect(result.tasks).toEqual([{ taskId: 'roadshow', ...result.campaign }]);
    expect(result.stages).toEqual([]);
    expect(result.excluded).toEqual({ lineIds: [], planned: 0, actual: 0 });
  });

  it('draws the S-curve by day and feeds earned schedule', () => {
    const curve = sCurve({ ...workedExample, period: 'day' });
    expect(curve.bac).toBe(500_000_00);
    expect(curve.points.map((p) => [p.period, p.pv, p.ev, p.ac, p.cumulativePv, p.cumulativeEv, p.cumulativeAc])).toEqual([
      ['2026-04-06', 50_000_00, 50_000_00, 45_000_00, 50_000_00, 50_000_00, 45_000_00],
      ['2026-04-07', 75_000_00, 50_000_00, 110_000_00, 125_000_00, 100_000_00, 155_000_00],
      ['2026-04-08', 125_000_00, 100_000_00, 135_000_00, 250_000_00, 200_000_00, 290_000_00],
      ['2026-04-09', 125_000_00, null, null, 375_000_00, null, null],
      ['2026-04-10', 125_000_00, null, null, 500_000_00, null, null],
    ]);
    const es = earnedSchedule({ plannedValueByPeriod: curve.points.map((p) => p.pv), ev: 200_000_00, actualTime: 3, plannedDuration: 5 });
    expect(es).toMatchObject({ es: 2.6, svt: -0.4, tspi: 1.2 });
  });
});

const expo = { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' };
const line = (id: string, category: string, planned: number, extra: object = {}) => ({ id, campaignId: 'expo', category, planned, currency: 'CNY', ...extra });
const spend = (id: string, category: string, amount: number, date: string, extra: object = {}) => ({
  id,
  campaignId: 'expo',
  category,
  kind: 'actual' as const,
  amount,
  currency: 'CNY',
  date,
  ...extra,
});

/**
 * Three tasks in two stages, figures by hand:
 * design  (plan):    creative 1,000 even over 04-01, 04-02 → 500 / 500;
 * build   (execute): venue 3,000 front-loaded over 04-02, 04-03, 04-06 → 1,500 / 1,000 / 500;
 * ship    (execute): materials 1,000 back-loaded over 04-07, 04-08 → 333 / 667;
 * media 5,000 has no task. Status date 04-03.
 */
const expoInput = (method: 'percentComplete' | 'physical' | 'milestones'): CampaignEvmInput => ({
  statusDate: '2026-04-03',
  method,
  budget: {
    campaign: expo,
    lines: [
      line('design-fee', 'creative', 1000, { taskId: 'design' }),
      line('booth', 'venue', 3000, { taskId: 'build', phasing: 'front' }),
      line('print', 'materials', 1000, { taskId: 'ship', phasing: 'back' }),
      line('ads', 'media', 5000),
    ],
    expenses: [
      spend('e1', 'creative', 1100, '2026-04-02'),
      spend('e2', 'venue', 1200, '2026-04-03', { taskId: 'build' }),
      { ...spend('e3', 'materials', 900, '2026-04-02'), kind: 'commitment' as const },
      spend('e4', 'media', 700, '2026-04-03'),
      spend('e5', 'venue', 400, '2026-04-10'),
    ],
  },
  tasks: [
    {
      id: 'design',
      stageId: 'plan',
      workingDays: ['2026-04-01', '2026-04-02'],
      percentComplete: 100,
      physicalPercentComplete: 90,
      milestones: [{ weight: 1, doneOn: '2026-04-02' }, { weight: 3 }],
    },
    {
      id: 'build',
      stageId: 'execute',
      workingDays: ['2026-04-02', '2026-04-03', '2026-04-06'],
      percentComplete: 50,
      physicalPercentComplete: 60,
      milestones: [{ weight: 1, doneOn: '2026-04-03' }, { weight: 1 }],
      history: [{ date: '2026-04-02', percentComplete: 20 }],
    },
    { id: 'ship', stageId: 'execute', workingDays: ['2026-04-07', '2026-04-08'], milestones: [{ weight: 1 }] },
  ],
});

describe('earned value per task, stage and campaign', () => {
  const pick = (r: { bac: number; pv: number; ev: number; ac: number }) => [r.bac, r.pv, r.ev, r.ac];

  it('sums tasks into stages and the campaign, with percent complete', () => {
    const r = campaignEvm(expoInput('percentComplete'));
    expect(r.tasks.map((t) => [t.taskId, t.stageId, ...pick(t)])).toEqual([
      ['design', 'plan', 1000, 1000, 1000, 1100],
      ['build', 'execute', 3000, 2500, 1500, 1200],
      ['ship', 'execute', 1000, 0, 0, 0],
    ]);
    expect(r.stages.map((s) => [s.stageId, s.taskIds, ...pick(s)])).toEqual([
      ['plan', ['design'], 1000, 1000, 1000, 1100],
      ['execute', ['build', 'ship'], 4000, 2500, 1500, 1200],
    ]);
    expect(pick(r.campaign)).toEqual([5000, 3500, 2500, 2300]);
    expect(r.campaign.spi).toBe(2500 / 3500);
    expect(r.campaign.cpi).toBe(2500 / 2300);
    expect(r.excluded).toEqual({ lineIds: ['ads'], planned: 5000, actual: 700 });
    const ship = r.tasks[2];
    expect(ship?.spi).toBeNull();
    expect(ship?.reasons.spi).toBe('PV is zero: nothing was planned by the status date');
  });

  it('measures EV by physical percent complete or by milestone weights when asked', () => {
    expect(campaignEvm(expoInput('physical')).tasks.map((t) => t.ev)).toEqual([900, 1800, 0]);
    // Milestones split each BAC by weight: design 250 / 750, build 1,500 / 1,500; the first of each is reached.
    expect(campaignEvm(expoInput('milestones')).tasks.map((t) => t.ev)).toEqual([250, 1500, 0]);
  });

  it('draws a daily S-curve whose earned value follows the progress history', () => {
    const points = sCurve({ ...expoInput('percentComplete'), period: 'day' }).points;
    expect(points.map((p) => [p.period, p.pv, p.cumulativePv, p.cumulativeEv, p.cumulativeAc])).toEqual([
      ['2026-04-01', 500, 500, 0, 0],
      ['2026-04-02', 2000, 2500, 600, 1100],
      ['2026-04-03', 1000, 3500, 2500, 2300],
      ['2026-04-04', 0, 3500, null, null],
      ['2026-04-05', 0, 3500, null, null],
      ['2026-04-06', 500, 4000, null, null],
      ['2026-04-07', 333, 4333, null, null],
      ['2026-04-08', 667, 5000, null, null],
    ]);
    expect(points.map((p) => p.ev).slice(0, 3)).toEqual([0, 600, 1900]);
  });

  it('draws a weekly S-curve by ISO week', () => {
    expect(sCurve({ ...expoInput('percentComplete'), period: 'week' }).points).toEqual([
      { period: '2026-W14', start: '2026-03-30', end: '2026-04-05', pv: 3500, ev: 2500, ac: 2300, cumulativePv: 3500, cumulativeEv: 2500, cumulativeAc: 2300 },
      { period: '2026-W15', start: '2026-04-06', end: '2026-04-12', pv: 1500, ev: null, ac: null, cumulativePv: 5000, cumulativeEv: null, cumulativeAc: null },
    ]);
  });
});

describe('bad earned-value input', () => {
  it('names the field: unknown task, missing milestones, future readings, no working days', () => {
    const input = expoInput('milestones');
    const tasks = input.tasks.map((t, i) =>
      i === 0 ? { ...t, history: [{ date: '2026-04-09', percentComplete: 50 }] } : i === 2 ? { ...t, milestones: [] } : t,
    );
    const lines = [...input.budget.lines, line('ghost-line', 'other', 10, { taskId: 'ghost' })];
    expect(issuesOf(() => campaignEvm({ ...input, tasks, budget: { ...input.budget, lines } }))).toEqual([
      { path: ['tasks', 0, 'history', 0, 'date'], message: 'a reading after the status date 2026-04-03' },
      { path: ['tasks', 2, 'milestones'], message: "method 'milestones' needs at least one weighted milestone" },
      { path: ['budget', 'lines', 4, 'taskId'], message: "task 'ghost' is not in tasks; add it with its working days" },
    ]);
    const noDays = input.tasks.map((t, i) => (i === 1 ? { ...t, workingDays: [] } : t));
    expect(issuesOf(() => campaignEvm({ ...input, tasks: noDays }))).toEqual([
      { path: ['tasks', 1, 'workingDays'], message: 'an amount needs at least one working day to be spread over' },
    ]);
  });

  it('checks the budget inside, with paths under budget', () => {
    const input = expoInput('percentComplete');
    const expenses = [...(input.budget.expenses ?? []), spend('late', 'venue', 5, '2026-05-02')];
    expect(issuesOf(() => campaignEvm({ ...input, budget: { ...input.budget, expenses } }))).toEqual([
      { path: ['budget', 'expenses', 5, 'date'], message: '2026-05-02 is outside the campaign (2026-04-01 – 2026-04-30)' },
    ]);
    expect(issuesOf(() => campaignEvm({ ...input, statusDate: '2026-02-30' }))).toEqual([{ path: ['statusDate'], message: 'not a real calendar date' }]);
  });
});
