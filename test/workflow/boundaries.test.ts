import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/core/validate.js';
import type { Approval } from '../../src/model/approval.js';
import { approvalDueAt } from '../../src/workflow/approvals/approvalDueAt.js';
import { permissionsToActOn, permissionsToActOnParsed } from '../../src/workflow/approvals/approvalPermissions.js';
import { cancelApproval } from '../../src/workflow/approvals/cancelApproval.js';
import { createApproval } from '../../src/workflow/approvals/createApproval.js';
import { decideApproval } from '../../src/workflow/approvals/decideApproval.js';
import { escalateApproval } from '../../src/workflow/approvals/escalateApproval.js';
import { submitApproval } from '../../src/workflow/approvals/submitApproval.js';
import { addAttachment } from '../../src/workflow/collaboration/addAttachment.js';
import { addComment } from '../../src/workflow/collaboration/addComment.js';
import { commentThreads } from '../../src/workflow/collaboration/commentThreads.js';
import { extractMentions } from '../../src/workflow/collaboration/extractMentions.js';
import { inbox, inboxParsed } from '../../src/workflow/collaboration/inbox.js';
import { latestAttachments } from '../../src/workflow/collaboration/latestAttachments.js';
import { dueReminders, dueRemindersParsed } from '../../src/workflow/reminders/dueReminders.js';
import { risks, risksParsed } from '../../src/workflow/reminders/risks.js';
import { membersInRole, membersInRoleParsed, RoleDirectorySchema } from '../../src/workflow/roleDirectory.js';
import { availableTransitions, availableTransitionsParsed } from '../../src/workflow/status/availableTransitions.js';
import { kanbanBoard, kanbanBoardParsed } from '../../src/workflow/status/kanbanBoard.js';
import { setChecklistItem } from '../../src/workflow/status/setChecklistItem.js';
import { DEFAULT_STATUS_WORKFLOW } from '../../src/workflow/status/statusWorkflow.js';
import { transitionBlockers, transitionBlockersParsed } from '../../src/workflow/status/transitionBlockers.js';
import { transitionTask, transitionTaskParsed } from '../../src/workflow/status/transitionTask.js';
import { actors, link, task, thrown } from './_fixtures.js';
import { checkBoundary, type BoundaryCase } from './_nearValid.js';

type Fn = (...args: never[]) => unknown;

/**
 * The workflow's entry points at their boundaries: each is called with one valid input, which must
 * give its known result, and with near-valid inputs (that input with one field, at any depth,
 * replaced by a strange value, removed, or joined by a stray key), which may be refused only with
 * a CampaignKitError (a VALIDATION error naming the field), never a raw TypeError.
 */

const TZ = 'Asia/Shanghai';
// Friday 2026-03-06 16:00 in Shanghai.
const SUBMITTED = '2026-03-06T08:00:00Z';
const ctx = (actor: (typeof actors)[keyof typeof actors], now = SUBMITTED) => ({ actor, now, timeZone: TZ });

const draft = createApproval({
  id: 'ap-kv',
  campaignId: 'launch',
  title: 'Key visual',
  subject: { type: 'deliverable', id: 'att-kv', version: 1 },
  stages: [
    { name: 'Departments', approvers: ['m-zhao', 'm-sun'], slaHours: 8, escalateToRole: 'manager' },
    { name: 'Legal', approvers: ['m-zhou', 'm-li'], rule: 'any' },
  ],
});
const subject = { type: 'deliverable', id: 'att-kv', version: 1 };
const round1 = { submittedAt: SUBMITTED, submittedBy: 'm-wang', version: 1, status: 'pending', currentStage: 0, stageStartedAt: SUBMITTED, decisions: [], escalations: [] };
const pending = { ...draft, status: 'pending', rounds: [round1] } as unknown as Approval;
const budgetRequest = createApproval({
  id: 'ap-booth',
  campaignId: 'launch',
  subject: { type: 'budget', id: 'exp-booth', amount: { amount: 8_000_000, currency: 'CNY' } },
  stages: [{ name: 'Manager approval', approvers: ['m-li'] }],
});

