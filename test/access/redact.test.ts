import { describe, expect, it } from 'vitest';
import { redact, redactAll } from '../../src/access/redact.js';

const agency = { id: 'm-ad', department: 'agency', roles: [{ role: 'external' as const, campaignId: 'launch' }] };
const member = { id: 'm-sun', roles: [{ role: 'member' as const, campaignId: 'launch' }] };
const executive = { id: 'm-ceo', roles: [{ role: 'executive' as const }] };

const task = {
  id: 't-booth',
  campaignId: 'launch',
  name: 'Build the booth',
  description: 'Vendor shortlist in the drive',
  ownerId: 'm-li',
  assigneeIds: ['m-ad'],
  status: 'in_progress',
  statusCategory: 'in_progress',
  priority: 'high',
  start: '2026-03-12T08:00',
  finish: '2026-03-25T17:00',
  checklist: [{ id: 'c1', text: 'Floor plan', done: true }],
  plannedCost: { amount: 5_000_000, currency: 'CNY' },
  vendor: { name: 'Expo Build Co', contact: 'Ms. Chen', quotedPrice: 4_800_000 },
};

describe('redact', () => {
  it('removes every budget and cost field from what an agency sees, at any depth', () => {
    expect(redact(agency, 'task', task)).toEqual({
      id: 't-booth',
      campaignId: 'launch',
      name: 'Build the booth',
      description: 'Vendor shortlist in the drive',
      ownerId: 'm-li',
      assigneeIds: ['m-ad'],
      status: 'in_progress',
      statusCategory: 'in_progress',
      priority: 'high',
      start: '2026-03-12T08:00',
      finish: '2026-03-25T17:00',
      checklist: [{ id: 'c1', text: 'Floor plan', done: true }],
      vendor: { name: 'Expo Build Co', contact: 'Ms. Chen' },
    });
  });

  it('removes cost fields from nested objects that are not plain literals (null prototype, class instances)', () => {
    const quote = Object.assign(Object.create(null) as Record<string, unknown>, { vendor: 'Expo Build Co', quotedPrice: 4_800_000 });
    class Estimate {
      constructor(
        readonly label: string,
        readonly cost: number,
      ) {}
    }
    const entity = { id: 't-booth', campaignId: 'launch', name: 'Build the booth', quote, estimates: [new Estimate('booth', 5_000_000)] };
    expect(redact(agency, 'task', entity)).toEqual({
      id: 't-booth',
      campaignId: 'launch',
      name: 'Build the booth',
      quote: { vendor: 'Expo Build Co' },
      estimates: [{ label: 'booth' }],
    });
  });

  it('redacts an entity whose own prototype is null like any other', () => {
    const entity = Object.assign(Object.create(null) as Record<string, unknown>, { id: 't-booth', campaignId: 'launch', name: 'Booth', budget: 100 });
    expect(redact(agency, 'task', entity)).toEqual({ id: 't-booth', campaignId: 'launch', name: 'Booth' });
  });

  it('keeps dates as they are', () => {
    const signedAt = new Date('2026-03-02T09:00:00Z');
    expect(redact(agency, 'task', { id: 't-booth', campaignId: 'launch', contract: { signedAt, price: 10 } })).toEqual({
      id: 't-booth',
      campaignId: 'launch',
      contract: { signedAt },
    });
  });

  it('does not change the entity it is given', () => {
    redact(agency, 'task', task);
    expect(task.plannedCost).toEqual({ amount: 5_000_000, currency: 'CNY' });
  });

  it('hides budget lines, expenses and budget approvals from an agency entirely', () => {
    const line = { id: 'b1', campaignId: 'launch', category: 'venue', planned: 5_000_000, currency: 'CNY' };
    expect(redact(agency, 'budgetLine', line)).toBeNull();
    expect(redact(agency, 'expense', { id: 'e1', campaignId: 'launch', amount: 100, currency: 'CNY' })).toBeNull();
    const approval = { id: 'a1', campaignId: 'launch', subject: { type: 'budget', id: 'e1', amount: { amount: 100, currency: 'CNY' } } };
    expect(redact(agency, 'approval', approval)).toBeNull();
    expect(redact(agency, 'approval', { ...approval, subject: { type: 'deliverable', id: 'att-kv', version: 2 } })).toEqual({
      id: 'a1',
      campaignId: 'launch',
      subject: { type: 'deliverable', id: 'att-kv', version: 2 },
    });
  });

  it('shows a team member everything, cost fields included', () => {
    expect(redact(member, 'task', task)).toEqual(task);
  });

  it('gives an executive a task summary without details', () => {
    expect(redact(executive, 'task', task)).toEqual({
      id: 't-booth',
      campaignId: 'launch',
      name: 'Build the booth',
      ownerId: 'm-li',
      status: 'in_progress',
      statusCategory: 'in_progress',
      priority: 'high',
      start: '2026-03-12T08:00',
      finish: '2026-03-25T17:00',
    });
  });

  it('returns null for an actor without a role on the campaign', () => {
    expect(redact(member, 'task', { ...task, campaignId: 'other' })).toBeNull();
  });
});

describe('redactAll', () => {
  it('drops what the actor may not see and redacts the rest', () => {
    const lines = [
      { id: 'b1', campaignId: 'launch', category: 'venue', planned: 100, currency: 'CNY' },
      { id: 'b2', campaignId: 'launch', category: 'media', planned: 200, currency: 'CNY' },
    ];
    expect(redactAll(agency, 'budgetLine', lines)).toEqual([]);
    expect(redactAll(member, 'budgetLine', lines)).toEqual(lines);
    expect(redactAll(agency, 'task', [task, { ...task, id: 't2', campaignId: 'other' }]).map((t) => t.id)).toEqual(['t-booth']);
  });
});
