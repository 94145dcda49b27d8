import { describe, expect, it } from 'vitest';
import { failure, LAUNCH, setup } from './_setup.js';

const commitment = (id: string, amount: number) => ({ id, campaignId: 'launch', category: 'venue', kind: 'commitment' as const, amount, currency: 'CNY', date: '2026-03-03' });

async function budgeted() {
  const context = setup();
  await context.workspace.campaigns.create(LAUNCH);
  await context.workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
  return context;
}

describe('budgets in the workspace', () => {
  it('announces each threshold an expense crosses, on both bases, for the category and the campaign', async () => {
    const { workspace, events } = await budgeted();
    await workspace.budgets.recordExpense(commitment('po-1', 103_000_00));
    expect(events.filter((e) => e.type === 'budget.thresholdCrossed')).toEqual([]);
    const mark = events.length;
    await workspace.budgets.recordExpense(commitment('po-2', 4_000_00));
    // 107,000.00 against 100,000.00 planned is 7 % over: above the default warn level of 5 %.
    const crossed = events.slice(mark).flatMap((e) => (e.type === 'budget.thresholdCrossed' ? [[e.alert.scope, e.alert.basis, e.alert.level, e.alert.amount, e.alert.limit]] : []));
    expect(crossed).toEqual([
      ['category', 'committed', 'warn', 107_000_00, 105_000_00],
      ['category', 'forecast', 'warn', 107_000_00, 105_000_00],
      ['campaign', 'committed', 'warn', 107_000_00, 105_000_00],
      ['campaign', 'forecast', 'warn', 107_000_00, 105_000_00],
    ]);
    expect(events.slice(mark).map((e) => e.type)[0]).toBe('expense.recorded');
  });

  it('refuses an expense past a blocking level with LIMIT_EXCEEDED and stores nothing', async () => {
    const { workspace, storage } = await budgeted();
    await workspace.budgets.recordExpense(commitment('po-1', 107_000_00));
    const before = JSON.stringify(storage.snapshot());
    const error = await failure(workspace.budgets.recordExpense(commitment('po-2', 5_000_00)));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message.startsWith('Rejected: venue: actual + committed 112000.00 CNY is 12.0 % over planned 100000.00 (block above 10.0 %)')).toBe(true);
    expect(JSON.stringify(storage.snapshot())).toBe(before);
  });

  it('records it when the campaign’s policy only alerts, and announces the block level', async () => {
    const { workspace, events } = await budgeted();
    await workspace.budgets.setThresholds('launch', { thresholds: { defaultCategory: { warn: 0.05, block: 0.1 }, onBlock: 'alert' } });
    await workspace.budgets.recordExpense(commitment('po-1', 112_000_00));
    const levels = events.flatMap((e) => (e.type === 'budget.thresholdCrossed' ? [`${e.alert.scope}:${e.alert.level}`] : []));
    expect(levels).toEqual(['category:block', 'category:block']);
    expect((await workspace.budgets.summary('launch')).categories[0]?.status).toBe('block');
  });

  it('rejects an expense in another currency naming the field', async () => {
    const { workspace } = await budgeted();
    const error = await failure(workspace.budgets.recordExpense({ ...commitment('po-1', 100), currency: 'USD' }));
    expect([error.code, error.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['expense', 'currency']]);
  });
});

describe('KPIs in the workspace', () => {
  it('announces a target going off track when a measurement is recorded or the target is raised', async () => {
    const { workspace, events } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.kpis.createTarget({ id: 'leads', campaignId: 'launch', metric: 'leads', target: 5000 });
    await workspace.kpis.recordMeasurement({ id: 'm1', campaignId: 'launch', date: '2026-03-02', values: { leads: 4200 } });
    // 4200 against 5000 is 16 % short: beyond the 10 % at-risk band, so off track.
    expect(events.filter((e) => e.type === 'kpi.offTrack')).toEqual([
      expect.objectContaining({ aggregateId: 'leads', targetId: 'leads', actual: 4200, varianceRate: -0.16, previousStatus: 'unknown' }),
    ]);
    await workspace.kpis.recordMeasurement({ id: 'm2', campaignId: 'launch', date: '2026-03-03', values: { leads: 700 } });
    expect((await workspace.kpis.trackingTable('launch'))[0]).toMatchObject({ actual: 4900, status: 'onTrack' });
    expect(events.filter((e) => e.type === 'kpi.offTrack')).toHaveLength(1);
    await workspace.kpis.updateTarget('leads', { target: 6000 });
    expect(events.filter((e) => e.type === 'kpi.offTrack').at(-1)).toMatchObject({ target: 6000, actual: 4900, previousStatus: 'onTrack' });
  });

  it('refuses a target on a metric the registry does not know', async () => {
    const { workspace } = setup();
    await workspace.campaigns.create(LAUNCH);
    const error = await failure(workspace.kpis.createTarget({ campaignId: 'launch', metric: 'vibes', target: 1 }));
    expect([error.code, error.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['metric']]);
  });
});
