import { describe, expect, it } from 'vitest';
import { STANDARD_CALENDAR } from '../../src/calendar/standardCalendars.js';
import type { Task } from '../../src/model/task.js';
import { decideApproval } from '../../src/workflow/approvals/decideApproval.js';
import { submitApproval } from '../../src/workflow/approvals/submitApproval.js';
import { dueReminders } from '../../src/workflow/reminders/dueReminders.js';
import { risks } from '../../src/workflow/reminders/risks.js';
import { CAMPAIGN_FULL_PROCESS, EVENT_PROCESS } from '../../src/workflow/templates/builtInTemplates.js';
import { instantiateTemplate } from '../../src/workflow/templates/instantiateTemplate.js';
import { actors, link, task } from './_fixtures.js';

// Standard hours, a company offsite on Friday 13 March and the Qingming break on 3 and 6 April 2026.
const calendar = {
  id: 'shanghai',
  name: 'Shanghai office',
  base: 'standard',
  exceptions: [
    { name: 'Company offsite', from: '2026-03-13' },
    { name: 'Qingming', from: '2026-04-03', to: '2026-04-06' },
  ],
};
const where = { calendar, calendars: [STANDARD_CALENDAR], timeZone: 'Asia/Shanghai' };
const directory = {
  assignees: { market: ['m-wang'], manager: ['m-li'], sales: ['m-zhao'], product: ['m-qian'], design: ['m-sun'], legal: ['m-zhou'] },
};
const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, { campaignId: 'launch', start: '2026-03-02', directory, ...where });

/** The plan with some tasks' progress changed. */
function progress(changes: Record<string, Partial<Task>>): Task[] {
  return plan.tasks.map((t) => ({ ...t, ...changes[t.id] }));
}
const onPlan = (id: string): Partial<Task> => {
  const t = plan.tasks.find((x) => x.id === id);
  return { status: 'done', statusCategory: 'done', percentComplete: 100, actualStart: t?.start, actualFinish: t?.finish };
};
const researching = progress({ research: { status: 'in_progress', statusCategory: 'in_progress', actualStart: '2026-03-02T08:00' } });

