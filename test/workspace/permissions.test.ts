import { describe, expect, it } from 'vitest';
import { defineAccessPolicy } from '../../src/access/accessPolicy.js';
import { createWorkspace } from '../../src/workspace/createWorkspace.js';
import { actors, failure, LAUNCH, setup } from './_setup.js';

async function seeded() {
  const context = setup();
  const { workspace } = context;
  await workspace.campaigns.create(LAUNCH);
  await workspace.tasks.create({ id: 'booth', campaignId: 'launch', name: 'Booth', duration: '2d', assigneeIds: ['m-ad'] });
  await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d' });
  await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
  await workspace.approvals.create({
    id: 'ap-booth',
    campaignId: 'launch',
    subject: { type: 'deliverable', id: 'booth-design', amount: { amount: 50_000_00, currency: 'CNY' } },
    stages: [{ name: 'Brand', approvers: ['m-li'] }],
  });
  await workspace.approvals.create({
    id: 'ap-budget',
    campaignId: 'launch',
    subject: { type: 'budget', id: 'venue', amount: { amount: 10_000_00, currency: 'CNY' } },
    stages: [{ name: 'Finance', approvers: ['m-li'] }],
  });
  return context;
}

describe('permissions', () => {
  it('denies by default, answering an actor without a role on the campaign as if the record did not exist', async () => {
    const { workspace, storage } = await seeded();
    const stranger = workspace.withActor({ id: 'm-x', roles: [{ role: 'manager', campaignId: 'other' }] });
    const error = await failure(stranger.tasks.get('brief'));
    const missing = await failure(stranger.tasks.get('no-such-task'));
    expect([error.code, error.message, error.details]).toEqual(['NOT_FOUND', "There is no task 'brief'", { ids: ['brief'], type: 'task' }]);
    expect([missing.code, missing.message.replace('no-such-task', 'brief'), missing.details.type]).toEqual([error.code, error.message, 'task']);
    const before = JSON.stringify(storage.snapshot());
    const update = await failure(stranger.tasks.update('brief', { name: 'x' }));
    expect([update.code, update.message]).toEqual(['NOT_FOUND', "There is no task 'brief'"]);
    expect((await stranger.tasks.list({ campaignId: 'launch' })).items).toEqual([]);
    const summary = await failure(stranger.budgets.summary('launch'));
    expect([summary.code, summary.message]).toEqual(['NOT_FOUND', "There is no campaign 'launch'"]);
    expect(JSON.stringify(storage.snapshot())).toBe(before);
  });

  it('lets a viewer read but not write, naming the permission missing', async () => {
    const { workspace } = await seeded();
    const viewer = workspace.withActor(actors.viewer);
    expect((await viewer.tasks.list({ campaignId: 'launch' })).items.map((t) => t.id)).toEqual(['booth', 'brief']);
    const error = await failure(viewer.tasks.update('brief', { name: 'x' }));
    expect([error.code, error.details.permission, error.message]).toEqual([
      'FORBIDDEN',
      'task.update',
      'm-wu may not task.update: role viewer on campaign launch does not grant task.update (viewers cannot write)',
    ]);
    expect((await failure(viewer.dependencies.add({ from: 'brief', to: 'booth' }))).details.permission).toBe('task.create');
    expect((await failure(viewer.audit.list({ campaignId: 'launch' }))).details.permission).toBe('audit.read');
  });

  it('lets a member work on tasks and read the budget but not change it or delete the campaign', async () => {
    const { workspace } = await seeded();
    const member = workspace.withActor(actors.member);
    await member.tasks.update('brief', { duration: '2d' });
    expect((await member.budgets.listLines({ campaignId: 'launch' })).items.map((l) => l.id)).toEqual(['venue']);
    expect((await failure(member.budgets.updateLine('venue', { planned: 1 }))).details.permission).toBe('budget.write');
    expect((await failure(member.campaigns.delete('launch'))).details.permission).toBe('campaign.delete');
  });

  it('lets a manager do everything but delete the campaign, and an admin that too', async () => {
    const { workspace } = await seeded();
    await workspace.withActor(actors.manager).budgets.updateLine('venue', { planned: 90_000_00 });
    expect((await failure(workspace.withActor(actors.manager).campaigns.delete('launch'))).details.permission).toBe('campaign.delete');
    await workspace.withActor(actors.admin).campaigns.delete('launch');
    expect((await failure(workspace.campaigns.get('launch'))).code).toBe('NOT_FOUND');
  });

  it('lets an agency change only the tasks assigned to it', async () => {
    const { workspace } = await seeded();
    const agency = workspace.withActor(actors.agency);
    await agency.tasks.update('booth', { percentComplete: 50 });
    const error = await failure(agency.tasks.update('brief', { percentComplete: 50 }));
    expect([error.code, error.details.permission, error.message]).toEqual([
      'FORBIDDEN',
      'task.update',
      'm-ad may not task.update: role external on campaign launch grants task.update only on a task they own or are assigned to',
    ]);
  });

  it('never shows an agency budgets or costs: those fields are removed from what it reads', async () => {
    const { workspace } = await seeded();
    const agency = workspace.withActor(actors.agency);
    expect((await failure(agency.budgets.listLines({ campaignId: 'launch' }))).details.permission).toBe('budget.read');
    expect((await failure(agency.budgets.getLine('venue'))).details.permission).toBe('budget.read');
    expect((await failure(agency.budgets.summary('launch'))).details.permission).toBe('budget.read');
    const approvals = (await agency.approvals.list({ campaignId: 'launch' })).items;
    // The budget approval is hidden; the deliverable's approval is shown without its amount.
    expect(approvals.map((a) => a.id)).toEqual(['ap-booth']);
    expect(approvals[0]?.subject).toEqual({ type: 'deliverable', id: 'booth-design' });
    expect((await agency.approvals.get('ap-booth')).subject).toEqual({ type: 'deliverable', id: 'booth-design' });
    // What a command returns to the agency is redacted the same way.
    const requested = await agency.approvals.create({
      campaignId: 'launch',
      subject: { type: 'deliverable', id: 'banner', amount: { amount: 8_000_00, currency: 'CNY' } },
      stages: [{ name: 'Brand', approvers: ['m-li'] }],
    });
    expect(requested.subject).toEqual({ type: 'deliverable', id: 'banner' });
    // The manager still sees the amount.
    expect((await workspace.withActor(actors.manager).approvals.get('ap-booth')).subject.amount).toEqual({ amount: 50_000_00, currency: 'CNY' });
  });

  it('shows the audit trail without money to an auditor who may not read the budget', async () => {
    const { storage } = await seeded();
    const policy = defineAccessPolicy({ roles: { viewer: ['campaign.read', 'task.read', 'audit.read'] } });
    const auditor = createWorkspace({ storage, policy, actor: actors.viewer });
    const trail = (await auditor.audit.list({ campaignId: 'launch' })).items;
    const line = trail.find((e) => e.command === 'budget.createLine');
    expect([line?.patches, line?.changes]).toEqual([[], []]);
    const approval = trail.find((e) => e.aggregate.id === 'ap-booth');
    expect(approval?.changes[0]?.to).toMatchObject({ subject: { type: 'deliverable', id: 'booth-design' } });
    expect(JSON.stringify(approval)).not.toContain('amount');
    const manager = createWorkspace({ storage, policy, actor: actors.manager });
    const full = (await manager.audit.list({ campaignId: 'launch' })).items.find((e) => e.command === 'budget.createLine');
    expect(full?.changes.map((c) => `${c.type}/${c.id}`)).toEqual(['budgetLine/venue', 'budget/launch']);
  });
});
