/**
 * A product-launch campaign, end to end, on the embedded defaults: plan the stages on a working
 * calendar with public holidays, find the critical path, see what a slip does against a baseline,
 * check the budget and earned value at a status date, and track the KPIs against their targets.
 * Run with `npm run demo`.
 */
import {
  budgetSummary,
  buildTrackingTable,
  CampaignSchema,
  campaignEvm,
  compareToBaseline,
  createWorkingCalendar,
  formatMoney,
  parseInput,
  prepareSchedule,
  saveBaseline,
  STANDARD_CALENDAR,
  type BudgetStateInput,
  type MeasurementInput,
  type ScheduleProjectInput,
  type ScheduledTask,
} from '../src/index.js';

const campaign = parseInput(
  CampaignSchema,
  {
    id: 'launch-2026',
    name: 'Smart speaker launch',
    ownerId: 'm-li',
    plannedStart: '2026-03-30',
    currency: 'CNY',
    channels: [
      { channel: 'short-video', share: 0.4 },
      { channel: 'search', share: 0.3 },
      { channel: 'trade-show', share: 0.3 },
    ],
  },
  'campaign',
);

// The Shanghai office: the Standard week, with the Qingming and Labour Day holidays of 2026.
const shanghai = {
  ...STANDARD_CALENDAR,
  id: 'shanghai',
  name: 'Shanghai office',
  exceptions: [
    { name: 'Qingming', from: '2026-04-04', to: '2026-04-06' },
    { name: 'Labour Day', from: '2026-05-01', to: '2026-05-05' },
  ],
};

const plan: ScheduleProjectInput = {
  start: `${campaign.plannedStart}T08:00`,
  calendar: shanghai,
  tasks: [
    { id: 'research', name: 'Demand research', duration: '3d' },
    { id: 'plan', name: 'Campaign plan', duration: '5d' },
    { id: 'review', name: 'Cross-department review', duration: '2d' },
    { id: 'resources', name: 'Resource coordination', duration: '1d' },
    { id: 'execution', name: 'Execution' },
    { id: 'creative', name: 'Key visual and video', parent: 'execution', duration: '6d' },
    { id: 'legal', name: 'Legal review of materials', parent: 'execution', duration: '2d' },
    { id: 'media', name: 'Media buying', parent: 'execution', duration: '3d' },
    { id: 'booth', name: 'Trade-show booth', parent: 'execution', duration: '4d' },
    { id: 'live', name: 'Launch day', parent: 'execution', duration: '0d', deadline: '2026-05-15T17:00' },
    { id: 'retro', name: 'Retrospective', duration: '3d' },
  ],
  links: [
    { from: 'research', to: 'plan' },
    { from: 'plan', to: 'review' },
    { from: 'review', to: 'resources' },
    { from: 'resources', to: 'creative' },
    { from: 'resources', to: 'media', lag: '2d' },
    { from: 'resources', to: 'booth' },
    { from: 'creative', to: 'legal' },
    { from: 'legal', to: 'live' },
    { from: 'media', to: 'live' },
    { from: 'booth', to: 'live' },
    { from: 'live', to: 'retro', lag: '5d' },
  ],
};

const names = new Map(plan.tasks.map((t) => [t.id, t.name ?? t.id]));
const depth = new Map(plan.tasks.map((t) => [t.id, t.parent === undefined ? 0 : 1]));
const days = (minutes: number) => `${minutes / 480}d`;

function printSchedule(tasks: readonly ScheduledTask[]): void {
  console.log('  task                          start             finish            float  critical');
  for (const t of tasks) {
    const label = `${'  '.repeat(depth.get(t.id) ?? 0)}${names.get(t.id) ?? t.id}`;
    console.log(`  ${label.padEnd(30)}${t.start}  ${t.finish}  ${days(t.totalFloat).padStart(5)}  ${t.critical ? 'yes' : ''}`);
  }
}

console.log(`${campaign.name} (${campaign.id}), budget in ${campaign.currency}`);
console.log(`Channels: ${campaign.channels.map((c) => `${c.channel} ${Math.round((c.share ?? 0) * 100)}%`).join(', ')}\n`);

const schedule = prepareSchedule(plan);
const first = schedule.result();
console.log(`Schedule on the ${shanghai.name} calendar (Qingming and Labour Day off):`);
printSchedule(first.tasks);
console.log(`\nFinish ${first.finish}; critical path: ${first.criticalPath.map((id) => names.get(id)).join(' → ')}`);
const baseline = saveBaseline(first);

console.log('\nWhat if the key visual takes three more days?');
const change = schedule.setDuration('creative', '9d');
console.log(`  rescheduled ${change.changed.length} tasks; finish moves to ${change.finish}`);
for (const issue of schedule.result().issues) console.log(`  ! ${issue.message}`);
const slips = compareToBaseline(schedule.result(), baseline, { calendar: shanghai }).filter((v) => (v.finishVariance ?? 0) > 0);
for (const v of slips) console.log(`  ${(names.get(v.id) ?? v.id).padEnd(28)} finishes ${days(v.finishVariance ?? 0)} later than the baseline`);

