import { describe, expect, it } from 'vitest';
import { STANDARD_CALENDAR } from '../../src/calendar/standardCalendars.js';
import type { Task } from '../../src/model/task.js';
import { BUILT_IN_TEMPLATES, CAMPAIGN_FULL_PROCESS, CONTENT_PROCESS, EVENT_PROCESS, REQUEST_INTAKE_PROCESS } from '../../src/workflow/templates/builtInTemplates.js';
import { defineTemplate } from '../../src/workflow/templates/defineTemplate.js';
import { instantiateTemplate } from '../../src/workflow/templates/instantiateTemplate.js';
import { templateFromCampaign } from '../../src/workflow/templates/templateFromCampaign.js';
import { CREATIVE_STATUS_WORKFLOW } from '../../src/workflow/status/statusWorkflow.js';
import { thrown } from './_fixtures.js';

// Standard hours, with a company offsite on Friday 13 March and the Qingming break on 3 and 6 April 2026.
const calendar = {
  id: 'shanghai',
  name: 'Shanghai office',
  base: 'standard',
  exceptions: [
    { name: 'Company offsite', from: '2026-03-13' },
    { name: 'Qingming', from: '2026-04-03', to: '2026-04-06' },
  ],
};
const directory = {
  assignees: {
    market: ['m-wang'],
    manager: ['m-li'],
    sales: ['m-zhao'],
    product: ['m-qian'],
    design: ['m-sun'],
    legal: ['m-zhou'],
    requester: ['m-zhao'],
    member: ['m-wang'],
  },
};
const base = { campaignId: 'launch', start: '2026-03-02', directory, calendar, calendars: [STANDARD_CALENDAR] };

type Row = [id: string, name: string, duration: string, owner: string | undefined, start: string | undefined, finish: string | undefined];
const rows = (tasks: readonly Task[]): Row[] => tasks.map((t) => [t.id, t.name, String(t.duration), t.ownerId, t.start, t.finish]);

