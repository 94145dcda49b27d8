/**
 * A product launch run end to end through the workspace alone: initiation approval (立项), the
 * full-process template with its stage SLAs, a weekly stand-up, deliverables, governed spending,
 * ROI from the recorded spend, a baseline, earned value, the OKR rollup and team metrics.
 * Run with `npm run demo` or `npx tsx examples/full-process-in-workspace.ts`.
 */
import { CAMPAIGN_FULL_PROCESS, createMemoryStorage, createWorkspace, sequentialIds } from '../src/index.js';

let now = Date.parse('2026-03-02T08:00:00Z');
const at = (instant: string) => {
  now = Date.parse(instant);
};
const workspace = createWorkspace({ storage: createMemoryStorage(), clock: { now: () => now }, ids: sequentialIds(), actor: { id: 'm-root', roles: [{ role: 'admin' }] } });
const yuan = (minor: number) => (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

for (const [id, name, department] of [
  ['m-li', 'Li Na', 'market'],
  ['m-wang', 'Wang Fang', 'market'],
  ['m-zhou', 'Zhou Min', 'legal'],
  ['m-sun', 'Sun Yi', 'design'],
  ['m-zhao', 'Zhao Qiang', 'sales'],
  ['m-xu', 'Xu Jing', 'product'],
  ['m-qian', 'Qian Hui', 'finance'],
] as const) {
  await workspace.members.create({ id, name, department });
}
const lead = workspace.withActor({ id: 'm-li', department: 'market', roles: [{ role: 'manager', campaignId: 'launch' }] });
const marketer = workspace.withActor({ id: 'm-wang', department: 'market', roles: [{ role: 'member', campaignId: 'launch' }] });
const finance = workspace.withActor({ id: 'm-qian', department: 'finance', roles: [{ role: 'member', campaignId: 'launch' }] });

// Strategy, the campaign and its initiation approval.
await workspace.objectives.create({ id: 'o-pipeline', name: 'Build the Q1 pipeline', periodStart: '2026-03-01', periodEnd: '2026-04-30', keyResults: [{ id: 'kr-leads', name: '500 qualified leads', metric: 'leads', target: 500 }] });
await workspace.campaigns.create({ id: 'launch', name: 'Smart speaker launch', type: 'product-launch', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY', objectiveIds: ['o-pipeline'], keyResultIds: ['kr-leads'] });
const plan = await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, {
  assignees: { market: ['m-wang'], manager: ['m-li'], sales: ['m-zhao'], product: ['m-xu'], design: ['m-sun'], legal: ['m-zhou'] },
});
console.log(`"${CAMPAIGN_FULL_PROCESS.name}": ${plan.taskIds.length} tasks in ${plan.stageIds.length} stages, ${plan.approvalIds.length} approvals`);
await workspace.approvals.create({ id: 'initiation', campaignId: 'launch', subject: { type: 'campaign', id: 'launch' }, stages: [{ name: 'Director', approvers: ['m-li'] }] });
await workspace.approvals.submit('initiation');
await lead.approvals.decide('initiation', { decision: 'approved' });
await lead.campaigns.transition('launch', { to: 'approved' });
const active = await lead.campaigns.transition('launch', { to: 'active' });
console.log(`Initiation approved; the campaign is ${active.status}`);
await workspace.campaigns.saveBaseline('launch');

// Money rules: thresholds, and finance approves anything above 10,000 CNY.
await workspace.budgets.createLine({ id: 'research-fee', campaignId: 'launch', taskId: 'research', category: 'agency', planned: 3_000_00, currency: 'CNY' });
await workspace.budgets.createLine({ id: 'media', campaignId: 'launch', category: 'media', planned: 50_000_00, currency: 'CNY' });
await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 20_000_00, currency: 'CNY' });
await workspace.budgets.setThresholds('launch', { approvalPolicy: { rules: [{ threshold: { amount: 10_000_00, currency: 'CNY' }, name: 'Finance approval', approverRole: 'finance' }] } });
await workspace.kpis.createTarget({ id: 't-roi', campaignId: 'launch', metric: 'roi', target: 2 });
await workspace.kpis.createTarget({ id: 't-leads', campaignId: 'launch', metric: 'leads', target: 500 });

