/**
 * The views of a large campaign: Gantt rows and the Gantt picture of 10,000 tasks (1,000 summaries
 * of nine subtasks, a chain of finish-to-start links through each summary and from one summary to
 * the next). Run alone with `npx tsx bench/reports.ts`, or as part of `npm run bench`.
 */
import { buildGanttView } from '../src/reports/gantt/buildGanttView.js';
import { ganttSvg } from '../src/reports/svg/ganttSvg.js';
import { scheduleProject } from '../src/schedule/scheduleProject.js';
import type { ScheduleProjectInput } from '../src/schedule/scheduleInput.js';
import { measure } from './measure.js';

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** A campaign of `summaries` × (1 summary + 9 subtasks) on the Standard calendar. */
export function largeCampaign(summaries = 1000): ScheduleProjectInput {
  const tasks: NonNullable<ScheduleProjectInput['tasks']> = [];
  const links: NonNullable<ScheduleProjectInput['links']> = [];
  for (let s = 0; s < summaries; s++) {
    tasks.push({ id: `s${s}`, name: `Stage ${s}` });
    for (let k = 0; k < 9; k++) {
      const id = `t${s}-${k}`;
      tasks.push({ id, name: `Task ${s}.${k}`, parent: `s${s}`, duration: `${1 + ((s + k) % 4)}d`, percentComplete: (s * 7 + k * 13) % 101 });
      if (k > 0) links.push({ from: `t${s}-${k - 1}`, to: id });
    }
    if (s > 0) links.push({ from: `t${s - 1}-8`, to: `t${s}-0`, lag: '1d' });
  }
  return { start: '2026-01-05T08:00', tasks, links };
}

/** Benchmark rows: what, result, compared with, note. */
export function reportBenchmarks(): string[][] {
  const project = largeCampaign();
  const schedule = scheduleProject(project);
  const rows = measure(() => buildGanttView(project, { schedule, scale: 'month' }), { warmup: 3, runs: 15 });
  const scheduling = measure(() => scheduleProject(project), { warmup: 2, runs: 10 });
  const view = buildGanttView(project, { schedule, scale: 'month' });
  const svg = measure(() => ganttSvg(view), { warmup: 2, runs: 10 });
  const size = ganttSvg(view).length;
  return [
    ['buildGanttView, 10k tasks (1k summaries), schedule given', `${ms(rows.median)} median`, `scheduleProject ${ms(scheduling.median)} median`, 'target: under 100 ms'],
    ['ganttSvg, the same 10k-row view', `${ms(svg.median)} median`, `${(size / 2 ** 20).toFixed(1)} MiB of SVG`, 'target: under 300 ms'],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of reportBenchmarks()) console.log(row.join('  |  '));
}
