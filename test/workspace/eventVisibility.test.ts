import { describe, expect, it } from 'vitest';
import { defineAccessPolicy } from '../../src/access/accessPolicy.js';
import type { WorkspaceEvent } from '../../src/events/workspaceEvents.js';
import { actors, LAUNCH, setup } from './_setup.js';

async function twoCampaigns() {
  const context = setup();
  const { workspace } = context;
  await workspace.campaigns.create(LAUNCH);
  await workspace.campaigns.create({ ...LAUNCH, id: 'secret', name: 'Secret acquisition' });
  return context;
}

function heardBy(listen: (listener: (event: WorkspaceEvent) => void) => void): WorkspaceEvent[] {
  const heard: WorkspaceEvent[] = [];
  listen((event) => {
    heard.push(event);
  });
  return heard;
}

describe('what an actor’s view hears', () => {
  it('gives an agency only the events of its campaign, without budgets, expenses or costs', async () => {
    const { workspace, events } = await twoCampaigns();
    const agency = workspace.withActor(actors.agency);
    const heard = heardBy((listener) => agency.on('*', listener));
    await workspace.tasks.create({ id: 'booth', campaignId: 'launch', name: 'Booth', duration: '2d', assigneeIds: ['m-ad'] });
    await workspace.tasks.create({ id: 'due-diligence', campaignId: 'secret', name: 'Due diligence', duration: '5d' });
    await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
    await workspace.budgets.recordExpense({ id: 'deposit', campaignId: 'launch', budgetLineId: 'venue', category: 'venue', kind: 'actual', amount: 30_000_00, currency: 'CNY', date: '2026-03-02' });

    expect(events.map((e) => e.type).filter((t) => t === 'expense.recorded' || t === 'budget.lineCreated')).toEqual(['budget.lineCreated', 'expense.recorded']);
    expect(heard.map((e) => [e.type, e.campaignId])).toEqual([['task.created', 'launch']]);
    expect(JSON.stringify(heard)).not.toContain('3000000');
  });

  it('strips money from what a KPI reader without budget.read hears', async () => {
    const policy = defineAccessPolicy({ roles: { viewer: ['campaign.read', 'kpi.read'] } });
    const { workspace } = setup({ policy });
    await workspace.campaigns.create(LAUNCH);
    const heard = heardBy((listener) => workspace.withActor(actors.viewer).on('kpi.measurementRecorded', listener));
    await workspace.kpis.recordMeasurement({ id: 'ms-1', campaignId: 'launch', date: '2026-03-02', currency: 'CNY', values: { clicks: 120, spend: 600_00 } });
    expect(heard.map((e) => (e.type === 'kpi.measurementRecorded' ? e.measurement.values : null))).toEqual([{ clicks: 120 }]);
  });

  it('gives an executive task summaries and a typed listener only what it may read', async () => {
    const { workspace } = await twoCampaigns();
    const executive = workspace.withActor({ id: 'm-zhao', roles: [{ role: 'executive' as const, campaignId: 'launch' }] });
    const created = heardBy((listener) => executive.on('task.created', listener));
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d', description: 'Internal notes', assigneeIds: ['m-wang'] });
    await workspace.tasks.create({ id: 'hidden', campaignId: 'secret', name: 'Hidden', duration: '1d' });
    expect(created.map((e) => e.aggregateId)).toEqual(['brief']);
    const task = created[0]?.type === 'task.created' ? created[0].task : undefined;
    expect([task?.name, Object.hasOwn(task ?? {}, 'description'), Object.hasOwn(task ?? {}, 'assigneeIds')]).toEqual(['Brief', false, false]);
  });

  it('keeps every event on the host’s own workspace, and once() waits for an event the actor may hear', async () => {
    const { workspace, events } = await twoCampaigns();
    const member = workspace.withActor(actors.member);
    const first = heardBy((listener) => member.once('task.created', listener));
    await workspace.tasks.create({ id: 'hidden', campaignId: 'secret', name: 'Hidden', duration: '1d' });
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d' });
    await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '1d' });
    expect(first.map((e) => e.aggregateId)).toEqual(['brief']);
    expect(events.filter((e) => e.type === 'task.created').map((e) => e.aggregateId)).toEqual(['hidden', 'brief', 'design']);
  });
});
