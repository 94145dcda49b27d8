import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure } from './_setup.js';

// Earned value and the portfolio, computed from stored records alone, on every adapter.

const EXPO = { id: 'expo', name: 'Trade show', ownerId: 'm-li', plannedStart: '2026-04-01', plannedFinish: '2026-04-30', currency: 'CNY' };

describeOnEveryAdapter('campaigns.evm and budgets.portfolio', (open) => {
  it('measures PV on the stored schedule, EV from percent complete and AC from expenses', async () => {
    // The clock is moved by hand, so progress is reported on two days.
    let now = Date.parse('2026-04-01T09:00:00Z');
    const opened = await open({ clock: { now: () => now } });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(EXPO);
      // Four working days from Wednesday 1 April: Wed, Thu, Fri and Monday 6 April.
      await workspace.tasks.create({ id: 'build', campaignId: 'expo', name: 'Build the booth', duration: '4d', stageId: 'execution' });
      await workspace.tasks.update('build', { percentComplete: 20 });
      now = Date.parse('2026-04-02T09:00:00Z');
      await workspace.tasks.update('build', { percentComplete: 40 });
      await workspace.budgets.createLine({ id: 'booth', campaignId: 'expo', taskId: 'build', category: 'venue', planned: 400_00, currency: 'CNY' });
      await workspace.budgets.recordExpense({ id: 'e1', campaignId: 'expo', category: 'venue', kind: 'actual', amount: 250_00, currency: 'CNY', date: '2026-04-02', budgetLineId: 'booth' });

      const report = await workspace.campaigns.evm('expo', { statusDate: '2026-04-02', period: 'day' });
      expect(report.campaign).toMatchObject({ bac: 400_00, pv: 200_00, ev: 160_00, ac: 250_00, sv: -40_00, cv: -90_00, spi: 0.8, cpi: 0.64 });
      expect(report.stages.map((s) => [s.stageId, s.taskIds, s.pv])).toEqual([['execution', ['build'], 200_00]]);
      expect(report.sCurve.points.map((p) => [p.period, p.pv, p.cumulativeEv, p.cumulativeAc])).toEqual([
        ['2026-04-01', 100_00, 80_00, 0],
        ['2026-04-02', 100_00, 160_00, 250_00],
        ['2026-04-03', 100_00, null, null],
        ['2026-04-04', 0, null, null],
        ['2026-04-05', 0, null, null],
        ['2026-04-06', 100_00, null, null],
      ]);
      // An agency has no budget.read: no earned value for it.
      expect((await failure(workspace.withActor(actors.agency).campaigns.evm('expo', { statusDate: '2026-04-02' }))).code).toBe('NOT_FOUND');
      expect((await failure(workspace.campaigns.evm('expo', { statusDate: '2026-04-31' }))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });

  it('sums the budgets the actor may read into one portfolio, converting currencies', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(EXPO);
      await workspace.campaigns.create({ ...EXPO, id: 'vegas', name: 'Las Vegas', currency: 'USD' });
      await workspace.budgets.createLine({ id: 'booth', campaignId: 'expo', category: 'venue', planned: 1_000_00, currency: 'CNY' });
      await workspace.budgets.createLine({ id: 'vegas-booth', campaignId: 'vegas', category: 'venue', planned: 100_00, currency: 'USD' });
      const rates = { date: '2026-03-31', base: 'CNY', rates: { USD: 0.125 } };
      const portfolio = await workspace.budgets.portfolio({ currency: 'CNY', rates });
      expect([portfolio.rateDate, portfolio.campaigns.map((c) => [c.campaignId, c.sourceCurrency, c.planned]), portfolio.cost.planned]).toEqual([
        '2026-03-31',
        [
          ['expo', 'CNY', 1_000_00],
          ['vegas', 'USD', 800_00],
        ],
        1_800_00,
      ]);
      // A manager of expo alone sees expo alone; naming vegas is refused.
      const manager = { id: 'm-li', roles: [{ role: 'manager' as const, campaignId: 'expo' }] };
      expect((await workspace.withActor(manager).budgets.portfolio({ currency: 'CNY' })).campaigns.map((c) => c.campaignId)).toEqual(['expo']);
      expect((await failure(workspace.withActor(manager).budgets.portfolio({ currency: 'CNY', campaignIds: ['vegas'] }))).code).toBe('NOT_FOUND');
      expect((await failure(workspace.budgets.portfolio({ currency: 'CNY' }))).code).toBe('CURRENCY_MISMATCH');
    } finally {
      await opened.close();
    }
  });
});
