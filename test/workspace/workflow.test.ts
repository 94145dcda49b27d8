import { describe, expect, it } from 'vitest';
import { taskChangeLog } from '../../src/workflow/collaboration/taskChangeLog.js';
import { CAMPAIGN_FULL_PROCESS } from '../../src/workflow/templates/builtInTemplates.js';
import { actors, failure, LAUNCH, setup } from './_setup.js';

// The template test's calendar and directory, so the expected dates are those it derived.
const SHANGHAI = {
  id: 'shanghai',
  campaignId: 'launch',
  name: 'Shanghai office',
  base: 'standard',
  exceptions: [
    { name: 'Company offsite', from: '2026-03-13' },
    { name: 'Qingming', from: '2026-04-03', to: '2026-04-06' },
  ],
};
const ASSIGNEES = { market: ['m-wang'], manager: ['m-li'], sales: ['m-zhao'], product: ['m-qian'], design: ['m-sun'], legal: ['m-zhou'] };

async function launched() {
  const context = setup();
  const { workspace } = context;
  await workspace.campaigns.create(LAUNCH);
  await workspace.calendars.create(SHANGHAI);
  await workspace.campaigns.update('launch', { calendarId: 'shanghai' });
  await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, { assignees: ASSIGNEES });
  return context;
}

const member = (id: string) => ({ id, roles: [{ role: 'member' as const, campaignId: 'launch' }] });

describe('workflow commands in the workspace', () => {
  it('instantiates a template as one command: tasks on the campaign calendar, links and draft approvals', async () => {
    const { workspace, storage } = await launched();
    const tasks = (await workspace.tasks.list({ campaignId: 'launch' })).items;
    const byId = Object.fromEntries(tasks.map((t) => [t.id, [t.ownerId, t.start, t.finish]]));
    expect(byId).toEqual({
      research: ['m-wang', '2026-03-02T08:00', '2026-03-04T17:00'],
      plan: ['m-wang', '2026-03-05T08:00', '2026-03-11T17:00'],
      review: ['m-li', '2026-03-12T08:00', '2026-03-16T17:00'],
      resources: ['m-li', '2026-03-17T08:00', '2026-03-17T17:00'],
      'execution-1': ['m-wang', '2026-03-18T08:00', '2026-03-24T17:00'],
      'execution-2': ['m-wang', '2026-03-25T08:00', '2026-03-25T17:00'],
      'execution-3': ['m-wang', '2026-03-26T08:00', '2026-03-31T17:00'],
      retro: ['m-li', '2026-04-01T08:00', '2026-04-07T17:00'],
    });
    expect((await workspace.approvals.list({ campaignId: 'launch' })).items.map((a) => [a.id, a.status])).toEqual([
      ['execution-approval', 'draft'],
      ['resources-approval', 'draft'],
      ['review-approval', 'draft'],
    ]);
    expect((await storage.readAudit({ order: 'desc', limit: 1 })).items[0]?.command).toBe('campaign.instantiateTemplate');
    // A second campaign from the same template needs its own ids.
    await workspace.campaigns.create({ ...LAUNCH, id: 'autumn' });
    const error = await failure(workspace.campaigns.instantiateTemplate('autumn', CAMPAIGN_FULL_PROCESS, { assignees: ASSIGNEES }));
    // 8 tasks, the 7 links of their chain, 3 approvals and 6 stage plans.
    expect([error.code, error.details.ids?.length]).toEqual(['CONFLICT', 24]);
    const second = await workspace.campaigns.instantiateTemplate('autumn', CAMPAIGN_FULL_PROCESS, { assignees: ASSIGNEES, idPrefix: 'autumn-' });
    expect(second.taskIds[0]).toBe('autumn-research');
  });

  it('moves a task through its workflow, records the actual start and reschedules from it', async () => {
    const { workspace, events } = await launched();
    const task = await workspace.withActor(actors.manager).tasks.transition('research', { to: 'in_progress' });
    // Started at 09:00 on Monday: 3 days of work end at 09:00 on Thursday, so the plan follows at once.
    expect([task.status, task.actualStart, task.start, task.finish]).toEqual(['in_progress', '2026-03-02T09:00', '2026-03-02T09:00', '2026-03-05T09:00']);
    expect((await workspace.tasks.get('plan')).start).toBe('2026-03-05T09:00');
    expect(events.filter((e) => e.type === 'task.statusChanged').at(-1)).toMatchObject({ taskId: 'research', from: 'todo', to: 'in_progress', by: 'm-li' });
  });

  it('refuses a transition its guards block, saying why', async () => {
    const { workspace } = await launched();
    const error = await failure(workspace.withActor(actors.manager).tasks.transition('plan', { to: 'in_progress' }));
    expect([error.code, error.message]).toEqual([
      'INVALID_STATE',
      "Cannot move task 'plan' to 'in_progress': finish-to-start predecessors 'research' must be done first",
    ]);
  });

  it('runs an approval through submit and decisions, announcing each step', async () => {
    const { workspace, events } = await launched();
    await workspace.withActor(actors.member).approvals.submit('resources-approval');
    expect((await workspace.withActor(member('m-sun')).inbox({ campaignIds: ['launch'] })).approvals.map((a) => a.approvalId)).toEqual(['resources-approval']);
    const approved = await workspace.withActor(member('m-sun')).approvals.decide('resources-approval', { decision: 'approved' });
    expect(approved.status).toBe('approved');
    expect(events.filter((e) => e.type.startsWith('approval.')).slice(-3).map((e) => e.type)).toEqual(['approval.requested', 'approval.decided', 'approval.approved']);
    const error = await failure(workspace.withActor(member('m-zhao')).approvals.decide('review-approval', { decision: 'approved' }));
    expect(error.code).toBe('INVALID_STATE');
  });

  it('stores a comment and announces each member it mentions', async () => {
    const { workspace, events } = await launched();
    const comment = await workspace.withActor(actors.member).comments.add({ campaignId: 'launch', taskId: 'plan', body: '@m-zhou can legal look at 3.2? cc @m-li' });
    expect([comment.authorId, comment.mentions]).toEqual(['m-wang', ['m-zhou', 'm-li']]);
    expect(events.filter((e) => e.type === 'member.mentioned').map((e) => (e.type === 'member.mentioned' ? e.memberId : ''))).toEqual(['m-zhou', 'm-li']);
    expect((await workspace.comments.list({ campaignId: 'launch', taskId: 'plan' })).items.map((c) => c.id)).toEqual([comment.id]);
  });

  it('lists what is due and the delay risks from the stored plan', async () => {
    const { workspace } = await launched();
    // Monday 09:00: research, first on the critical path, was due to start at 08:00. Starting it now
    // pushes each task of the chain (none has float) by that hour.
    expect((await workspace.campaigns.risks('launch')).map((r) => [r.kind, 'taskId' in r ? r.taskId : r.stageId, 'pushMinutes' in r ? r.pushMinutes : r.lateMinutes])).toEqual([
      ['critical.notStarted', 'research', 60],
      ['float.consumed', 'execution-1', 60],
      ['float.consumed', 'execution-2', 60],
      ['float.consumed', 'execution-3', 60],
      ['float.consumed', 'plan', 60],
      ['float.consumed', 'resources', 60],
      ['float.consumed', 'retro', 60],
      ['float.consumed', 'review', 60],
    ]);
    // 24 working hours from Monday 09:00 reach Thursday 09:00; research finishes Wednesday 17:00.
    const reminders = await workspace.campaigns.reminders('launch', { leadHours: 24 });
    expect(reminders.map((r) => [r.kind, r.taskId, r.dueAt])).toEqual([['task.dueSoon', 'research', '2026-03-04T17:00']]);
  });
});

