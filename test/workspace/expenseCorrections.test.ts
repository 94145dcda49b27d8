import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Expenses are corrected and voided, never deleted: reasons kept, totals and thresholds follow.

describeOnEveryAdapter('correcting and voiding expenses', (open) => {
  it('corrects an amount with a reason, re-checks thresholds and shows old → new in the audit', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
      await workspace.budgets.recordExpense({ id: 'inv-1', campaignId: 'launch', category: 'venue', kind: 'actual', amount: 10_000_00, currency: 'CNY', date: '2026-03-03' });
      const corrected = await workspace.budgets.updateExpense('inv-1', { amount: 106_000_00 }, { reason: 'Invoice amount was mistyped' });
      expect([corrected.amount, corrected.corrections]).toEqual([106_000_00, [{ at: '2026-03-02T09:00:00.000Z', by: 'm-root', reason: 'Invoice amount was mistyped', fields: ['amount'] }]]);
      expect((await workspace.budgets.summary('launch')).cost.actual).toBe(106_000_00);
      // The correction pushed the venue past its warning level (+5 %).
      expect(events.filter((e) => e.type === 'budget.thresholdCrossed' && e.alert.scope === 'campaign' && e.alert.basis === 'committed').map((e) => e.commandId)).toEqual([
        events.find((e) => e.type === 'expense.corrected')?.commandId,
      ]);
      const [entry] = (await workspace.audit.list({ aggregate: { type: 'expense', id: 'inv-1' }, order: 'desc', limit: 1 })).items;
      expect([entry?.command, entry?.changes.find((c) => c.path[0] === 'amount')]).toEqual([
        'budget.updateExpense',
        { type: 'expense', id: 'inv-1', path: ['amount'], from: 10_000_00, to: 106_000_00 },
      ]);
      // Nothing to correct is no command at all; a missing reason and a kind change are refused.
      await workspace.budgets.updateExpense('inv-1', { amount: 106_000_00 }, { reason: 'again' });
      expect((await workspace.budgets.getExpense('inv-1')).corrections).toHaveLength(1);
      expect((await failure(workspace.budgets.updateExpense('inv-1', { amount: 1 }, { reason: ' ' }))).code).toBe('VALIDATION');
      expect((await failure(workspace.budgets.updateExpense('inv-1', { kind: 'commitment' } as never, { reason: 'x' }))).code).toBe('VALIDATION');
      expect((await failure(workspace.withActor(actors.viewer).budgets.updateExpense('inv-1', { amount: 1 }, { reason: 'x' }))).code).toBe('FORBIDDEN');
    } finally {
      await opened.close();
    }
  });

  it('voids an expense: kept with who, when and why, counted nowhere, undoable', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
      await workspace.budgets.recordExpense({ id: 'inv-1', campaignId: 'launch', category: 'venue', kind: 'actual', amount: 10_000_00, currency: 'CNY', date: '2026-03-03' });
      await workspace.budgets.recordExpense({ id: 'inv-2', campaignId: 'launch', category: 'venue', kind: 'actual', amount: 5_000_00, currency: 'CNY', date: '2026-03-03' });
      const voided = await workspace.budgets.voidExpense('inv-1', { reason: 'Duplicate of inv-2' });
      expect([voided.voidedAt, voided.voidedBy, voided.voidReason]).toEqual(['2026-03-02T09:00:00.000Z', 'm-root', 'Duplicate of inv-2']);
      expect(events.at(-1)).toMatchObject({ type: 'expense.voided', aggregateId: 'inv-1' });
      expect((await workspace.budgets.summary('launch')).cost.actual).toBe(5_000_00);
      expect((await workspace.budgets.listExpenses({ campaignId: 'launch' })).items.map((e) => e.id)).toEqual(['inv-1', 'inv-2']);
      expect((await failure(workspace.budgets.voidExpense('inv-1', { reason: 'again' }))).code).toBe('INVALID_STATE');
      expect((await failure(workspace.budgets.updateExpense('inv-1', { amount: 1 }, { reason: 'x' }))).code).toBe('INVALID_STATE');
      await workspace.audit.undoLast();
      expect((await workspace.budgets.summary('launch')).cost.actual).toBe(15_000_00);
    } finally {
      await opened.close();
    }
  });
});
