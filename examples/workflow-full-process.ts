/**
 * The campaign full process, end to end: instantiate the built-in template on a calendar with
 * holidays, work through research, plan and the cross-department review, let the materials task
 * slip, and ask for reminders and risks. Run with `npx tsx examples/workflow-full-process.ts`.
 */
import { CAMPAIGN_FULL_PROCESS, STANDARD_CALENDAR, addComment, can, decideApproval, dueReminders, escalateApproval, inbox, instantiateTemplate, kanbanBoard, redact, risks, setChecklistItem, submitApproval, transitionTask } from '../src/index.js';
import type { ActorInput, Approval, TaskBoard, WorkflowEvent } from '../src/index.js';

const member = (id: string, department: string, role: 'manager' | 'member' | 'external' = 'member'): ActorInput => ({
  id,
  department,
  roles: [{ role, campaignId: 'launch' }],
});
const people = {
  li: member('m-li', 'market', 'manager'),
  wang: member('m-wang', 'market'),
  zhao: member('m-zhao', 'sales'),
  qian: member('m-qian', 'product'),
  sun: member('m-sun', 'design'),
  zhou: member('m-zhou', 'legal'),
  agency: member('m-ad', 'agency', 'external'),
};
const where = {
  timeZone: 'Asia/Shanghai',
  calendar: { id: 'shanghai', name: 'Shanghai office', base: 'standard', exceptions: [{ name: 'Company offsite', from: '2026-03-13' }, { name: 'Qingming', from: '2026-04-03', to: '2026-04-06' }] },
  calendars: [STANDARD_CALENDAR],
};

// 1. Instantiate the template: tasks, links, owners by role, draft approvals, dates on the calendar.
const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, {
  campaignId: 'launch',
  start: '2026-03-02',
  directory: { assignees: { market: ['m-wang'], manager: ['m-li'], sales: ['m-zhao'], product: ['m-qian'], design: ['m-sun'], legal: ['m-zhou'] } },
  ...where,
});
console.log(`${CAMPAIGN_FULL_PROCESS.name}: ${plan.start} → ${plan.finish} (holidays 13 March, 3 and 6 April)`);
for (const t of plan.tasks) console.log(`  ${t.id.padEnd(12)} ${t.name.padEnd(52)} ${String(t.duration).padStart(3)}  ${t.ownerId}  ${t.start} → ${t.finish}`);

// The retrospective must be over by 7 April, when the quarter's review starts.
const tasks = plan.tasks.map((t) => (t.id === 'retro' ? { ...t, deadline: '2026-04-07T17:00' } : t));
let board: TaskBoard = { tasks, links: plan.links, approvals: plan.approvals };
const log: WorkflowEvent[] = [];
const apply = (result: { state: TaskBoard; events: readonly WorkflowEvent[] }) => {
  board = result.state;
  log.push(...result.events);
};
const setApproval = (id: string, result: { state: Approval; events: readonly WorkflowEvent[] }) => {
  board = { ...board, approvals: board.approvals.map((a) => (a.id === id ? result.state : a)) };
  log.push(...result.events);
};
const approval = (id: string) => board.approvals.find((a) => a.id === id) as Approval;
const at = (actor: ActorInput, now: string) => ({ actor, now, timeZone: where.timeZone });

/** Ticks every checklist item of a task (acceptance criteria included). */
function tick(taskId: string, actor: ActorInput, now: string) {
  for (const item of board.tasks.find((t) => t.id === taskId)?.checklist ?? []) {
    apply(setChecklistItem(board, { taskId, itemId: item.id, done: true }, at(actor, now)));
  }
}

/** Starts a task, ticks its checklist and finishes it, as its owner. */
function work(taskId: string, actor: ActorInput, startedAt: string, finishedAt: string) {
  apply(transitionTask(board, { taskId, to: 'in_progress' }, at(actor, startedAt)));
  tick(taskId, actor, finishedAt);
  apply(transitionTask(board, { taskId, to: 'done' }, at(actor, finishedAt)));
}

// 2. Research and plan on time (instants are UTC; Shanghai is UTC+8).
work('research', people.wang, '2026-03-02T00:00:00Z', '2026-03-04T09:00:00Z');
work('plan', people.wang, '2026-03-05T00:00:00Z', '2026-03-11T09:00:00Z');

