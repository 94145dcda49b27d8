/**
 * Benchmarks, measured side by side in one run so ratios hold on a shared, noisy machine.
 * Run with `npm run bench`; results go to standard output as a Markdown table.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { computeCpm } from '../src/schedule/computeCpm.js';
import { prepareSchedule } from '../src/schedule/prepareSchedule.js';
import { cReference, graphologyCpm } from './cpmPeers.js';
import { measure, median } from './measure.js';
import { mspdiBenchmarks } from './mspdi.js';
import { reportBenchmarks } from './reports.js';
import { layeredNetwork, prng } from './network.js';
import { workspaceBenchmarks } from './workspace.js';

const rows: string[][] = [];
const row = (...cells: string[]) => {
  rows.push(cells);
  console.error(cells.join('  |  '));
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

// 1. computeCpm against C and graphology on 100,000 tasks and ~300,000 links.
const net = layeredNetwork(100_000);
const ours = measure(() => computeCpm(net), { warmup: 5, runs: 25 });
const c = cReference(net, 25);
const graphology = measure(() => graphologyCpm(net), { warmup: 1, runs: 5 });
if ('ms' in c) {
  if (c.finish !== computeCpm(net).finish) throw new Error(`C and TypeScript disagree on the finish: ${c.finish}`);
  row('computeCpm, 100k tasks / 300k links, from objects with string ids', `${ms(ours.min)} best, ${ms(ours.median)} median`, `C reference ${ms(c.ms)} best`, `${(ours.min / c.ms).toFixed(1)}× C (best vs best)`);
} else {
  row('computeCpm, 100k tasks / 300k links, from objects with string ids', `${ms(ours.min)} best, ${ms(ours.median)} median`, c.skipped, '');
}
// The same network with UUID ids, which go through a hash map instead of the numeric-id table.
const uuid = (i: number) => `${(Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, '0')}-4b1c-4d2e-9f00-${String(i).padStart(12, '0')}`;
const uuidOf = new Map(net.tasks.map((t, i) => [t.id, uuid(i)]));
const uuidNet = {
  tasks: net.tasks.map((t) => ({ id: uuidOf.get(t.id) as string, duration: t.duration })),
  links: net.links.map((l) => ({ ...l, from: `${uuidOf.get(l.from)}`, to: `${uuidOf.get(l.to)}` })),
};
const withUuids = measure(() => computeCpm(uuidNet), { warmup: 3, runs: 15 });
if ('ms' in c) row('computeCpm, same network with UUID ids', `${ms(withUuids.min)} best, ${ms(withUuids.median)} median`, `C reference ${ms(c.ms)} best`, `${(withUuids.min / c.ms).toFixed(1)}× C`);
row('graphology + graphology-dag, same network', ms(graphology.median), `computeCpm ${ms(ours.median)}`, `${(graphology.median / ours.median).toFixed(0)}× slower than computeCpm`);

// 2. A prepared, calendar-aware schedule of the same network: one duration change at a time.
const random = prng(7);
const plan = prepareSchedule({
  start: '2026-01-05T08:00',
  tasks: net.tasks.map((t) => ({ id: t.id, duration: `${t.duration}d` })),
  links: net.links.map((l) => ({ from: l.from, to: l.to, type: l.type, lag: `${l.lag}d` })),
});
const changes: number[] = [];
for (let i = 0; i < 200; i++) {
  const task = net.tasks[Math.floor(random() * net.tasks.length)];
  if (!task) continue;
  const days = 1 + Math.floor(random() * 10);
  const start = performance.now();
  plan.setDuration(task.id, `${days}d`);
  changes.push(performance.now() - start);
}
changes.sort((a, b) => a - b);
row('prepareSchedule (Standard calendar), one duration change on 100k tasks', `${ms(median(changes))} median`, `p90 ${ms(changes[Math.floor(changes.length * 0.9)] as number)}`, '200 random changes');

// 3. One million tasks and three million links, in a fresh process for an honest peak memory.
const large = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'large.ts'), '1000000'], { encoding: 'utf8', maxBuffer: 1 << 20 }),
) as { tasks: number; links: number; ms: number; peakMiB: number };
row(`computeCpm, ${(large.tasks / 1e6).toFixed(1)}M tasks / ${(large.links / 1e6).toFixed(1)}M links`, ms(large.ms), `peak RSS ${large.peakMiB.toFixed(0)} MiB`, 'input objects included');

// 4. Microsoft Project files: one task with 80,000 assignments read, 150,000 tasks written.
for (const r of mspdiBenchmarks()) row(...r);
for (const r of reportBenchmarks()) row(...r);

// 5. The workspace: commands per second through the whole pipeline, in memory and on PostgreSQL.
for (const r of await workspaceBenchmarks()) row(...r);

console.log('| benchmark | result | compared with | ratio / note |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
