import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Spending above the approval thresholds waits for its budget approval; the final approval records it.

const finance = { id: 'm-qian', department: 'finance', roles: [{ role: 'member' as const, campaignId: 'launch' }] };
const request = (id: string, amount: number) => ({ id, campaignId: 'launch', category: 'venue', kind: 'commitment' as const, amount, currency: 'CNY', date: '2026-03-10' });

describeOnEveryAdapter('budget requests through approvals', (open) => {
  async function governed() {
    const opened = await open();
    if (opened === null) return null;
    const { workspace } = opened;
    await workspace.campaigns.create(LAUNCH);
    await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 200_000_00, currency: 'CNY' });
    await workspace.budgets.setThresholds('launch', {
      approvalPolicy: { rules: [{ threshold: { amount: 50_000_00, currency: 'CNY' }, name: 'Finance approval', approverRole: 'finance' }] },
    });
    return opened;
  }

  it('records a request below the thresholds at once, and a larger one only when its approval passes', async () => {
    const opened = await governed();
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      const manager = workspace.withActor(actors.manager);
      const small = await manager.budgets.requestExpense(request('flyers', 3_000_00));
      expect([small.expense?.id, small.approval]).toEqual(['flyers', null]);

      const booth = await manager.budgets.requestExpense(request('booth', 80_000_00));
      expect([booth.expense, booth.approval?.status, booth.approval?.subject, booth.approval?.stages.map((s) => [s.name, s.approvers])]).toEqual([
        null,
        'pending',
        { type: 'budget', id: 'booth', amount: { amount: 80_000_00, currency: 'CNY' } },
        [['Finance approval', ['m-qian']]],
      ]);
      expect((await workspace.budgets.summary('launch')).cost.committed).toBe(3_000_00);
      expect((await failure(workspace.budgets.getExpense('booth'))).code).toBe('NOT_FOUND');

      const approvalId = booth.approval?.id ?? '';
      await workspace.withActor(finance).approvals.decide(approvalId, { decision: 'approved' });
      expect((await workspace.budgets.getExpense('booth')).amount).toBe(80_000_00);
      expect((await workspace.budgets.summary('launch')).cost.committed).toBe(83_000_00);
      const decision = events.find((e) => e.type === 'approval.approved');
      expect(events.find((e) => e.type === 'expense.recorded' && e.expense.id === 'booth')?.commandId).toBe(decision?.commandId);
      // Undo of the decision takes the expense back out with it.
      await workspace.withActor(finance).audit.undoLast();
      expect((await failure(workspace.budgets.getExpense('booth'))).code).toBe('NOT_FOUND');
    } finally {
      await opened.close();
    }
  });

  it('records nothing for a rejected or cancelled request', async () => {
    const opened = await governed();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      const manager = workspace.withActor(actors.manager);
      const stage = await manager.budgets.requestExpense(request('stage', 90_000_00));
      await workspace.withActor(finance).approvals.decide(stage.approval?.id ?? '', { decision: 'rejected', comment: 'Too expensive' });
      const led = await manager.budgets.requestExpense(request('led', 60_000_00));
      await manager.approvals.cancel(led.approval?.id ?? '', { reason: 'Plan changed' });
      expect((await workspace.budgets.listExpenses({ campaignId: 'launch' })).items).toEqual([]);
      expect((await failure(workspace.withActor(actors.member).budgets.requestExpense(request('x', 1)))).code).toBe('FORBIDDEN');
    } finally {
      await opened.close();
    }
  });
});
