import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_POLICY, defineAccessPolicy } from '../../src/access/accessPolicy.js';
import { assertCan, can, rolesOf } from '../../src/access/can.js';
import { redact, redactAll } from '../../src/access/redact.js';
import { thrown } from '../workflow/_fixtures.js';
import { checkBoundary, type BoundaryCase } from '../workflow/_nearValid.js';

/**
 * The access functions at their boundaries: one valid call each with its known result, and
 * near-valid calls (one field replaced, removed or joined by a stray key) that may be refused only
 * with a CampaignKitError.
 */

const manager = { id: 'm-li', roles: [{ role: 'manager' as const, campaignId: 'launch' }, { role: 'viewer' as const }] };
const agency = { id: 'm-ad', department: 'agency', roles: [{ role: 'external' as const, campaignId: 'launch' }] };
const executive = { id: 'm-ceo', roles: [{ role: 'executive' as const }] };
const resource = { type: 'task', id: 't1', campaignId: 'launch', ownerId: 'm-li', assigneeIds: ['m-sun'] };
const booth = { id: 't-booth', campaignId: 'launch', name: 'Build the booth', ownerId: 'm-li', assigneeIds: ['m-ad'], status: 'todo', plannedCost: { amount: 5_000_000, currency: 'CNY' } };
const line = { id: 'b1', campaignId: 'launch', category: 'venue', planned: 50_000 };
const granted = { allowed: true, permission: 'task.update', role: 'manager', reason: 'role manager on campaign launch grants task.update' };

const CASES: readonly BoundaryCase[] = [
  { name: 'can', run: can, args: [manager, 'task.update', resource, DEFAULT_ACCESS_POLICY], expected: granted },
  { name: 'assertCan', run: assertCan, args: [manager, 'task.update', resource], expected: granted },
  { name: 'rolesOf', run: rolesOf, args: [manager, { campaignId: 'launch' }, DEFAULT_ACCESS_POLICY], expected: ['manager', 'viewer'] },
  {
    name: 'redact',
    run: redact,
    args: [agency, 'task', booth, { department: 'market' }],
    expected: { id: 't-booth', campaignId: 'launch', name: 'Build the booth', ownerId: 'm-li', assigneeIds: ['m-ad'], status: 'todo' },
  },
  {
    name: 'redactAll',
    run: redactAll,
    // An executive gets task summaries; what is not a plain object is left out.
    args: [executive, 'task', [booth, 'not a task', { id: 't-kv', campaignId: 'launch', name: 'Key visual', description: 'Details' }], { policy: DEFAULT_ACCESS_POLICY }],
    expected: [
      { id: 't-booth', campaignId: 'launch', name: 'Build the booth', ownerId: 'm-li', status: 'todo' },
      { id: 't-kv', campaignId: 'launch', name: 'Key visual' },
    ],
  },
  { name: 'redactAll (budget lines for an agency)', run: redactAll, args: [agency, 'budgetLine', [line]], expected: [] },
  {
    name: 'defineAccessPolicy',
    run: defineAccessPolicy,
    args: [{ roles: { viewer: ['campaign.read', { permission: 'task.read', when: 'assigned' }] }, externalDepartments: ['agency', 'freelance'], separationOfDuties: true }],
    expected: {
      roles: { ...DEFAULT_ACCESS_POLICY.roles, viewer: ['campaign.read', { permission: 'task.read', when: 'assigned' }] },
      externalDepartments: ['agency', 'freelance'],
      separationOfDuties: true,
    },
  },
];

describe.each(CASES)('$name at its boundary', (c) => checkBoundary(c));

describe('access boundary errors name the argument', () => {
  it('refuses a scope, options or a list that are not what they should be', () => {
    expect(thrown(() => rolesOf(manager, null as never)).message).toMatch(/^Invalid scope: \(input\): /);
    expect(thrown(() => rolesOf(manager, { campaignId: 7 } as never)).message).toMatch(/^Invalid scope: campaignId: /);
    expect(thrown(() => redact(agency, 'task', booth, null as never)).message).toMatch(/^Invalid redact options: \(input\): /);
    expect(thrown(() => redactAll(executive, 'task', { 0: booth } as never)).message).toMatch(/^Invalid entities: \(input\): /);
    expect(thrown(() => redactAll(executive, 'task', [booth], { policy: { roles: {} } as never })).message).toMatch(/^Invalid access policy: roles\.admin: /);
    expect(thrown(() => can(manager, 10n as never, resource)).message).toBe("Invalid permission: (input): unknown permission 10n; expected one such as 'task.update' or 'budget.read'");
  });
});
