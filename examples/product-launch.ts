/**
 * A product-launch campaign, end to end, on the embedded defaults: plan the stages on a working
 * calendar with public holidays, find the critical path, see what a slip does, and save a baseline.
 * Run with `npm run demo`.
 */
import {
  CampaignSchema,
  compareToBaseline,
  parseInput,
  prepareSchedule,
  saveBaseline,
  STANDARD_CALENDAR,
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
