/**
 * Campaign effect tracking for a spring product launch: raw channel numbers → metrics → the
 * tracking table against targets, benchmark alerts, OKR progress and team metrics.
 * Run with `npx tsx examples/kpi-tracking.ts`.
 */
import { aggregateMeasurements, buildTrackingTable, checkBenchmarks, measureKeyResults, rollupObjectives, teamMetrics, traceTask } from '../src/index.js';
import type { MeasurementInput, MetricUnit } from '../src/index.js';

const campaign = { id: 'spring', name: 'Spring speaker launch', keyResultIds: ['kr-leads', 'kr-cpl'] };
const weeks = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'];

// Weekly numbers per channel; money in fen (1 CNY = 100 fen).
const weekly: Record<string, Record<string, number[]>> = {
  'short-video': {
    impressions: [400_000, 500_000, 500_000, 600_000],
    clicks: [2_400, 4_000, 4_400, 5_200],
    conversions: [240, 300, 300, 360],
    leads: [360, 450, 450, 540],
    spend: [7_200_000, 9_000_000, 9_000_000, 10_800_000],
    revenue: [24_000_000, 30_000_000, 30_000_000, 36_000_000],
  },
  search: {
    impressions: [56_000, 70_000, 70_000, 84_000],
    clicks: [2_800, 3_500, 3_500, 4_200],
    conversions: [360, 450, 450, 540],
    leads: [280, 350, 350, 420],
    spend: [4_200_000, 5_250_000, 5_250_000, 6_300_000],
    revenue: [20_000_000, 25_000_000, 25_000_000, 30_000_000],
  },
  'trade-show': {
    leads: [200, 250, 250, 300],
    spend: [6_600_000, 8_250_000, 8_250_000, 9_900_000],
    revenue: [10_000_000, 12_500_000, 12_500_000, 15_000_000],
  },
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

const march = { campaignId: campaign.id, periodStart: '2026-03-01', periodEnd: '2026-03-31' };
const rows = buildTrackingTable({
  activityNames: { [campaign.id]: campaign.name },
  measurements,
  targets: [
    { id: 't1', ...march, metric: 'leads', target: 5_000, reason: 'Trade-show footfall below forecast', improvement: 'Invite booth visitors to a webinar' },
    { id: 't2', ...march, metric: 'cvr', target: 0.08, reason: 'New one-step landing form', improvement: 'Use the form for short-video traffic' },
    { id: 't3', ...march, channel: 'short-video', activity: 'Short-video ads', metric: 'ctr', target: 0.012, reason: 'Creative fatigue after week 2', improvement: 'New hooks in the first 3 seconds' },
    { id: 't4', ...march, metric: 'cpl', target: 20_000, reason: 'Booth build cost more than planned', improvement: 'Shift budget from booth to search' },
    { id: 't5', ...march, metric: 'roi_cn', target: 3.5, reason: 'Discount-heavy launch offer', improvement: 'Bundle accessories instead of discounts' },
    { id: 't6', ...march, metric: 'exposure', target: 2_000_000 },
  ],
});

function formatValue(value: number | null, unit: MetricUnit): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${(value * 100).toFixed(2)} %`;
  if (unit === 'currency') return `¥${(value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  return value.toLocaleString('en-US');
}

function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${rate > 0 ? '+' : ''}${(rate * 100).toFixed(1)} %`;
}

// Chinese characters take two columns in a terminal.
function displayWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

console.log(`Campaign effect tracking — ${campaign.name}, March 2026\n`);
console.log(
  table(
    ['Activity', 'Metric', 'Target', 'Actual', 'Variance', 'Status', 'Reason', 'Improvement direction'],
    rows.map((r) => [
      r.activity,
      r.metric === 'roi_cn' ? 'ROI (投产比)' : r.metricName,
      formatValue(r.target, r.unit),
      formatValue(r.actual, r.unit),
      formatRate(r.varianceRate),
      r.status,
      r.reason ?? '',
      r.improvement ?? '',
    ]),
  ),
);

// Ratios come from summed inputs: the mean of the weekly CTRs would mislead.
const videoWeeks = aggregateMeasurements(measurements.filter((m) => m.channel === 'short-video'), { period: 'week', metrics: ['ctr'] });
const weeklyCtr = videoWeeks.map((w) => w.metrics?.ctr ?? 0);
const [videoMonth] = aggregateMeasurements(measurements.filter((m) => m.channel === 'short-video'), { metrics: ['ctr'] });
console.log(`\nShort-video CTR by week: ${weeklyCtr.map((c) => formatValue(c, 'percent')).join(', ')}`);
console.log(
  `  month: ${formatValue(videoMonth?.metrics?.ctr ?? null, 'percent')} (clicks / impressions summed); ` +
    `the mean of the weekly rates would say ${formatValue(weeklyCtr.reduce((s, c) => s + c, 0) / weeklyCtr.length, 'percent')}`,
);

const byChannel = aggregateMeasurements(measurements, { groupBy: ['channel'], metrics: ['ctr', 'cpc'] });
const alerts = checkBenchmarks({
  actuals: byChannel.flatMap((g) => [
    { metric: 'ctr', channel: g.channel, value: g.metrics?.ctr ?? null },
    { metric: 'cpc', channel: g.channel, value: g.metrics?.cpc ?? null },
  ]),
  benchmarks: [
    { metric: 'ctr', channel: 'short-video', value: 0.011, source: 'industry', reference: 'Illustrative industry average' },
    { metric: 'ctr', channel: 'search', value: 0.045, source: 'historical' },
    { metric: 'cpc', channel: 'search', value: 1_200, source: 'historical' },
  ],
});
console.log('\nBenchmark alerts');
for (const alert of alerts) console.log(`  ⚠ ${alert.message}`);

const objectives = [
  { id: 'strategy', name: 'Lead the smart-speaker category in H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', progressSource: 'children' as const },
  {
    id: 'pipeline', parentId: 'strategy', name: 'Fill the Q1 pipeline', periodStart: '2026-01-01', periodEnd: '2026-03-31', weight: 0.7,
    keyResults: [
      { id: 'kr-leads', name: '12,000 leads', metric: 'leads', start: 0, target: 12_000, weight: 1 },
      { id: 'kr-cpl', name: 'CPL from ¥250 to ¥180', metric: 'cpl', start: 25_000, target: 18_000, weight: 0.5 },
    ],
  },
  { id: 'brand', parentId: 'strategy', name: 'Be the brand people name', periodStart: '2026-01-01', periodEnd: '2026-06-30', weight: 0.3, progressSource: 'manual' as const, manualProgress: 0.35 },
];
const measured = measureKeyResults({ objectives, campaigns: [campaign], measurements });
const currentValues = Object.fromEntries(Object.entries(measured).flatMap(([id, r]) => (r.value === null ? [] : [[id, r.value]])));
console.log('\nObjectives as of 2026-03-29 (progress / expected)');
for (const o of rollupObjectives({ objectives, asOf: '2026-03-29', currentValues })) {
  const name = objectives.find((x) => x.id === o.id)?.name ?? o.id;
  const progress = o.progress === null ? '—' : `${Math.round(o.progress * 100)} %`;
  console.log(`  ${o.parentId ? '  ' : ''}${name}: ${progress} / ${Math.round(o.expected * 100)} % → ${o.status}`);
  for (const kr of o.keyResults) {
    console.log(`      ${kr.id}: current ${kr.current.toLocaleString('en-US', { maximumFractionDigits: 2 })}, ${Math.round((kr.progress ?? 0) * 100)} % → ${kr.status}`);
  }
}
const [chain] = traceTask({ task: { id: 'booth-video', campaignId: campaign.id }, campaigns: [campaign], objectives });
console.log(`\nTask booth-video serves: ${[chain?.campaignId, chain?.keyResultId, ...(chain?.objectiveIds ?? [])].join(' → ')}`);

const team = teamMetrics({
  asOf: '2026-03-27T18:00:00Z',
  groupBy: 'assignee',
  tasks: [
    { id: 'brief', campaignId: 'spring', assigneeIds: ['li'], stageId: 'plan', statusCategory: 'done', assignedAt: '2026-03-02T09:00:00Z', startedAt: '2026-03-02T11:00:00Z', finishedAt: '2026-03-04T17:00:00Z', due: '2026-03-04' },
    { id: 'booth-video', campaignId: 'spring', assigneeIds: ['wang'], stageId: 'execution', statusCategory: 'done', assignedAt: '2026-03-04T09:00:00Z', startedAt: '2026-03-05T09:00:00Z', finishedAt: '2026-03-12T18:00:00Z', due: '2026-03-11' },
    { id: 'landing', campaignId: 'spring', assigneeIds: ['li'], stageId: 'execution', statusCategory: 'in_progress', assignedAt: '2026-03-09T09:00:00Z', startedAt: '2026-03-09T15:00:00Z', due: '2026-03-20' },
  ],
});
console.log('\nTeam (as of 27 March)');
for (const m of team) {
  console.log(
    `  ${m.key}: completion ${formatRate(m.completionRate).replace('+', '')}, on time ${formatRate(m.onTimeRate).replace('+', '')}, ` +
      `overdue ${formatRate(m.overdueRate).replace('+', '')}, response ${m.averageResponseHours ?? '—'} h`,
  );
}