describe('the built-in templates', () => {
  it('are the four processes of the brief', () => {
    expect(Object.keys(BUILT_IN_TEMPLATES)).toEqual(['campaign-full-process', 'content', 'event', 'request-intake']);
  });

  it('campaign full process: tasks, owners and dates around the offsite and Qingming holidays', () => {
    const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, base);
    expect(rows(plan.tasks)).toEqual([
      ['research', 'Research demand and write the requirements report', '3d', 'm-wang', '2026-03-02T08:00', '2026-03-04T17:00'],
      ['plan', 'Write the campaign plan', '5d', 'm-wang', '2026-03-05T08:00', '2026-03-11T17:00'],
      ['review', 'Review the campaign plan across departments', '2d', 'm-li', '2026-03-12T08:00', '2026-03-16T17:00'],
      ['resources', 'Coordinate people, agencies and design resources', '1d', 'm-li', '2026-03-17T08:00', '2026-03-17T17:00'],
      ['execution-1', 'Produce campaign materials', '5d', 'm-wang', '2026-03-18T08:00', '2026-03-24T17:00'],
      ['execution-2', 'Legal review of materials', '1d', 'm-wang', '2026-03-25T08:00', '2026-03-25T17:00'],
      ['execution-3', 'Release materials and run the campaign', '4d', 'm-wang', '2026-03-26T08:00', '2026-03-31T17:00'],
      ['retro', 'Run the retrospective', '3d', 'm-li', '2026-04-01T08:00', '2026-04-07T17:00'],
    ]);
    expect(plan.links.map((l) => `${l.from} ${l.type} ${l.to}`)).toEqual([
      'execution-1 FS execution-2',
      'execution-2 FS execution-3',
      'research FS plan',
      'plan FS review',
      'review FS resources',
      'resources FS execution-1',
      'execution-3 FS retro',
    ]);
    expect(plan.start).toBe('2026-03-02T08:00');
    expect(plan.finish).toBe('2026-04-07T17:00');
    expect(plan.criticalPath).toEqual(['research', 'plan', 'review', 'resources', 'execution-1', 'execution-2', 'execution-3', 'retro']);
    expect(plan.unassignedRoles).toEqual([]);
  });

  it('campaign full process: acceptance criteria become checklist items and approvals gate the right tasks', () => {
    const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, base);
    expect(plan.tasks.find((t) => t.id === 'retro')?.checklist).toEqual([
      { id: 'c1', text: 'Compare planned and actual dates and budget', done: false },
      { id: 'c2', text: 'Compare KPI targets with results', done: false },
      { id: 'c3', text: 'Record lessons learned in the knowledge base', done: false },
      { id: 'accept-1', text: 'At least 3 actionable improvements recorded, each with an owner', done: false },
    ]);
    expect(plan.approvals.map((a) => [a.id, a.subject.id, a.status, a.stages.map((s) => [s.name, s.approvers, s.rule, s.slaHours, s.slaBasis, s.escalateToRole])])).toEqual([
      ['review-approval', 'review', 'draft', [['Cross-department sign-off', ['m-zhao', 'm-qian', 'm-sun', 'm-zhou'], 'all', 24, 'elapsed', 'manager']]],
      ['resources-approval', 'resources', 'draft', [['Design resources confirmed', ['m-sun'], 'any', 24, 'working', 'manager']]],
      ['execution-approval', 'execution-2', 'draft', [['Legal review of materials', ['m-zhou'], 'any', 8, 'working', 'manager']]],
    ]);
    expect(plan.stages.map((s) => [s.stageId, s.ownerRole, s.taskIds, s.sla, s.plannedStart, s.plannedFinish])).toEqual([
      ['research', 'market', ['research'], '3d', '2026-03-02T08:00', '2026-03-04T17:00'],
      ['plan', 'market', ['plan'], '5d', '2026-03-05T08:00', '2026-03-11T17:00'],
      ['review', 'manager', ['review'], '2d', '2026-03-12T08:00', '2026-03-16T17:00'],
      ['resources', 'manager', ['resources'], '1d', '2026-03-17T08:00', '2026-03-17T17:00'],
      ['execution', 'market', ['execution-1', 'execution-2', 'execution-3'], '10d', '2026-03-18T08:00', '2026-03-31T17:00'],
      ['retro', 'manager', ['retro'], '3d', '2026-04-01T08:00', '2026-04-07T17:00'],
    ]);
  });

  it('campaign full process: execution lasts as the plan says, the materials task taking the rest', () => {
    const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, { ...base, durations: { execution: '15d' } });
    expect(rows(plan.tasks).slice(4, 7)).toEqual([
      ['execution-1', 'Produce campaign materials', '10d', 'm-wang', '2026-03-18T08:00', '2026-03-31T17:00'],
      ['execution-2', 'Legal review of materials', '1d', 'm-wang', '2026-04-01T08:00', '2026-04-01T17:00'],
      ['execution-3', 'Release materials and run the campaign', '4d', 'm-wang', '2026-04-02T08:00', '2026-04-09T17:00'],
    ]);
    expect(plan.stages[4]?.sla).toBe('15d');
  });

  it('content: parallel creative tasks, then one approval with brand then legal stages', () => {
    const plan = instantiateTemplate(CONTENT_PROCESS, base);
    expect(rows(plan.tasks)).toEqual([
      ['creative-1', 'Write the copy', '3d', 'm-sun', '2026-03-02T08:00', '2026-03-04T17:00'],
      ['creative-2', 'Design the visuals', '3d', 'm-sun', '2026-03-02T08:00', '2026-03-04T17:00'],
      ['approval', 'Approve the content', '1d', 'm-li', '2026-03-05T08:00', '2026-03-05T17:00'],
      ['publish', 'Publish', '1d', 'm-wang', '2026-03-06T08:00', '2026-03-06T17:00'],
      ['monitor', 'Monitor', '5d', 'm-wang', '2026-03-09T08:00', '2026-03-16T17:00'],
      ['retro', 'Retrospective', '1d', 'm-li', '2026-03-17T08:00', '2026-03-17T17:00'],
    ]);
    expect(plan.links.map((l) => l.id)).toEqual(['creative-1->approval', 'creative-2->approval', 'approval->publish', 'publish->monitor', 'monitor->retro']);
    expect(plan.approvals.map((a) => [a.id, a.subject.id, a.title, a.stages.map((s) => [s.name, s.approvers])])).toEqual([
      ['approval-approval', 'approval', 'Brand review, Legal review', [['Brand review', ['m-li']], ['Legal review', ['m-zhou']]]],
    ]);
  });

  it('event: booth design and invitations run side by side after the booking', () => {
    const plan = instantiateTemplate(EVENT_PROCESS, base);
    expect(rows(plan.tasks)).toEqual([
      ['brief', 'Objectives and booth brief', '3d', 'm-wang', '2026-03-02T08:00', '2026-03-04T17:00'],
      ['booking', 'Venue and booth booking', '5d', 'm-li', '2026-03-05T08:00', '2026-03-11T17:00'],
      ['booth', 'Booth design and materials', '10d', 'm-sun', '2026-03-12T08:00', '2026-03-26T17:00'],
      ['invites', 'Invitations and lead capture', '5d', 'm-zhao', '2026-03-09T08:00', '2026-03-16T17:00'],
      ['logistics', 'Logistics and rehearsal', '2d', 'm-li', '2026-03-27T08:00', '2026-03-30T17:00'],
      ['event', 'Event days', '3d', 'm-wang', '2026-03-31T08:00', '2026-04-02T17:00'],
      ['followup', 'Lead follow-up', '5d', 'm-zhao', '2026-04-07T08:00', '2026-04-13T17:00'],
      ['retro', 'Retrospective', '2d', 'm-li', '2026-04-14T08:00', '2026-04-15T17:00'],
    ]);
    expect(plan.links.find((l) => l.to === 'invites')).toMatchObject({ from: 'booking', type: 'SS', lag: '2d' });
    expect(plan.criticalPath).toEqual(['brief', 'booking', 'booth', 'logistics', 'event', 'followup', 'retro']);
    expect(plan.approvals.map((a) => [a.id, a.subject.id, a.stages[0]?.approvers])).toEqual([['booking-approval', 'booking', ['m-zhou']]]);
  });

  it('request intake: hour-long stages share days', () => {
    const plan = instantiateTemplate(REQUEST_INTAKE_PROCESS, base);
    expect(rows(plan.tasks)).toEqual([
      ['submit', 'Submit the request', '2h', 'm-zhao', '2026-03-02T08:00', '2026-03-02T10:00'],
      ['review', 'Review', '1d', 'm-li', '2026-03-02T10:00', '2026-03-03T10:00'],
      ['schedule', 'Schedule', '2h', 'm-li', '2026-03-03T10:00', '2026-03-03T12:00'],
      ['execute', 'Execute', '5d', 'm-wang', '2026-03-03T13:00', '2026-03-10T12:00'],
      ['accept', 'Acceptance', '1d', 'm-zhao', '2026-03-10T13:00', '2026-03-11T12:00'],
    ]);
    expect(plan.approvals.map((a) => [a.id, a.subject.id, a.stages[0]?.approvers])).toEqual([
      ['review-approval', 'review', ['m-li']],
      ['accept-approval', 'accept', ['m-zhao']],
    ]);
  });
});