describe('dueReminders', () => {
  it('three working hours before the end of research: the task and its stage are due soon', () => {
    // Wednesday 4 March, 14:00 in Shanghai.
    expect(dueReminders({ tasks: researching, stages: plan.stages }, { now: '2026-03-04T06:00:00Z', ...where })).toEqual([
      {
        kind: 'task.dueSoon',
        taskId: 'research',
        dueAt: '2026-03-04T17:00',
        workingMinutesLeft: 180,
        notify: { members: ['m-wang'], roles: [] },
        reason: "'Research demand and write the requirements report' is due 2026-03-04T17:00, in 3 working hours",
      },
      {
        kind: 'stage.slaDueSoon',
        stageId: 'research',
        dueAt: '2026-03-04T17:00',
        workingMinutesLeft: 180,
        notify: { members: ['m-wang'], roles: ['market'] },
        reason: "Stage 'Demand research' started 2026-03-02T08:00; its 3d SLA ends 2026-03-04T17:00, in 3 working hours",
      },
    ]);
  });

  it('the next morning: the task is overdue and the stage has breached its SLA; managers are told', () => {
    // Thursday 5 March, 10:00.
    expect(dueReminders({ tasks: researching, stages: plan.stages }, { now: '2026-03-05T02:00:00Z', ...where })).toEqual([
      {
        kind: 'task.overdue',
        taskId: 'research',
        dueAt: '2026-03-04T17:00',
        workingMinutesLeft: -120,
        notify: { members: ['m-wang'], roles: ['manager'] },
        reason: "'Research demand and write the requirements report' was due 2026-03-04T17:00 and is not done (2 working hours late)",
      },
      {
        kind: 'stage.slaBreached',
        stageId: 'research',
        dueAt: '2026-03-04T17:00',
        workingMinutesLeft: -120,
        notify: { members: ['m-wang'], roles: ['market', 'manager'] },
        reason: "Stage 'Demand research' started 2026-03-02T08:00 and passed its 3d SLA at 2026-03-04T17:00 (2 working hours ago)",
      },
    ]);
  });

  it('looks as far ahead as the lead time says', () => {
    const items = dueReminders({ tasks: researching }, { now: '2026-03-05T02:00:00Z', leadHours: 40, ...where });
    expect(items.map((i) => [i.kind, i.taskId, i.workingMinutesLeft])).toEqual([
      ['task.overdue', 'research', -120],
      ['task.dueSoon', 'plan', 2280],
    ]);
  });

  it('reports nothing for finished tasks', () => {
    expect(dueReminders({ tasks: progress({ research: onPlan('research') }), stages: plan.stages }, { now: '2026-03-05T02:00:00Z', ...where })).toEqual([]);
  });

  it('an approval nearing its working-hour SLA tells the approver and the delegate standing in', () => {
    const approval = plan.approvals.find((a) => a.id === 'resources-approval');
    if (approval === undefined) throw new Error('missing approval');
    // Submitted Tuesday 17 March 08:00; 24 working hours end Thursday 19 March 17:00.
    const pending = submitApproval(approval, {}, { actor: actors.manager, now: '2026-03-17T00:00:00Z', timeZone: 'Asia/Shanghai' }).state;
    const delegations = [{ approverId: 'm-sun', delegateId: 'm-wang', from: '2026-03-18T16:00:00Z', to: '2026-03-20T16:00:00Z' }];
    expect(dueReminders({ tasks: [], approvals: [pending] }, { now: '2026-03-19T05:00:00Z', delegations, ...where })).toEqual([
      {
        kind: 'approval.dueSoon',
        approvalId: 'resources-approval',
        dueAt: '2026-03-19T17:00',
        workingMinutesLeft: 240,
        notify: { members: ['m-sun', 'm-wang'], roles: [] },
        reason: "Approval 'Design resources confirmed' waits for m-sun; its 24-working-hour SLA ends 2026-03-19T17:00, in 4 working hours",
      },
    ]);
    expect(dueReminders({ tasks: [], approvals: [pending] }, { now: '2026-03-20T01:00:00Z', delegations, ...where })).toEqual([
      {
        kind: 'approval.overdue',
        approvalId: 'resources-approval',
        dueAt: '2026-03-19T17:00',
        workingMinutesLeft: -60,
        notify: { members: ['m-sun', 'm-wang'], roles: ['manager'] },
        reason: "Approval 'Design resources confirmed' waits for m-sun past its 24-working-hour SLA, which ended 2026-03-19T17:00; escalate to manager",
      },
    ]);
  });

  it('the cross-department review must be answered within 24 wall-clock hours, names who has not replied', () => {
    const approval = plan.approvals.find((a) => a.id === 'review-approval');
    if (approval === undefined) throw new Error('missing approval');
    const ctx = (now: string) => ({ actor: actors.manager, now, timeZone: 'Asia/Shanghai' });
    const pending = submitApproval(approval, {}, ctx('2026-03-12T01:00:00Z')).state;
    const replied = decideApproval(pending, { decision: 'approved' }, { ...ctx('2026-03-12T03:00:00Z'), actor: actors.sales }).state;
    // Thursday 16:00: the 24 h end Friday 09:00, but Friday is the offsite, so one working hour is left.
    expect(dueReminders({ tasks: [], approvals: [replied] }, { now: '2026-03-12T08:00:00Z', ...where })).toEqual([
      {
        kind: 'approval.dueSoon',
        approvalId: 'review-approval',
        dueAt: '2026-03-13T09:00',
        workingMinutesLeft: 60,
        notify: { members: ['m-qian', 'm-sun', 'm-zhou'], roles: [] },
        reason: "Approval 'Cross-department sign-off' waits for m-qian, m-sun, m-zhou; its 24-hour SLA ends 2026-03-13T09:00, in 1 working hour",
      },
    ]);
  });
});