const brief = task({ id: 'brief', name: 'Brief', ownerId: 'm-li', status: 'in_progress', statusCategory: 'in_progress', priority: 'high', actualStart: '2026-03-02T08:00' });
const design = task({ id: 'design', name: 'Design', ownerId: 'm-sun', checklist: [{ id: 'c1', text: 'Legal check' }, { id: 'c2', text: 'Sizes', done: true }] });
const copy = task({ id: 'copy', name: 'Copy', ownerId: 'm-li', status: 'in_progress', statusCategory: 'in_progress', finish: '2026-03-04T17:00' });
const board = {
  tasks: [brief, design, copy],
  links: [link('brief', 'design'), link('copy', 'design', { type: 'SS' })],
  approvals: [createApproval({ id: 'ap-design', campaignId: 'launch', subject: { type: 'task', id: 'design' }, stages: [{ name: 'Review', approvers: ['m-li'] }] })],
};

// A two-day shoot before a go-live milestone, neither started on Wednesday morning.
const shoot = task({ id: 'shoot', name: 'Shoot', duration: '2d', ownerId: 'm-sun', start: '2026-03-02T08:00', finish: '2026-03-03T17:00' });
const live = task({ id: 'live', name: 'Go live', duration: '0d', milestone: true, deadline: '2026-03-04T08:00', ownerId: 'm-li', start: '2026-03-03T17:00', finish: '2026-03-03T17:00' });

const comments = [
  { id: 'cm-1', campaignId: 'launch', taskId: 'plan', authorId: 'm-li', body: '@m-zhou please check', mentions: ['m-zhou'], attachmentIds: [], createdAt: '2026-03-06T02:00:00Z' },
  { id: 'cm-2', campaignId: 'launch', taskId: 'plan', parentId: 'cm-1', authorId: 'm-zhou', body: 'Done', mentions: [], attachmentIds: [], createdAt: '2026-03-06T03:00:00Z' },
  { id: 'cm-3', campaignId: 'launch', authorId: 'm-li', body: 'Kick-off', mentions: [], attachmentIds: [], createdAt: '2026-03-06T01:00:00Z' },
];
const files = [
  { id: 'att-kv', campaignId: 'launch', taskId: 't1', name: 'kv.png', ref: 's3://kv-1', version: 1 },
  { id: 'att-kv', campaignId: 'launch', taskId: 't1', name: 'kv.png', ref: 's3://kv-2', version: 2 },
  { id: 'att-brief', campaignId: 'launch', taskId: 't1', name: 'brief.pdf', ref: 's3://brief', version: 1 },
  { id: 'att-logo', campaignId: 'launch', name: 'logo.svg', ref: 's3://logo', version: 1 },
];

const escalated = { stage: 0, toRole: 'manager', at: '2026-03-10T01:00:00Z' };
const column = (status: string, taskIds: string[], wipLimit: number | null = null) => ({ status, category: status, wipLimit, taskIds, overLimit: wipLimit !== null && taskIds.length > wipLimit });
const cells = (ids: Record<string, string[]>) => ['backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled'].map((status) => ({ status, taskIds: ids[status] ?? [] }));
const notify = (members: string[], roles: string[] = ['manager']) => ({ members, roles });