describe('instantiateTemplate', () => {
  it('finds owners and approvers by department and role grant when no one is assigned explicitly', () => {
    const members = [
      { id: 'm-wang', name: 'Wang', department: 'market' },
      { id: 'm-li', name: 'Li', roles: [{ role: 'manager' as const, campaignId: 'launch' }] },
      { id: 'm-zhou', name: 'Zhou', department: 'legal' },
    ];
    const plan = instantiateTemplate(CONTENT_PROCESS, { ...base, directory: { members } });
    expect(plan.tasks.map((t) => t.ownerId)).toEqual([undefined, undefined, 'm-li', 'm-wang', 'm-wang', 'm-li']);
    expect(plan.unassignedRoles).toEqual(['design']);
    expect(plan.approvals[0]?.stages.map((s) => s.approvers)).toEqual([['m-li'], ['m-zhou']]);
  });

  it('refuses to create an approval nobody can decide', () => {
    const error = thrown(() => instantiateTemplate(CAMPAIGN_FULL_PROCESS, { ...base, directory: { assignees: { ...directory.assignees, legal: [] } } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      "Invalid role directory: assignees.legal: nobody holds role 'legal', which approves 'Cross-department sign-off' in stage 'review'; assign at least one member",
    );
  });

  it('prefixes every id so one campaign can hold two instances, and uses each type’s initial status', () => {
    const template = defineTemplate({
      id: 'mini',
      name: 'Mini',
      stages: [{ id: 'kv', name: 'Key visual', ownerRole: 'design', duration: '2d', tasks: [{ name: 'Draw it', type: 'creative' }] }],
    });
    const plan = instantiateTemplate(template, { ...base, idPrefix: 'q2-', workflows: [CREATIVE_STATUS_WORKFLOW] });
    expect(plan.tasks.map((t) => [t.id, t.type, t.status, t.statusCategory])).toEqual([['q2-kv', 'creative', 'Briefed', 'todo']]);
  });

  it('refuses an override for a stage the template does not have, and an elapsed stage duration', () => {
    expect(thrown(() => instantiateTemplate(CAMPAIGN_FULL_PROCESS, { ...base, durations: { launch: '3d' } })).message).toBe(
      "Invalid instantiate options: durations.launch: template 'campaign-full-process' has no stage 'launch'",
    );
    expect(thrown(() => instantiateTemplate(CAMPAIGN_FULL_PROCESS, { ...base, durations: { execution: '3ed' } })).code).toBe('VALIDATION');
  });
});

describe('defineTemplate', () => {
  const stage = (id: string) => ({ id, name: id, ownerRole: 'manager', duration: '1d' });

  it('refuses a cycle of stages with CYCLE, naming it', () => {
    const error = thrown(() =>
      defineTemplate({ id: 't', name: 'T', stages: [stage('a'), stage('b')], links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }] }),
    );
    expect(error.code).toBe('CYCLE');
    expect(error.details.cycle).toEqual(['a', 'b', 'a']);
  });

  it('refuses duplicate stages, unknown link ends and an approval gating an unknown task', () => {
    expect(thrown(() => defineTemplate({ id: 't', name: 'T', stages: [stage('a'), stage('a')] })).message).toBe(
      "Invalid template: stages[1].id: stage id 'a' is used twice",
    );
    expect(thrown(() => defineTemplate({ id: 't', name: 'T', stages: [stage('a')], links: [{ from: 'a', to: 'z' }] })).message).toBe(
      "Invalid template: links[0].to: no stage 'z'",
    );
    expect(
      thrown(() => defineTemplate({ id: 't', name: 'T', stages: [{ ...stage('a'), approvals: [{ name: 'Legal', approverRoles: ['legal'], task: 'Nope' }] }] })).message,
    ).toBe("Invalid template: stages[0].approvals[0].task: stage 'a' has no task named 'Nope'");
  });
});