// 3. Cross-department review: every department should reply within 24 h. Product replies late, so
//    the host's scheduler escalates to the manager; legal asks a question in a comment first.
apply(transitionTask(board, { taskId: 'review', to: 'in_progress' }, at(people.li, '2026-03-12T00:00:00Z')));
setApproval('review-approval', submitApproval(approval('review-approval'), {}, at(people.li, '2026-03-12T01:00:00Z')));
const comment = addComment([], { id: 'cm-1', campaignId: 'launch', taskId: 'review', body: '@m-li has legal seen the lucky draw in section 4?' }, at(people.zhou, '2026-03-12T02:00:00Z'));
log.push(...comment.events);
for (const [who, when] of [[people.zhao, '2026-03-12T03:00:00Z'], [people.sun, '2026-03-12T06:00:00Z'], [people.zhou, '2026-03-12T08:00:00Z']] as const) {
  setApproval('review-approval', decideApproval(approval('review-approval'), { decision: 'approved' }, at(who, when)));
}
setApproval('review-approval', escalateApproval(approval('review-approval'), { now: '2026-03-13T02:00:00Z', ...where }));
setApproval('review-approval', decideApproval(approval('review-approval'), { decision: 'approved' }, at(people.qian, '2026-03-16T01:00:00Z')));
tick('review', people.li, '2026-03-16T09:00:00Z');
apply(transitionTask(board, { taskId: 'review', to: 'done' }, at(people.li, '2026-03-16T09:00:00Z')));

// 4. Resources: design confirms the same morning.
apply(transitionTask(board, { taskId: 'resources', to: 'in_progress' }, at(people.li, '2026-03-17T00:00:00Z')));
setApproval('resources-approval', submitApproval(approval('resources-approval'), {}, at(people.li, '2026-03-17T00:00:00Z')));
setApproval('resources-approval', decideApproval(approval('resources-approval'), { decision: 'approved' }, at(people.sun, '2026-03-17T03:00:00Z')));
tick('resources', people.li, '2026-03-17T09:00:00Z');
apply(transitionTask(board, { taskId: 'resources', to: 'done' }, at(people.li, '2026-03-17T09:00:00Z')));

// 5. Materials start on time but slip: on Friday 20 March only 20 % is done.
apply(transitionTask(board, { taskId: 'execution-1', to: 'in_progress' }, at(people.wang, '2026-03-18T00:00:00Z')));
board = { ...board, tasks: board.tasks.map((t) => (t.id === 'execution-1' ? { ...t, percentComplete: 20 } : t)) };

console.log('\nEvents so far:');
const counts = new Map<string, number>();
for (const e of log) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
console.log(`  ${[...counts].map(([type, n]) => `${type} ×${n}`).join(', ')}`);
for (const e of log.filter((x) => x.type === 'approval.approved' || x.type === 'approval.escalated')) console.log(`  ${e.type}: ${e.approvalId} at ${e.at}`);

// 6. What the host's scheduler would send on Friday 20 March, 10:00 Shanghai time (three working
//    days of lead time), and again on Wednesday 25 March.
const now = '2026-03-20T02:00:00Z';
const tell = (notify: { members: readonly string[]; roles: readonly string[] }) => [...notify.members, ...notify.roles.map((x) => `role:${x}`)].join(', ');
for (const [when, leadHours] of [[now, 24], ['2026-03-25T02:00:00Z', 8]] as const) {
  console.log(`\nReminders at ${when} (lead ${leadHours} working hours):`);
  for (const r of dueReminders({ tasks: board.tasks, approvals: board.approvals, stages: plan.stages }, { now: when, leadHours, ...where })) {
    console.log(`  [${r.kind}] tell ${tell(r.notify)}: ${r.reason}`);
  }
}
console.log(`\nRisks at ${now}:`);
for (const r of risks({ tasks: board.tasks, links: board.links }, { now, ...where })) console.log(`  [${r.kind}] tell ${tell(r.notify)}: ${r.reason}`);

// 7. The kanban board, and what waits for the campaign manager.
const kanban = kanbanBoard(board.tasks, { swimlane: 'owner', wipLimits: { in_progress: 1 } });
console.log('\nKanban:');
for (const c of kanban.columns.filter((x) => x.taskIds.length > 0)) console.log(`  ${c.status.padEnd(12)} ${c.taskIds.join(', ')}${c.overLimit ? `  (over WIP limit ${c.wipLimit})` : ''}`);
const mine = inbox('m-li', { tasks: board.tasks, approvals: board.approvals, comments: comment.state }, { now });
console.log(`\nInbox of m-li: ${mine.assigned.length} open tasks, ${mine.mentions.length} mention(s), ${mine.approvals.length} approvals waiting`);

// 8. Access: the agency sees the task but never its cost.
const costed = { ...(board.tasks.find((t) => t.id === 'execution-1') ?? {}), plannedCost: { amount: 12_000_000, currency: 'CNY' } };
console.log(`\nAgency may read budgets? ${can(people.agency, 'budget.read', { type: 'budget', campaignId: 'launch' }).reason}`);
console.log(`Agency's view of execution-1 has plannedCost? ${'plannedCost' in (redact(people.agency, 'task', costed) ?? {})}`);