// A weekly stand-up, each occurrence a task of its own.
const standup = await workspace.tasks.createSeries({ id: 'standup', campaignId: 'launch', name: 'Stand-up', duration: '15m', ownerId: 'm-li', recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', start: '2026-03-02T09:30' } });
console.log(`Stand-ups: ${standup.occurrences.map((t) => t.start).join(', ')}`);

// Research starts Monday 09:00 and runs past its three-day SLA.
at('2026-03-02T09:00:00Z');
await lead.tasks.transition('research', { to: 'in_progress' });
await marketer.attachments.add({ id: 'report', campaignId: 'launch', taskId: 'research', name: 'research.pdf', ref: 's3://launch/research-v1.pdf' });
at('2026-03-05T10:00:00Z');
for (const r of (await workspace.campaigns.reminders('launch')).filter((r) => r.kind === 'stage.slaBreached')) console.log(`Reminder: ${r.reason}`);
await marketer.attachments.add({ id: 'report', campaignId: 'launch', taskId: 'research', name: 'research.pdf', ref: 's3://launch/research-v2.pdf' });
at('2026-03-05T12:00:00Z');
for (const itemId of ['c1', 'c2', 'c3', 'accept-1']) await marketer.tasks.setChecklistItem('research', { itemId, done: true });
await lead.tasks.transition('research', { to: 'done' });
const done = (await workspace.tasks.kanban('launch')).columns.find((c) => c.status === 'done');
console.log(`Kanban "done": ${done?.taskIds.join(', ')}; research report at version ${(await workspace.attachments.latest({ campaignId: 'launch', taskId: 'research' }))[0]?.version}`);

// Spending: an invoice, a corrected ad bill, and a booth that needs finance.
await workspace.budgets.recordExpense({ id: 'research-invoice', campaignId: 'launch', taskId: 'research', budgetLineId: 'research-fee', category: 'agency', kind: 'actual', amount: 3_200_00, currency: 'CNY', date: '2026-03-05' });
await workspace.budgets.recordExpense({ id: 'ads', campaignId: 'launch', category: 'media', kind: 'actual', amount: 8_000_00, currency: 'CNY', date: '2026-03-05' });
await workspace.budgets.updateExpense('ads', { amount: 9_000_00 }, { reason: 'Invoice was 9,000, not 8,000' });
const booth = await lead.budgets.requestExpense({ id: 'booth', campaignId: 'launch', category: 'venue', kind: 'commitment', amount: 15_000_00, currency: 'CNY', date: '2026-03-05' });
console.log(`Booth request waits for "${booth.approval?.stages[0]?.name}" (${booth.approval?.stages[0]?.approvers.join(', ')})`);
await finance.approvals.decide(booth.approval?.id ?? '', { decision: 'approved' });
const money = await workspace.budgets.summary('launch');
console.log(`Budget: planned ${yuan(money.cost.planned)}, committed ${yuan(money.cost.committed)}, actual ${yuan(money.cost.actual)} CNY`);

// Results, from the CRM and from the budget.
await workspace.kpis.recordMeasurement({ id: 'crm-w10', campaignId: 'launch', date: '2026-03-05', currency: 'CNY', values: { revenue: 36_600_00, leads: 300 } });
for (const row of await workspace.kpis.trackingTable('launch')) {
  const sources = Object.entries(row.inputSources).map(([input, from]) => `${input} from ${from}`).join(', ');
  console.log(`KPI ${row.metric}: ${row.actual} against ${row.target} (${row.status}; ${sources})`);
}

// How the plan is doing.
const slip = (await workspace.campaigns.compareToBaseline('launch')).tasks.find((t) => t.id === 'research');
console.log(`Research against the baseline: starts ${slip?.startVariance} and finishes ${slip?.finishVariance} working minutes late`);
const evm = await workspace.campaigns.evm('launch', { statusDate: '2026-03-05' });
console.log(`Earned value on 2026-03-05: PV ${yuan(evm.campaign.pv)}, EV ${yuan(evm.campaign.ev)}, AC ${yuan(evm.campaign.ac)}, CPI ${evm.campaign.cpi}`);
const [okr] = await workspace.objectives.rollup({ asOf: '2026-03-05' });
console.log(`OKR "${okr?.id}": progress ${okr?.progress} (${okr?.status})`);
for (const group of await workspace.teamMetrics({ groupBy: 'team' })) {
  console.log(`Team ${group.key}: ${group.completed} of ${group.taskCount} done, average cycle ${group.averageCycleHours ?? '–'} h`);
}