describe('templateFromCampaign', () => {
  it('saves a finished campaign as a template with the durations it actually took', () => {
    const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, base);
    // Research took a day longer than planned; everything else went to plan.
    const tasks = plan.tasks.map((t) => ({
      ...t,
      status: 'done',
      statusCategory: 'done' as const,
      actualStart: t.start,
      actualFinish: t.id === 'research' ? '2026-03-05T17:00' : t.finish,
    }));
    const template = templateFromCampaign(
      { tasks, links: plan.links, approvals: plan.approvals, stages: plan.stages },
      { id: 'launch-2027', name: 'Launch 2027', durations: 'actual', calendar, calendars: [STANDARD_CALENDAR], roleOf: { 'm-zhao': 'sales', 'm-qian': 'product', 'm-sun': 'design', 'm-zhou': 'legal' } },
    );
    expect(template.stages.map((s) => [s.id, s.name, s.ownerRole, s.duration, s.taskOrder, s.tasks.map((t) => [t.name, t.duration])])).toEqual([
      ['research', 'Demand research', 'market', '4d', 'parallel', [['Research demand and write the requirements report', '4d']]],
      ['plan', 'Campaign plan', 'market', '5d', 'parallel', [['Write the campaign plan', '5d']]],
      ['review', 'Cross-department review', 'manager', '2d', 'parallel', [['Review the campaign plan across departments', '2d']]],
      ['resources', 'Resource coordination', 'manager', '1d', 'parallel', [['Coordinate people, agencies and design resources', '1d']]],
      [
        'execution',
        'Execution',
        'market',
        '10d',
        'sequential',
        [
          ['Produce campaign materials', '5d'],
          ['Legal review of materials', '1d'],
          ['Release materials and run the campaign', '4d'],
        ],
      ],
      ['retro', 'Retrospective', 'manager', '3d', 'parallel', [['Run the retrospective', '3d']]],
    ]);
    expect(template.stages[5]?.acceptanceCriteria).toEqual(['At least 3 actionable improvements recorded, each with an owner']);
    expect(template.stages[5]?.tasks[0]?.checklist).toHaveLength(3);
    expect(template.links?.map((l) => `${l.from}->${l.to}`)).toEqual(['research->plan', 'plan->review', 'review->resources', 'resources->execution', 'execution->retro']);
    expect(template.stages[2]?.approvals).toEqual([
      { name: 'Cross-department sign-off', approverRoles: ['sales', 'product', 'design', 'legal'], rule: 'all', slaBasis: 'elapsed', slaHours: 24, escalateToRole: 'manager', task: 'Review the campaign plan across departments' },
    ]);
  });

  it('round-trips: a template saved from its own plan instantiates to the same tasks, links and dates', () => {
    const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, base);
    const roleOf = { 'm-zhao': 'sales', 'm-qian': 'product', 'm-sun': 'design', 'm-zhou': 'legal' };
    const saved = templateFromCampaign({ tasks: plan.tasks, links: plan.links, approvals: plan.approvals, stages: plan.stages }, { id: 'copy', name: 'Copy', roleOf });
    const again = instantiateTemplate(saved, base);
    expect(rows(again.tasks)).toEqual(rows(plan.tasks));
    expect(again.links.map((l) => l.id)).toEqual(plan.links.map((l) => l.id));
    expect(again.approvals.map((a) => a.stages)).toEqual(plan.approvals.map((a) => a.stages));
  });

  it('keeps the campaign’s lessons learned, without their campaign, task or author, and none when there are none', () => {
    const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, base);
    const roleOf = { 'm-zhao': 'sales', 'm-qian': 'product', 'm-sun': 'design', 'm-zhou': 'legal' };
    const lessons = [
      { id: 'l1', campaignId: 'launch', text: '展位搭建预算超支 20%', category: 'budget', tags: ['booth'], taskId: 'execution-1', createdBy: 'm-li', createdAt: '2026-03-20T09:00:00.000Z' },
      { text: 'Douyin CTR doubled with vertical video', metric: 'ctr' },
    ];
    const saved = templateFromCampaign({ ...plan, lessons }, { id: 'copy', name: 'Copy', roleOf });
    expect(saved.lessons).toEqual([
      { text: '展位搭建预算超支 20%', category: 'budget', tags: ['booth'] },
      { text: 'Douyin CTR doubled with vertical video', tags: [], metric: 'ctr' },
    ]);
    expect(templateFromCampaign(plan, { id: 'copy', name: 'Copy', roleOf }).lessons).toEqual([]);
    expect(thrown(() => templateFromCampaign({ ...plan, lessons: [{ text: ' ' }] }, { id: 'copy', name: 'Copy', roleOf })).message).toBe('Invalid template: lessons[0].text: must not be empty');
  });

  it('asks which role an approver played when it cannot tell', () => {
    const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, base);
    expect(thrown(() => templateFromCampaign(plan, { id: 'copy', name: 'Copy' })).message).toBe(
      "Invalid template options: roleOf: say which role approver(s) m-zhao, m-qian, m-sun, m-zhou of approval 'review-approval' played",
    );
  });
});