const CASES: readonly BoundaryCase[] = [
  { name: 'permissionsToActOn', run: permissionsToActOn, args: [budgetRequest, 'approval.read'], expected: ['approval.read', 'budget.read'] },
  { name: 'permissionsToActOn (not a budget)', run: permissionsToActOn, args: [pending, 'approval.decide'], expected: ['approval.decide'] },
  {
    name: 'membersInRole',
    run: membersInRole,
    args: [
      {
        assignees: { legal: ['m-zhou'] },
        members: [
          { id: 'm-li', name: 'Li', department: 'market', roles: [{ role: 'manager', campaignId: 'launch' }] },
          { id: 'm-qi', name: 'Qi', department: 'market', roles: [{ role: 'manager', campaignId: 'other' }] },
        ],
      },
      'manager',
      'launch',
    ],
    expected: ['m-li'],
  },
  {
    name: 'transitionBlockers',
    run: transitionBlockers,
    args: [board, design, 'done', DEFAULT_STATUS_WORKFLOW.guards],
    expected: [
      { guard: 'checklist', ids: ['c1'], message: "tick checklist items 'c1' before finishing the task" },
      { guard: 'approval', ids: ['ap-design'], message: "approvals 'ap-design' must be approved before the task is done" },
      { guard: 'predecessor', ids: ['brief'], message: "finish-to-start predecessors 'brief' must be done first" },
    ],
  },
  {
    name: 'kanbanBoard',
    run: kanbanBoard,
    args: [board.tasks, { wipLimits: { in_progress: 1 }, swimlane: 'owner' }],
    expected: {
      columns: [column('backlog', []), column('todo', ['design']), column('in_progress', ['brief', 'copy'], 1), column('in_review', []), column('done', []), column('cancelled', [])],
      swimlanes: [
        { key: 'm-li', cells: cells({ in_progress: ['brief', 'copy'] }) },
        { key: 'm-sun', cells: cells({ todo: ['design'] }) },
      ],
      violations: [{ status: 'in_progress', limit: 1, count: 2, excess: 1 }],
      unmapped: [],
    },
  },
  {
    name: 'submitApproval',
    run: submitApproval,
    args: [draft, {}, ctx(actors.marketer)],
    expected: {
      state: pending,
      events: [{ type: 'approval.requested', approvalId: 'ap-kv', campaignId: 'launch', subject, round: 1, stage: 0, stageName: 'Departments', approvers: ['m-zhao', 'm-sun'], by: 'm-wang', at: SUBMITTED }],
    },
  },
  {
    name: 'decideApproval',
    run: decideApproval,
    args: [pending, { decision: 'approved' }, ctx(actors.sales, '2026-03-09T01:00:00Z')],
    expected: {
      state: { ...pending, rounds: [{ ...round1, decisions: [{ stage: 0, by: 'm-zhao', decision: 'approved', at: '2026-03-09T01:00:00Z' }] }] },
      events: [{ type: 'approval.decided', approvalId: 'ap-kv', campaignId: 'launch', subject, round: 1, stage: 0, decision: 'approved', by: 'm-zhao', at: '2026-03-09T01:00:00Z' }],
    },
  },
  {
    name: 'cancelApproval',
    run: cancelApproval,
    args: [pending, { reason: 'Postponed' }, ctx(actors.manager, '2026-03-09T01:00:00Z')],
    expected: {
      state: { ...pending, status: 'cancelled', rounds: [{ ...round1, status: 'cancelled' }] },
      events: [{ type: 'approval.cancelled', approvalId: 'ap-kv', campaignId: 'launch', subject, round: 1, by: 'm-li', reason: 'Postponed', at: '2026-03-09T01:00:00Z' }],
    },
  },
  {
    name: 'escalateApproval',
    run: escalateApproval,
    // Tuesday 09:00 in Shanghai, after the SLA ended on Monday at 16:00.
    args: [pending, { now: '2026-03-10T01:00:00Z', timeZone: TZ }],
    expected: {
      state: { ...pending, rounds: [{ ...round1, escalations: [escalated] }] },
      events: [
        {
          type: 'approval.escalated',
          approvalId: 'ap-kv',
          campaignId: 'launch',
          subject,
          round: 1,
          stage: 0,
          stageName: 'Departments',
          toRole: 'manager',
          waitingFor: ['m-zhao', 'm-sun'],
          dueAt: '2026-03-09T16:00',
          at: '2026-03-10T01:00:00Z',
        },
      ],
    },
  },
  // Friday 16:00 plus 8 working hours on the Standard calendar.
  { name: 'approvalDueAt', run: approvalDueAt, args: [pending, { timeZone: TZ }], expected: '2026-03-09T16:00' },
  {
    name: 'dueReminders',
    run: dueReminders,
    // Monday 9 March, 11:00 in Shanghai.
    args: [{ tasks: board.tasks, approvals: [pending] }, { now: '2026-03-09T03:00:00Z', timeZone: TZ }],
    expected: [
      {
        kind: 'task.overdue',
        taskId: 'copy',
        dueAt: '2026-03-04T17:00',
        workingMinutesLeft: -1140,
        notify: notify(['m-li']),
        reason: "'Copy' was due 2026-03-04T17:00 and is not done (19 working hours late)",
      },
      {
        kind: 'approval.dueSoon',
        approvalId: 'ap-kv',
        dueAt: '2026-03-09T16:00',
        workingMinutesLeft: 240,
        notify: notify(['m-zhao', 'm-sun'], []),
        reason: "Approval 'Key visual' (stage 'Departments') waits for m-zhao, m-sun; its 8-working-hour SLA ends 2026-03-09T16:00, in 4 working hours",
      },
    ],
  },
  {
    name: 'risks',
    run: risks,
    // Wednesday 4 March, 09:00 in Shanghai: the shoot, due to end on Tuesday, has not started.
    args: [{ tasks: [shoot, live], links: [link('shoot', 'live')] }, { now: '2026-03-04T01:00:00Z', timeZone: TZ }],
    expected: [
      {
        kind: 'deadline.atRisk',
        taskId: 'live',
        milestone: true,
        deadline: '2026-03-04T08:00',
        forecastFinish: '2026-03-06T09:00',
        lateMinutes: 1020,
        notify: notify(['m-li']),
        reason: "The milestone 'Go live' is forecast to finish 2026-03-06T09:00, 17 working hours after its deadline 2026-03-04T08:00",
      },
      {
        kind: 'critical.notStarted',
        taskId: 'live',
        lateStart: '2026-03-03T17:00',
        lateMinutes: 60,
        notify: notify(['m-li']),
        reason: "'Go live' is on the critical path and has not started; its late start was 2026-03-03T17:00 (1 working hour ago)",
      },
      {
        kind: 'critical.notStarted',
        taskId: 'shoot',
        lateStart: '2026-03-02T08:00',
        lateMinutes: 1020,
        notify: notify(['m-sun']),
        reason: "'Shoot' is on the critical path and has not started; its late start was 2026-03-02T08:00 (17 working hours ago)",
      },
      {
        kind: 'float.consumed',
        taskId: 'live',
        predecessorId: 'shoot',
        slipMinutes: 1020,
        pushMinutes: 1020,
        floatMinutes: 0,
        notify: notify(['m-li', 'm-sun']),
        reason: "'Go live' had 0 working minutes of float; its predecessor 'Shoot' is forecast to finish 2026-03-06T09:00 instead of 2026-03-03T17:00, which pushes it 17 working hours",
      },
    ],
  },
  { name: 'extractMentions', run: extractMentions, args: ['@m-li please check, cc @m-zhou. Mail: ops@example.com @nobody', ['m-li', 'm-zhou']], expected: ['m-li', 'm-zhou'] },
  {
    name: 'commentThreads',
    run: commentThreads,
    args: [comments, { taskId: 'plan' }],
    expected: [{ comment: comments[0], replies: [{ comment: comments[1], replies: [] }] }],
  },
  { name: 'commentThreads (campaign comments)', run: commentThreads, args: [comments, { taskId: null }], expected: [{ comment: comments[2], replies: [] }] },
  { name: 'latestAttachments', run: latestAttachments, args: [files, { taskId: 't1' }], expected: [files[2], files[1]] },
  // The commands and reads beside them that take the same state.
  {
    name: 'transitionTask',
    run: transitionTask,
    args: [board, { taskId: 'copy', to: 'in_review' }, ctx(actors.manager)],
    expected: {
      state: { ...board, tasks: [brief, design, { ...copy, status: 'in_review', statusCategory: 'in_review', actualStart: '2026-03-06T16:00' }] },
      events: [{ type: 'task.statusChanged', campaignId: 'launch', taskId: 'copy', from: 'in_progress', fromCategory: 'in_progress', to: 'in_review', toCategory: 'in_review', by: 'm-li', at: SUBMITTED }],
    },
  },
  {
    name: 'availableTransitions',
    run: availableTransitions,
    args: [board, 'copy', { ...ctx(actors.marketer), workflows: [DEFAULT_STATUS_WORKFLOW] }],
    expected: [
      { to: 'todo', category: 'todo', allowed: true, commentRequired: false, blockers: [] },
      { to: 'in_review', category: 'in_review', allowed: true, commentRequired: false, blockers: [] },
      { to: 'done', category: 'done', allowed: false, commentRequired: false, code: 'FORBIDDEN', reason: "only role admin, role manager, the task's owner and assignees may move a task from 'in_progress' to 'done'", blockers: [] },
      { to: 'cancelled', category: 'cancelled', allowed: false, commentRequired: false, code: 'FORBIDDEN', reason: "only role admin, role manager may move a task from 'in_progress' to 'cancelled'", blockers: [] },
    ],
  },
  {
    name: 'setChecklistItem',
    run: setChecklistItem,
    args: [board, { taskId: 'design', itemId: 'c1', done: true }, ctx(actors.manager)],
    expected: {
      state: { ...board, tasks: [brief, { ...design, checklist: [{ id: 'c1', text: 'Legal check', done: true }, { id: 'c2', text: 'Sizes', done: true }] }, copy] },
      events: [{ type: 'task.checklistChanged', campaignId: 'launch', taskId: 'design', itemId: 'c1', done: true, by: 'm-li', at: SUBMITTED }],
    },
  },
  {
    name: 'inbox',
    run: inbox,
    args: ['m-zhou', { tasks: board.tasks, approvals: [pending], comments }, { now: '2026-03-09T01:00:00Z' }],
    expected: {
      assigned: [],
      mentions: [{ commentId: 'cm-1', campaignId: 'launch', taskId: 'plan', authorId: 'm-li', body: '@m-zhou please check', createdAt: '2026-03-06T02:00:00Z' }],
      approvals: [],
    },
  },
  {
    name: 'inbox (approvals)',
    run: inbox,
    args: ['m-zhao', { tasks: board.tasks, approvals: [pending] }, { now: '2026-03-09T01:00:00Z' }],
    expected: { assigned: [], mentions: [], approvals: [{ approvalId: 'ap-kv', campaignId: 'launch', title: 'Key visual', round: 1, stage: 0, stageName: 'Departments', waitingSince: SUBMITTED }] },
  },
  {
    name: 'addComment',
    run: addComment,
    args: [comments, { id: 'cm-9', campaignId: 'launch', taskId: 'plan', parentId: 'cm-1', body: '@m-zhou ok, @m-li too' }, { ...ctx(actors.manager), memberIds: ['m-zhou'] }],
    expected: {
      state: [...comments, { id: 'cm-9', campaignId: 'launch', taskId: 'plan', parentId: 'cm-1', authorId: 'm-li', body: '@m-zhou ok, @m-li too', mentions: ['m-zhou'], attachmentIds: [], createdAt: SUBMITTED }],
      events: [
        { type: 'comment.added', campaignId: 'launch', taskId: 'plan', commentId: 'cm-9', parentId: 'cm-1', by: 'm-li', at: SUBMITTED },
        { type: 'member.mentioned', campaignId: 'launch', taskId: 'plan', memberId: 'm-zhou', commentId: 'cm-9', by: 'm-li', at: SUBMITTED },
      ],
    },
  },
  {
    name: 'addAttachment',
    run: addAttachment,
    args: [files, { id: 'att-kv', campaignId: 'launch', taskId: 't1', name: 'kv.png', ref: 's3://kv-3' }, ctx(actors.manager)],
    expected: {
      state: [...files, { id: 'att-kv', campaignId: 'launch', taskId: 't1', name: 'kv.png', ref: 's3://kv-3', version: 3, uploadedBy: 'm-li', uploadedAt: SUBMITTED }],
      events: [{ type: 'attachment.added', campaignId: 'launch', attachmentId: 'att-kv', version: 3, taskId: 't1', by: 'm-li', at: SUBMITTED }],
    },
  },
];

