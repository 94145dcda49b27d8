/**
 * What a manager looks at, from a workspace: the smart-speaker launch planned from the full
 * campaign process, worked on for a week, then read back as the morning dashboard, the Gantt chart
 * (as a DHTMLX Gantt data set and as an SVG picture), the burndown, the daily report (一键日报) in
 * Chinese and English and the retrospective. The files are written to `examples/output/`.
 * Run with `npm run demo` or `npx tsx examples/reports-in-workspace.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { CAMPAIGN_FULL_PROCESS, createMemoryStorage, createWorkspace, sequentialIds } from '../src/index.js';
import { ganttSvg, lineChartSvg, renderHtml, renderMarkdown, toDhtmlxGantt, toMermaidGantt } from '../src/reports/index.js';

let now = Date.parse('2026-03-02T00:30:00Z');
const workspace = createWorkspace({ storage: createMemoryStorage(), clock: { now: () => now }, ids: sequentialIds(), actor: { id: 'm-li', roles: [{ role: 'admin' }] }, timeZone: 'Asia/Shanghai' });
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

// Plan: the full process from research to retrospective, a baseline, a budget and a leads target.
await workspace.campaigns.create({ id: 'launch', name: '智能音箱新品发布 Smart speaker launch', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY' });
await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, {
  assignees: { market: ['m-wang'], manager: ['m-li'], legal: ['m-zhou'], design: ['m-sun'], sales: ['m-chen'], product: ['m-xu'] },
});
await workspace.campaigns.saveBaseline('launch');
await workspace.budgets.createLine({ id: 'media', campaignId: 'launch', category: 'media', planned: 200_000_00, currency: 'CNY' });
await workspace.budgets.createLine({ id: 'creative', campaignId: 'launch', category: 'creative', planned: 50_000_00, currency: 'CNY' });
await workspace.kpis.createTarget({ id: 'leads', campaignId: 'launch', metric: 'leads', target: 5_000, periodStart: '2026-03-02', periodEnd: '2026-04-30' });

// A week of work: the first tasks start and finish, money is spent, leads come in, one task slips.
const planned = (await workspace.campaigns.getSchedule('launch')).tasks.filter((t) => !t.summary).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
const [first, second, third] = planned;
for (const [task, startDay, finishDay] of [
  [first, '2026-03-02', '2026-03-03'],
  [second, '2026-03-04', '2026-03-06'],
] as const) {
  if (task === undefined) continue;
  now = Date.parse(`${startDay}T01:00:00Z`);
  await workspace.tasks.transition(task.id, { to: 'in_progress' });
  now = Date.parse(`${finishDay}T09:00:00Z`);
  for (const item of (await workspace.tasks.get(task.id)).checklist) await workspace.tasks.setChecklistItem(task.id, { itemId: item.id, done: true });
  await workspace.tasks.transition(task.id, { to: 'done' });
}
if (third !== undefined) {
  await workspace.tasks.update(third.id, { duration: '6d' });
  await workspace.comments.add({ campaignId: 'launch', taskId: third.id, body: '样机延期到货 — the sample units arrive late' });
}
await workspace.budgets.recordExpense({ campaignId: 'launch', category: 'media', kind: 'actual', amount: 36_000_00, currency: 'CNY', date: '2026-03-05' });
await workspace.kpis.recordMeasurement({ campaignId: 'launch', channel: 'search', date: '2026-03-05', values: { leads: 420, clicks: 5_100, impressions: 120_000 } });
await workspace.lessons.create({ campaignId: 'launch', text: 'Order the sample units two weeks before the shoot', category: 'vendor' });
now = Date.parse('2026-03-09T01:00:00Z'); // Monday morning, 09:00 in Shanghai

// Read it back: every view is data; the pictures and documents are strings to save or serve.
const out = new URL('./output/', import.meta.url);
mkdirSync(out, { recursive: true });
const save = (name: string, text: string) => {
  writeFileSync(new URL(name, out), text);
  console.log(`  examples/output/${name} (${text.length.toLocaleString('en')} characters)`);
};

const board = await workspace.reports.dashboard('launch');
console.log(`Dashboard ${board.asOf}: finish ${board.schedule.finish} (baseline ${board.schedule.baseline?.finish}), ${board.schedule.late.length} late, budget ${board.budget?.cost.status}, ${board.risks.length} risks`);
const view = await workspace.reports.gantt('launch', { scale: 'week' });
const burn = await workspace.reports.burnChart('launch', { to: '2026-03-13' });
const daily = await workspace.reports.dailyReport({ campaignId: 'launch' }, { since: '2026-03-04T18:00' });
const retro = await workspace.reports.retrospectiveReport('launch');

console.log('Files:');
save('dashboard.json', `${JSON.stringify(board, null, 2)}\n`);
save('gantt.svg', ganttSvg(view, { title: 'Smart speaker launch' }));
save('gantt.mmd', toMermaidGantt(view, { title: 'Smart speaker launch' }));
save('gantt-dhtmlx.json', `${JSON.stringify(toDhtmlxGantt(view), null, 2)}\n`);
save(
  'burndown.svg',
  lineChartSvg({
    title: 'Burndown (tasks)',
    series: [
      { name: 'Remaining', points: burn.days.map((d) => ({ date: d.date, value: d.remaining })) },
      { name: 'Ideal', line: 'dashed', points: burn.days.map((d) => ({ date: d.date, value: d.ideal })) },
    ],
  }),
);
save('daily-report.zh-CN.md', renderMarkdown(daily, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' }));
save('daily-report.en.html', renderHtml(daily, { locale: 'en', timeZone: 'Asia/Shanghai' }));
save('retrospective.zh-CN.html', renderHtml(retro, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' }));
console.log(`Started and finished: ${first?.id}, ${second?.id}; slipped: ${third?.id}`);
console.log(`\n${renderMarkdown(daily, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })}`);
