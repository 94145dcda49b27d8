/**
 * A product-launch campaign, end to end, on the embedded defaults.
 * Run with `npm run demo`.
 */
import { CampaignSchema, TaskSchema, parseInput } from '../src/index.js';

const campaign = parseInput(
  CampaignSchema,
  {
    id: 'launch-2026',
    name: 'Smart speaker launch',
    ownerId: 'm-li',
    plannedStart: '2026-03-02',
    currency: 'CNY',
    channels: [{ channel: 'short-video', share: 0.4 }, { channel: 'search', share: 0.3 }, { channel: 'trade-show', share: 0.3 }],
  },
  'campaign',
);

const stages = [
  ['research', 'Demand research', '3d'],
  ['plan', 'Campaign plan', '5d'],
  ['review', 'Cross-department review', '2d'],
  ['resources', 'Resource coordination', '1d'],
  ['execution', 'Execution', '15d'],
  ['retro', 'Retrospective', '3d'],
] as const;

const tasks = stages.map(([id, name, duration]) => parseInput(TaskSchema, { id, campaignId: campaign.id, name, duration }, 'task'));

console.log(`${campaign.name} (${campaign.id}), starts ${campaign.plannedStart}, budget in ${campaign.currency}`);
console.log(`Channels: ${campaign.channels.map((c) => `${c.channel} ${Math.round((c.share ?? 0) * 100)}%`).join(', ')}`);
console.log('');
for (const task of tasks) console.log(`  ${task.name.padEnd(26)} ${String(task.duration).padStart(4)}  ${task.status}`);
