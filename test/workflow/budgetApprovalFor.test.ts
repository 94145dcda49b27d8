import { describe, expect, it } from 'vitest';
import { budgetApprovalFor } from '../../src/workflow/approvals/budgetApprovalFor.js';
import { cancelApproval } from '../../src/workflow/approvals/cancelApproval.js';
import { submitApproval } from '../../src/workflow/approvals/submitApproval.js';
import { actors, thrown } from './_fixtures.js';

const ctx = (actor: (typeof actors)[keyof typeof actors]) => ({ actor, now: '2026-03-06T08:00:00Z', timeZone: 'Asia/Shanghai' });

describe('budgetApprovalFor', () => {
  const expense = { id: 'exp-booth', campaignId: 'launch', category: 'venue', kind: 'commitment' as const, amount: 8_000_000, currency: 'CNY', date: '2026-03-10' };
  const policy = {
    rules: [
      { threshold: { amount: 20_000_000, currency: 'CNY' }, name: 'Executive approval', approverRole: 'executive' },
      { threshold: { amount: 5_000_000, currency: 'CNY' }, name: 'Manager approval', approverRole: 'manager', slaHours: 16, escalateToRole: 'executive' },
    ],
  };
  const directory = { assignees: { manager: ['m-li'], executive: ['m-ceo'] } };

  it('asks a manager to approve an expense above the manager threshold', () => {
    expect(budgetApprovalFor(expense, { id: 'ap-booth', policy, directory })).toEqual({
      id: 'ap-booth',
      campaignId: 'launch',
      title: 'Budget request exp-booth',
      subject: { type: 'budget', id: 'exp-booth', amount: { amount: 8_000_000, currency: 'CNY' } },
      required: true,
      stages: [{ name: 'Manager approval', approvers: ['m-li'], rule: 'any', slaBasis: 'working', slaHours: 16, escalateToRole: 'executive' }],
      status: 'draft',
      rounds: [],
    });
  });

  it('adds the executive after the manager above the higher threshold, and needs nobody below both', () => {
    const big = budgetApprovalFor({ ...expense, amount: 25_000_000 }, { id: 'ap-big', policy, directory });
    expect(big?.stages.map((s) => s.name)).toEqual(['Manager approval', 'Executive approval']);
    expect(budgetApprovalFor({ ...expense, amount: 5_000_000 }, { id: 'ap-small', policy, directory })).toBeNull();
  });

  it('refuses a threshold in another currency', () => {
    expect(thrown(() => budgetApprovalFor({ ...expense, currency: 'USD' }, { id: 'ap', policy, directory })).code).toBe('CURRENCY_MISMATCH');
  });

  it('keeps an agency, which may not see budgets, from submitting or withdrawing a budget request', () => {
    const request = budgetApprovalFor(expense, { id: 'ap-booth', policy, directory });
    if (request === null) throw new Error('expected a budget request');
    const refused = thrown(() => submitApproval(request, {}, ctx(actors.agency)));
    expect([refused.code, refused.details.permission]).toEqual(['FORBIDDEN', 'budget.read']);
    // Even as the one who submitted it (so approval.cancel would allow it), the agency may not act on it.
    const submitted = submitApproval(request, {}, ctx(actors.marketer)).state;
    const asIfByAgency = { ...submitted, rounds: submitted.rounds.map((r) => ({ ...r, submittedBy: 'm-ad' as typeof r.submittedBy })) };
    expect(thrown(() => cancelApproval(asIfByAgency, {}, ctx(actors.agency))).details.permission).toBe('budget.read');
    expect(submitted.status).toBe('pending');
  });

  it('finds approvers by department when the role is named like an Object method (constructor)', () => {
    const rules = [{ threshold: { amount: 1_000_000, currency: 'CNY' }, name: 'Site approval', approverRole: 'constructor' }];
    const members = [{ id: 'm-gao', name: 'Gao', department: 'constructor' }];
    expect(budgetApprovalFor(expense, { id: 'ap-site', policy: { rules }, directory: { members } })?.stages[0]?.approvers).toEqual(['m-gao']);
  });
});