describe('risks', () => {
  const launchDay = task({ id: 'launch-day', name: 'Launch day', duration: '0d', milestone: true, deadline: '2026-03-31T17:00' });
  const links = [...plan.links, link('execution-3', 'launch-day')];
  const done = Object.fromEntries(['research', 'plan', 'review', 'resources'].map((id) => [id, onPlan(id)]));

  it('a slow materials task pushes every later critical task and both deadlines', () => {
    // Friday 20 March 10:00: materials started on time on the 18th but are only 20 % done.
    const tasks = [
      ...progress({
        ...done,
        'execution-1': { status: 'in_progress', statusCategory: 'in_progress', actualStart: '2026-03-18T08:00', percentComplete: 20 },
        retro: { deadline: '2026-04-07T17:00' },
      }),
      launchDay,
    ];
    expect(risks({ tasks, links }, { now: '2026-03-20T02:00:00Z', ...where })).toEqual([
      {
        kind: 'deadline.atRisk',
        taskId: 'launch-day',
        milestone: true,
        deadline: '2026-03-31T17:00',
        forecastFinish: '2026-04-02T10:00',
        lateMinutes: 600,
        notify: { members: [], roles: ['manager'] },
        reason: "The milestone 'Launch day' is forecast to finish 2026-04-02T10:00, 10 working hours after its deadline 2026-03-31T17:00",
      },
      {
        kind: 'deadline.atRisk',
        taskId: 'retro',
        milestone: false,
        deadline: '2026-04-07T17:00',
        forecastFinish: '2026-04-09T10:00',
        lateMinutes: 600,
        notify: { members: ['m-li'], roles: ['manager'] },
        reason: "The task 'Run the retrospective' is forecast to finish 2026-04-09T10:00, 10 working hours after its deadline 2026-04-07T17:00",
      },
      {
        kind: 'float.consumed',
        taskId: 'execution-2',
        predecessorId: 'execution-1',
        slipMinutes: 600,
        pushMinutes: 600,
        floatMinutes: 0,
        notify: { members: ['m-wang'], roles: ['manager'] },
        reason:
          "'Legal review of materials' had 0 working minutes of float; its predecessor 'Produce campaign materials' is forecast to finish 2026-03-26T10:00 instead of 2026-03-24T17:00, which pushes it 10 working hours",
      },
      {
        kind: 'float.consumed',
        taskId: 'execution-3',
        predecessorId: 'execution-2',
        slipMinutes: 600,
        pushMinutes: 600,
        floatMinutes: 0,
        notify: { members: ['m-wang'], roles: ['manager'] },
        reason:
          "'Release materials and run the campaign' had 0 working minutes of float; its predecessor 'Legal review of materials' is forecast to finish 2026-03-27T10:00 instead of 2026-03-25T17:00, which pushes it 10 working hours",
      },
      {
        kind: 'float.consumed',
        taskId: 'launch-day',
        predecessorId: 'execution-3',
        slipMinutes: 600,
        pushMinutes: 600,
        floatMinutes: 0,
        notify: { members: ['m-wang'], roles: ['manager'] },
        reason:
          "'Launch day' had 0 working minutes of float; its predecessor 'Release materials and run the campaign' is forecast to finish 2026-04-02T10:00 instead of 2026-03-31T17:00, which pushes it 10 working hours",
      },
      {
        kind: 'float.consumed',
        taskId: 'retro',
        predecessorId: 'execution-3',
        slipMinutes: 600,
        pushMinutes: 600,
        floatMinutes: 0,
        notify: { members: ['m-li', 'm-wang'], roles: ['manager'] },
        reason:
          "'Run the retrospective' had 0 working minutes of float; its predecessor 'Release materials and run the campaign' is forecast to finish 2026-04-02T10:00 instead of 2026-03-31T17:00, which pushes it 10 working hours",
      },
    ]);
  });

  it('a critical task not started by its late start is reported, with what it pushes', () => {
    // Wednesday 18 March 14:00: materials were due to start at 08:00 and have not.
    const tasks = progress({ ...done, retro: { deadline: '2026-04-07T17:00' } });
    const items = risks({ tasks, links: plan.links }, { now: '2026-03-18T06:00:00Z', ...where });
    expect(items.map((r) => [r.kind, 'taskId' in r ? r.taskId : r.stageId])).toEqual([
      ['deadline.atRisk', 'retro'],
      ['critical.notStarted', 'execution-1'],
      ['float.consumed', 'execution-2'],
      ['float.consumed', 'execution-3'],
      ['float.consumed', 'retro'],
    ]);
    expect(items[1]).toEqual({
      kind: 'critical.notStarted',
      taskId: 'execution-1',
      lateStart: '2026-03-18T08:00',
      lateMinutes: 300,
      notify: { members: ['m-wang'], roles: ['manager'] },
      reason: "'Produce campaign materials' is on the critical path and has not started; its late start was 2026-03-18T08:00 (5 working hours ago)",
    });
    expect(items[0]).toMatchObject({ forecastFinish: '2026-04-08T14:00', lateMinutes: 300 });
    expect(items[2]).toMatchObject({ predecessorId: 'execution-1', slipMinutes: 300, pushMinutes: 300 });
  });

  it('a slip the link’s slack absorbs is not a risk', () => {
    const event = instantiateTemplate(EVENT_PROCESS, { campaignId: 'launch', start: '2026-03-02', directory, ...where });
    const byId = (id: string) => event.tasks.find((t) => t.id === id);
    // Monday 16 March 09:00: invitations (planned 9–16 March) have not started; the booth is ahead.
    const tasks = event.tasks.map((t) => {
      if (t.id === 'brief' || t.id === 'booking') return { ...t, statusCategory: 'done' as const, status: 'done', actualStart: byId(t.id)?.start, actualFinish: byId(t.id)?.finish };
      if (t.id === 'booth') return { ...t, statusCategory: 'in_progress' as const, status: 'in_progress', actualStart: '2026-03-12T08:00', percentComplete: 40 };
      return t;
    });
    expect(risks({ tasks, links: event.links }, { now: '2026-03-16T01:00:00Z', ...where })).toEqual([]);
  });
});
