import { describe, expect, it } from 'vitest';
import { actors, failure, LAUNCH, setup } from './_setup.js';

/** Two campaigns: the launch the tests work in, and another one holding a task and a comment. */
async function twoCampaigns() {
  const context = setup();
  const { workspace } = context;
  await workspace.campaigns.create(LAUNCH);
  await workspace.campaigns.create({ ...LAUNCH, id: 'other', name: 'Other campaign' });
  await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d' });
  await workspace.tasks.create({ id: 'elsewhere', campaignId: 'other', name: 'Elsewhere', duration: '1d' });
  await workspace.budgets.createLine({ id: 'other-line', campaignId: 'other', category: 'media', planned: 1_000_00, currency: 'CNY' });
  await workspace.comments.add({ id: 'other-comment', campaignId: 'other', body: 'Hello' });
  return context;
}

/** The single issue of a VALIDATION error: where and what. */
function issueOf(error: { code: string; details: { issues?: readonly { path: readonly (string | number)[]; message: string }[] } }) {
  return [error.code, error.details.issues?.map((i) => [i.path, i.message])];
}

describe('references must point into the same campaign', () => {
  it('refuses a budget line or expense whose task is in another campaign or nowhere, with the same message', async () => {
    const { workspace, storage } = await twoCampaigns();
    const before = JSON.stringify(storage.snapshot());
    const line = { campaignId: 'launch', category: 'media', planned: 5_000_00, currency: 'CNY' };
    for (const taskId of ['elsewhere', 'nowhere']) {
      expect(issueOf(await failure(workspace.budgets.createLine({ ...line, taskId })))).toEqual(['VALIDATION', [[['taskId'], `there is no task '${taskId}' in campaign 'launch'`]]]);
    }
    const expense = { campaignId: 'launch', category: 'media', kind: 'actual' as const, amount: 100_00, currency: 'CNY', date: '2026-03-02' };
    expect(issueOf(await failure(workspace.budgets.recordExpense({ ...expense, taskId: 'elsewhere' })))).toEqual([
      'VALIDATION',
      [[['taskId'], "there is no task 'elsewhere' in campaign 'launch'"]],
    ]);
    expect(issueOf(await failure(workspace.budgets.recordExpense({ ...expense, budgetLineId: 'other-line' })))).toEqual([
      'VALIDATION',
      [[['budgetLineId'], "there is no budgetLine 'other-line' in campaign 'launch'"]],
    ]);
    expect(JSON.stringify(storage.snapshot())).toBe(before);
    expect((await workspace.budgets.createLine({ ...line, id: 'brief-line', taskId: 'brief' })).taskId).toBe('brief');
  });

  it('refuses a parent, a dependency or a comment target in another campaign without saying where it is', async () => {
    const { workspace } = await twoCampaigns();
    expect(issueOf(await failure(workspace.tasks.create({ campaignId: 'launch', name: 'Child', duration: '1d', parentId: 'elsewhere' })))).toEqual([
      'VALIDATION',
      [[['parentId'], "there is no task 'elsewhere' in campaign 'launch'"]],
    ]);
    expect(issueOf(await failure(workspace.tasks.update('brief', { parentId: 'elsewhere' })))).toEqual(['VALIDATION', [[['parentId'], "there is no task 'elsewhere' in campaign 'launch'"]]]);
    const link = await failure(workspace.dependencies.add({ from: 'brief', to: 'elsewhere' }));
    expect(issueOf(link)).toEqual(['VALIDATION', [[['to'], "there is no task 'elsewhere' in campaign 'launch'"]]]);
    expect(link.message).not.toContain("'other'");
    expect(issueOf(await failure(workspace.comments.add({ campaignId: 'launch', taskId: 'elsewhere', body: 'Hi' })))).toEqual([
      'VALIDATION',
      [[['taskId'], "there is no task 'elsewhere' in campaign 'launch'"]],
    ]);
    expect(issueOf(await failure(workspace.comments.add({ campaignId: 'launch', parentId: 'other-comment', body: 'Re' })))).toEqual([
      'VALIDATION',
      [[['parentId'], "there is no comment 'other-comment' in campaign 'launch'"]],
    ]);
  });

  it('refuses owners and assignees who are not members', async () => {
    const { workspace } = await twoCampaigns();
    expect(issueOf(await failure(workspace.tasks.create({ campaignId: 'launch', name: 'Poster', duration: '1d', assigneeIds: ['m-wang', 'm-ghost'] })))).toEqual([
      'VALIDATION',
      [[['assigneeIds', 1], "there is no member 'm-ghost'; add them with members.create first"]],
    ]);
    expect(issueOf(await failure(workspace.tasks.update('brief', { ownerId: 'm-ghost' })))).toEqual([
      'VALIDATION',
      [[['ownerId'], "there is no member 'm-ghost'; add them with members.create first"]],
    ]);
    expect(issueOf(await failure(workspace.campaigns.create({ ...LAUNCH, id: 'third', ownerId: 'm-ghost' })))).toEqual([
      'VALIDATION',
      [[['ownerId'], "there is no member 'm-ghost'; add them with members.create first"]],
    ]);
    expect((await workspace.tasks.update('brief', { assigneeIds: ['m-wang'] })).assigneeIds).toEqual(['m-wang']);
  });

  it('says an id is taken without telling an actor anything of a record they may not read', async () => {
    const { workspace } = await twoCampaigns();
    const manager = workspace.withActor(actors.manager);
    const hidden = await failure(manager.tasks.create({ id: 'elsewhere', campaignId: 'launch', name: 'Mine', duration: '1d' }));
    expect([hidden.code, hidden.message, hidden.details]).toEqual([
      'CONFLICT',
      "The id 'elsewhere' is taken; choose another id or leave it out to get a new one",
      { ids: ['elsewhere'], type: 'task', expectedVersion: 0 },
    ]);
    const readable = await failure(manager.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Again', duration: '1d' }));
    expect([readable.code, readable.details.actualVersion]).toEqual(['CONFLICT', 1]);
    // A task in a campaign the manager has no role on looks like a missing one.
    const update = await failure(manager.tasks.update('elsewhere', { name: 'x' }));
    expect([update.code, update.message]).toEqual(['NOT_FOUND', "There is no task 'elsewhere'"]);
  });
});

describe('derived views for readers of task summaries', () => {
  it('gives an executive the reminders and risks of a campaign instead of failing on summary tasks', async () => {
    const { workspace } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d', assigneeIds: ['m-wang'] });
    await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '2d', deadline: '2026-03-03T17:00' });
    await workspace.dependencies.add({ from: 'brief', to: 'design' });
    const executive = workspace.withActor({ id: 'm-zhao', roles: [{ role: 'executive' as const, campaignId: 'launch' }] });
    const asManager = await workspace.withActor(actors.manager).campaigns.reminders('launch');
    expect(await executive.campaigns.reminders('launch')).toEqual(asManager);
    expect(await executive.campaigns.risks('launch')).toEqual(await workspace.withActor(actors.manager).campaigns.risks('launch'));
    expect((await executive.campaigns.risks('launch')).map((r) => [r.kind, 'taskId' in r ? r.taskId : r.stageId])).toEqual([
      ['deadline.atRisk', 'design'],
      ['critical.notStarted', 'brief'],
      ['critical.notStarted', 'design'],
      ['float.consumed', 'design'],
    ]);
    expect(asManager.map((r) => [r.kind, r.taskId, r.notify.members])).toEqual([['task.dueSoon', 'brief', ['m-wang']]]);
  });
});