describe.each(CASES)('$name at its boundary', (c) => checkBoundary(c));

describe('boundary errors name the field', () => {
  const message = (run: () => unknown) => thrown(run).message;

  it('says which argument and which field is wrong', () => {
    expect(message(() => kanbanBoard([brief, { ...design, priority: 'asap' } as never]))).toMatch(/^Invalid tasks: \[1\]\.priority: /);
    expect(message(() => transitionBlockers({ ...board, links: null } as never, design, 'done', DEFAULT_STATUS_WORKFLOW.guards))).toMatch(/^Invalid task board: links: /);
    expect(message(() => submitApproval({ ...draft, stages: [] }, {}, ctx(actors.marketer)))).toMatch(/^Invalid approval: stages: /);
    expect(message(() => cancelApproval(pending, {}, null as never))).toMatch(/^Invalid command context: \(input\): /);
    expect(message(() => escalateApproval({ ...pending, rounds: [{ ...round1, currentStage: 2 }] } as never, { now: SUBMITTED }))).toBe(
      'Invalid approval: rounds[0].currentStage: stage 2 does not exist; the approval has 2 stages',
    );
    expect(message(() => dueReminders({ tasks: board.tasks }, { now: 'Monday' }))).toMatch(/^Invalid reminder options: now: /);
    expect(message(() => risks({ tasks: [shoot] } as never, { now: SUBMITTED }))).toMatch(/^Invalid risk state: links: /);
    expect(message(() => extractMentions(undefined as never))).toMatch(/^Invalid comment body: \(input\): /);
    expect(message(() => latestAttachments([...files, { ...files[0], version: 0 }] as never))).toMatch(/^Invalid attachments: \[4\]\.version: /);
    expect(message(() => membersInRole({ assignees: { legal: 'm-zhou' } } as never, 'legal'))).toMatch(/^Invalid role directory: assignees\.legal: /);
  });

  it('returns the state given when there is nothing to do', () => {
    const result = escalateApproval(pending, { now: SUBMITTED, timeZone: TZ });
    expect(result.state).toBe(pending);
    expect(result.events).toEqual([]);
    const same = setChecklistItem(board, { taskId: 'design', itemId: 'c2', done: true }, ctx(actors.manager));
    expect(same.state).toBe(board);
    expect(same.events).toEqual([]);
  });

  it("names the field of a status command's state and context", () => {
    expect(message(() => transitionTask({ ...board, approvals: [{ ...board.approvals[0], subject: null }] } as never, { taskId: 'copy', to: 'in_review' }, ctx(actors.manager)))).toMatch(
      /^Invalid task board: approvals\[0\]\.subject: /,
    );
    expect(message(() => availableTransitions(board, 'copy', { ...ctx(actors.manager), workflows: {} as never }))).toMatch(/^Invalid workflows: \(input\): /);
    expect(message(() => setChecklistItem({ ...board, tasks: [brief, { ...design, checklist: 0 }] } as never, { taskId: 'design', itemId: 'c1', done: true }, ctx(actors.manager)))).toMatch(
      /^Invalid task board: tasks\[1\]\.checklist: /,
    );
    expect(message(() => inbox('m-zhao', { tasks: board.tasks, approvals: [{ ...pending, stages: [0] }] } as never, { now: SUBMITTED }))).toMatch(/^Invalid inbox state: approvals\[0\]\.stages\[0\]: /);
    expect(message(() => addComment([undefined] as never, { id: 'cm-9', campaignId: 'launch', body: 'x' }, ctx(actors.manager)))).toMatch(/^Invalid comments: \[0\]: /);
    expect(message(() => addAttachment(0 as never, { id: 'att-x', campaignId: 'launch', name: 'x', ref: 'x' }, ctx(actors.manager)))).toMatch(/^Invalid attachments: \(input\): /);
  });
});

describe('the *Parsed cores, for callers whose state is already parsed', () => {
  it('give what the public functions give for the same valid input', () => {
    const cores: [Fn, Fn][] = [
      [permissionsToActOn, permissionsToActOnParsed],
      [membersInRole, membersInRoleParsed],
      [transitionBlockers, transitionBlockersParsed],
      [kanbanBoard, kanbanBoardParsed],
      [dueReminders, dueRemindersParsed],
      [risks, risksParsed],
      [transitionTask, transitionTaskParsed],
      [availableTransitions, availableTransitionsParsed],
      [inbox, inboxParsed],
    ];
    for (const [publicFn, core] of cores) {
      const cases = CASES.filter((c) => c.run === publicFn);
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        // membersInRoleParsed takes a parsed directory, whose defaults are filled in.
        const args = publicFn === membersInRole ? [parseInput(RoleDirectorySchema, c.args[0]), ...c.args.slice(1)] : c.args;
        expect((core as (...a: unknown[]) => unknown)(...args)).toEqual(c.expected);
      }
    }
  });
});
