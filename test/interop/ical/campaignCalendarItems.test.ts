import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { campaignCalendarItems } from '../../../src/interop/ical/campaignCalendarItems.js';
import { toICalendar } from '../../../src/interop/ical/toICalendar.js';
import type { ApprovalInput } from '../../../src/model/approval.js';
import { scheduleProject } from '../../../src/schedule/scheduleProject.js';

const plan = {
  start: '2026-03-02T08:00',
  tasks: [
    { id: 'prep', name: 'Preparation' },
    { id: 'brief', name: 'Brief', parent: 'prep', duration: '2d', deadline: '2026-03-03' },
    { id: 'design', name: 'Key visual', parent: 'prep', duration: '3d', deadline: '2026-03-04T17:00' },
    { id: 'launch', name: 'Launch', milestone: true },
  ],
  links: [
    { from: 'brief', to: 'design' },
    { from: 'design', to: 'launch' },
  ],
};
const schedule = scheduleProject(plan);

// Submitted Friday 2026-03-06 16:00 Shanghai time; 8 working hours end Monday 16:00.
const approval: ApprovalInput = {
  id: 'ap-kv',
  campaignId: 'spring-26',
  title: 'Key visual sign-off',
  subject: { type: 'deliverable', id: 'att-kv', version: 1 },
  stages: [{ name: 'Departments', approvers: ['m-zhao', 'm-sun'], slaHours: 8 }, { name: 'Legal', approvers: ['m-li'] }],
  status: 'pending',
  rounds: [{ submittedAt: '2026-03-06T08:00:00Z', submittedBy: 'm-wang', version: 1, status: 'pending', currentStage: 0, stageStartedAt: '2026-03-06T08:00:00Z' }],
};
const draft: ApprovalInput = { ...approval, id: 'ap-draft', status: 'draft', rounds: [] };

describe('campaignCalendarItems', () => {
  it('turns milestones, deadlines and pending approvals into items', () => {
    expect(campaignCalendarItems({ schedule, tasks: plan.tasks, approvals: [approval, draft] }, { timeZone: 'Asia/Shanghai' })).toEqual([
      { kind: 'milestone', id: 'launch', name: 'Launch', at: '2026-03-06T17:00' },
      { kind: 'deadline', id: 'brief', name: 'Brief', date: '2026-03-03' },
      { kind: 'deadline', id: 'design', name: 'Key visual', date: '2026-03-04' },
      { kind: 'approval', id: 'ap-kv', title: 'Key visual sign-off', due: '2026-03-09T16:00', approvers: ['m-zhao', 'm-sun'] },
    ]);
  });

  it('adds scheduled tasks, but not summaries, when asked', () => {
    const tasks = campaignCalendarItems({ schedule, tasks: plan.tasks }, { includeTasks: true, allDayTasks: true }).filter((item) => item.kind === 'task');
    expect(tasks).toEqual([
      { kind: 'task', id: 'brief', name: 'Brief', start: '2026-03-02T08:00', finish: '2026-03-03T17:00', allDay: true },
      { kind: 'task', id: 'design', name: 'Key visual', start: '2026-03-04T08:00', finish: '2026-03-06T17:00', allDay: true },
    ]);
  });

  it('falls back to missed deadlines in the schedule when the tasks are not given, named by id', () => {
    // A bare-date deadline means midnight, so "brief" (finishing 2026-03-03T17:00) misses it too.
    expect(campaignCalendarItems({ schedule }).filter((item) => item.kind === 'deadline')).toEqual([
      { kind: 'deadline', id: 'brief', name: 'brief', date: '2026-03-03' },
      { kind: 'deadline', id: 'design', name: 'design', date: '2026-03-04' },
    ]);
  });

  it('gives items ical.js reads back as events with the scheduled times', () => {
    const items = campaignCalendarItems({ schedule, tasks: plan.tasks, approvals: [approval] }, { timeZone: 'Asia/Shanghai', includeTasks: true });
    const ics = toICalendar({ calendarName: 'Spring', campaignId: 'spring-26', timeZone: 'Asia/Shanghai', items }, { generatedAt: '2026-03-01T00:00:00Z' });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.uid, e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString()])).toEqual([
      ['task-brief@spring-26.campaignkit', '2026-03-02T00:00:00.000Z'],
      ['task-design@spring-26.campaignkit', '2026-03-04T00:00:00.000Z'],
      ['milestone-launch@spring-26.campaignkit', '2026-03-06T09:00:00.000Z'],
      ['deadline-brief@spring-26.campaignkit', '2026-03-03'],
      ['deadline-design@spring-26.campaignkit', '2026-03-04'],
      ['approval-ap-kv@spring-26.campaignkit', '2026-03-09T08:00:00.000Z'],
    ]);
  });

  it('refuses a malformed schedule with a VALIDATION error', () => {
    let error: unknown;
    try {
      campaignCalendarItems({ schedule: { tasks: [{ id: 'x' }] } as never });
    } catch (e) {
      error = e;
    }
    expect(isCampaignKitError(error) && error.code).toBe('VALIDATION');
  });
});