// ---- Budget: planned against committed and actual, thresholds at ±5 %, earned value at a status date.
const cny = (fen: number | null) => (fen === null ? '—' : formatMoney({ amount: fen, currency: 'CNY' }, 'zh-CN'));
const line = (id: string, taskId: string, category: string, planned: number) => ({ id, campaignId: campaign.id, taskId, category, planned, currency: 'CNY' });
const spend = (id: string, category: string, kind: 'commitment' | 'actual', amount: number, date: string) => ({ id, campaignId: campaign.id, category, kind, amount, currency: 'CNY', date });
const budget: BudgetStateInput = {
  campaign: { id: campaign.id, currency: 'CNY', plannedStart: campaign.plannedStart, plannedFinish: '2026-06-30' },
  lines: [
    line('kv', 'creative', 'creative', 80_000_00),
    line('ads', 'media', 'media', 150_000_00),
    line('stand', 'booth', 'venue', 120_000_00),
  ],
  expenses: [
    spend('agency-po', 'creative', 'commitment', 84_000_00, '2026-04-15'),
    spend('ads-q2', 'media', 'actual', 60_000_00, '2026-04-20'),
    spend('stand-build', 'venue', 'actual', 127_500_00, '2026-04-20'),
  ],
};
const policy = { campaign: { warn: 0.05, block: 0.1, under: 0.05 }, categories: { venue: { warn: 0.05, block: 0.1 } } };
const summary = budgetSummary(budget, policy);
console.log('\nBudget (CNY):           planned       committed          actual        forecast  status');
for (const row of [...summary.categories, { ...summary.cost, category: 'total' }]) {
  console.log(`  ${row.category.padEnd(12)}${[row.planned, row.committed, row.actual, row.forecast].map((a) => cny(a).padStart(16)).join('')}  ${row.status}`);
}
for (const alert of summary.alerts) console.log(`  ! ${alert.message}`);

// Earned value on 2026-04-21 from the (slipped) schedule: each task's budget spread over its working days.
const calendar = createWorkingCalendar(shanghai);
const now = schedule.result().tasks;
const workingDays = (id: string) => {
  const t = now.find((task) => task.id === id);
  return t ? calendar.workingDays(t.start.slice(0, 10), t.finish.slice(0, 10)) : [];
};
const evm = campaignEvm({
  statusDate: '2026-04-21',
  budget,
  tasks: [
    { id: 'creative', workingDays: workingDays('creative'), percentComplete: 50 },
    { id: 'media', workingDays: workingDays('media'), percentComplete: 60 },
    { id: 'booth', workingDays: workingDays('booth'), percentComplete: 100 },
  ],
});
const c = evm.campaign;
console.log(`\nEarned value on ${evm.statusDate}: PV ${cny(c.pv)}  EV ${cny(c.ev)}  AC ${cny(c.ac)}  SPI ${c.spi?.toFixed(2)}  CPI ${c.cpi?.toFixed(2)}  EAC ${cny(c.eac.cpi)}`);

// ---- KPIs: April's weekly channel numbers against the campaign's targets.
const weeks = ['2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27'];
const weekly: Record<string, Record<string, number[]>> = {
  'short-video': { impressions: [500_000, 600_000, 600_000, 700_000], clicks: [4_000, 4_400, 4_200, 4_600], conversions: [320, 440, 420, 460], leads: [420, 520, 500, 560], spend: [9_000_000, 10_000_000, 10_000_000, 11_000_000], revenue: [30_000_000, 34_000_000, 33_000_000, 36_000_000] },
  search: { impressions: [70_000, 80_000, 80_000, 90_000], clicks: [3_500, 4_000, 3_900, 4_100], conversions: [300, 400, 390, 410], leads: [350, 400, 380, 420], spend: [5_000_000, 5_500_000, 5_500_000, 6_000_000], revenue: [24_000_000, 26_000_000, 25_000_000, 27_000_000] },
};
const measurements: MeasurementInput[] = Object.entries(weekly).flatMap(([channel, inputs]) =>
  weeks.map((date, w) => ({
    id: `${channel}-${date}`,
    campaignId: campaign.id,
    channel,
    date,
    period: 'week' as const,
    currency: 'CNY',
    values: Object.fromEntries(Object.entries(inputs).map(([name, series]) => [name, series[w] ?? 0])),
  })),
);
const april = { campaignId: campaign.id, periodStart: '2026-04-06', periodEnd: '2026-05-03' };
const rows = buildTrackingTable({
  activityNames: { [campaign.id]: campaign.name },
  measurements,
  targets: [
    { id: 'leads', ...april, metric: 'leads', target: 5_000 },
    { id: 'cvr', ...april, metric: 'cvr', target: 0.08 },
    { id: 'ctr', ...april, channel: 'short-video', metric: 'ctr', target: 0.008 },
    { id: 'cpl', ...april, metric: 'cpl', target: 20_000 },
    { id: 'roi', ...april, metric: 'roi_cn', target: 3.5 },
  ],
});
const show = (value: number | null, unit: string) =>
  value === null ? '—' : unit === 'percent' ? `${(value * 100).toFixed(2)} %` : unit === 'currency' ? cny(Math.round(value)) : unit === 'ratio' ? `${value.toFixed(2)}×` : value.toLocaleString('en-US');
console.log('\nKPI tracking, April:             target         actual   variance  status');
for (const r of rows) {
  const name = r.metric === 'roi_cn' ? 'ROI (投产比)' : r.metricName;
  const rate = r.varianceRate === null ? '—' : `${r.varianceRate > 0 ? '+' : ''}${(r.varianceRate * 100).toFixed(1)} %`;
  console.log(`  ${name.padEnd(29)}${show(r.target, r.unit).padStart(10)} ${show(r.actual, r.unit).padStart(14)} ${rate.padStart(10)}  ${r.status}`);
}
