/**
 * The same launch campaign run through a workspace: the stateful, audited API a host embeds. Every
 * change below is validated, authorized, stored with its audit entry and announced as an event
 * after it commits — here on the embedded in-memory storage.
 * Run with `npm run demo` (after the planning demo) or `npx tsx examples/campaign-in-workspace.ts`.
 */
import {
  CAMPAIGN_FULL_PROCESS,
  createMemoryStorage,
  createWorkspace,
  isCampaignKitError,
  sequentialIds,
  type WorkspaceEvent,
} from '../src/index.js';

let now = Date.parse('2026-02-27T01:00:00Z');
const workspace = createWorkspace({
  storage: createMemoryStorage(),
  clock: { now: () => now },
  ids: sequentialIds(),
  actor: { id: 'm-li', roles: [{ role: 'admin' }] },
  timeZone: 'Asia/Shanghai',
});

const heard: WorkspaceEvent[] = [];
workspace.on('*', (event) => {
  heard.push(event);
});
const tally = (from: number) =>
  Object.entries(
    heard.slice(from).reduce<Record<string, number>>((counts, e) => ({ ...counts, [e.type]: (counts[e.type] ?? 0) + 1 }), {}),
  )
    .map(([type, n]) => `${type} ×${n}`)
    .join(', ');

// The team, by department; the template's stage roles are filled from these.
for (const [id, name, department] of [
  ['m-li', 'Li Na', 'market'],
  ['m-wang', 'Wang Fang', 'market'],
  ['m-zhou', 'Zhou Jie', 'legal'],
  ['m-sun', 'Sun Yu', 'design'],
  ['m-chen', 'Chen Hao', 'sales'],
  ['m-xu', 'Xu Lei', 'product'],
] as const) {
  await workspace.members.create({ id, name, department, roles: [{ role: id === 'm-li' ? 'manager' : 'member', campaignId: 'launch' }] });
}

await workspace.campaigns.create({ id: 'launch', name: 'Smart speaker launch', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY' });
const plan = await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, {
  assignees: { market: ['m-wang'], manager: ['m-li'], legal: ['m-zhou'], design: ['m-sun'], sales: ['m-chen'], product: ['m-xu'] },
});
const schedule = await workspace.campaigns.getSchedule('launch');
console.log(`Instantiated "${CAMPAIGN_FULL_PROCESS.name}": ${plan.taskIds.length} tasks, ${plan.dependencyIds.length} links, ${plan.approvalIds.length} approvals`);
console.log(`Scheduled ${schedule.start} → ${schedule.finish}; events: ${tally(0)}\n`);

// The cross-department review: every department's approver signs off the plan.
const review = (await workspace.approvals.list({ campaignId: 'launch' })).items.find((a) => a.stages[0]?.name === 'Cross-department sign-off');
if (review) {
  await workspace.approvals.submit(review.id);
  const members = (await workspace.members.list()).items;
  for (const approver of review.stages[0]?.approvers ?? []) {
    const member = members.find((m) => m.id === approver);
    if (!member) continue;
    await workspace.withActor({ id: member.id, department: member.department, roles: member.roles }).approvals.decide(review.id, { decision: 'approved' });
  }
  const decided = await workspace.approvals.get(review.id);
  console.log(`"${decided.stages[0]?.name}": ${decided.stages[0]?.approvers.length} approvers, status ${decided.status}\n`);
}

// Money: a budget line with the default thresholds (warn above +5 %, block above +10 %).
now = Date.parse('2026-03-02T01:30:00Z');
let mark = heard.length;
await workspace.budgets.createLine({ id: 'media', campaignId: 'launch', category: 'media', planned: 100_000_00, currency: 'CNY' });
await workspace.budgets.recordExpense({ id: 'ads-1', campaignId: 'launch', category: 'media', kind: 'actual', amount: 106_000_00, currency: 'CNY', date: '2026-03-20' });
try {
  await workspace.budgets.recordExpense({ id: 'ads-2', campaignId: 'launch', category: 'media', kind: 'actual', amount: 6_000_00, currency: 'CNY', date: '2026-03-21' });
} catch (error) {
  if (isCampaignKitError(error)) console.log(`Expense refused (${error.code}): ${error.message}`);
}
console.log(`Budget events: ${tally(mark)}`);

// KPIs: a target and a week of numbers that fall short of it.
now = Date.parse('2026-03-09T01:00:00Z');
mark = heard.length;
await workspace.kpis.createTarget({ id: 'leads', campaignId: 'launch', metric: 'leads', target: 5_000, periodStart: '2026-03-01', periodEnd: '2026-03-31' });
await workspace.kpis.recordMeasurement({ id: 'w10', campaignId: 'launch', channel: 'search', date: '2026-03-02', period: 'week', values: { leads: 800, clicks: 4_000, impressions: 90_000 } });
const tracking = await workspace.kpis.trackingTable('launch');
console.log(`KPI events: ${tally(mark)}; leads ${tracking[0]?.actual} of ${tracking[0]?.target} (${tracking[0]?.status})\n`);

// Work starts: the research moves to in progress on the first morning.
const research = plan.taskIds[0] ?? '';
now = Date.parse('2026-03-02T01:00:00Z');
await workspace.tasks.transition(research, { to: 'in_progress' });

// The research turns out to need two more days: the plan moves, and the people downstream are told.
now = Date.parse('2026-03-04T09:00:00Z');
mark = heard.length;
await workspace.tasks.update(research, { duration: '5d' });
const moved = heard.slice(mark).filter((e) => e.type === 'task.rescheduled');
console.log(`Research takes 5 days instead of 3: ${moved.length} tasks rescheduled; finish now ${(await workspace.campaigns.getSchedule('launch')).finish}`);

// Thursday morning, the research is half done: what does the host's reminder job find?
now = Date.parse('2026-03-05T02:00:00Z');
await workspace.tasks.update(research, { percentComplete: 50 });
for (const r of await workspace.campaigns.reminders('launch', { leadHours: 16 })) console.log(`  reminder [${r.kind}] ${r.reason}`);
const delays = await workspace.campaigns.risks('launch');
console.log(`  ${delays.length} delay risks; the first: [${delays[0]?.kind}] ${delays[0]?.reason}`);

// Who changed what; then the manager takes back the last two changes, one command at a time.
const trail = await workspace.audit.list({ campaignId: 'launch', limit: 3, order: 'desc' });
console.log('\nLatest audit entries:');
for (const entry of trail.items) console.log(`  ${entry.at} ${entry.actor} ${entry.command} ${entry.aggregate.type}/${entry.aggregate.id}`);
for (let i = 0; i < 2; i++) {
  const undone = await workspace.audit.undoLast();
  console.log(`Undid ${undone.undoneCommand} on ${undone.records.map((r) => `${r.type}/${r.id}`).slice(0, 3).join(', ')}…; finish ${(await workspace.campaigns.getSchedule('launch')).finish}`);
}