describe('taskChangeLog on the workspace audit trail', () => {
  it('reads audit.history entries as they come, including changes made by other commands', async () => {
    const { workspace } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '1d' });
    await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '2d' });
    await workspace.dependencies.add({ id: 'brief-design', from: 'brief', to: 'design' });
    await workspace.tasks.update('brief', { duration: '2d' });
    const history = await workspace.audit.history('task', 'design', { campaignId: 'launch' });
    const log = taskChangeLog(history.items, 'design');
    expect(log.map((entry) => [entry.action, entry.actorId, entry.changes.map((c) => [c.field, c.from, c.to])])).toEqual([
      // Created, then placed by the scheduler in the same command.
      [
        'task.create',
        'm-root',
        [
          ['', undefined, expect.objectContaining({ id: 'design', name: 'Design', duration: '2d' })],
          ['start', undefined, '2026-03-02T08:00'],
          ['finish', undefined, '2026-03-03T17:00'],
        ],
      ],
      [
        'dependency.add',
        'm-root',
        [
          ['start', '2026-03-02T08:00', '2026-03-03T08:00'],
          ['finish', '2026-03-03T17:00', '2026-03-04T17:00'],
        ],
      ],
      [
        'task.update',
        'm-root',
        [
          ['start', '2026-03-03T08:00', '2026-03-04T08:00'],
          ['finish', '2026-03-04T17:00', '2026-03-05T17:00'],
        ],
      ],
    ]);
  });
});
