/**
 * A trade-show budget, checked in real time: venue, travel and materials lines against warn +5 % /
 * block +10 %, a summary by category, expenses accepted or rejected as they arrive, earned value at
 * a status date, the weekly S-curve, and the earned-value worked example.
 *
 * Run with `npx tsx examples/budget-trade-show.ts`.
 */
import { budgetSummary, campaignEvm, checkExpense, computeEvm, earnedSchedule, formatMoney, sCurve } from '../src/index.js';
import type { BudgetStateInput, ExpenseInput } from '../src/index.js';

const campaign = { id: 'auto-expo-2026', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' };
const cny = (fen: number) => formatMoney({ amount: fen, currency: 'CNY' }, 'zh-CN');
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

/** Monday-to-Friday days from `from` to `to`; in a real host the scheduler supplies them. */
function weekdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function expense(id: string, category: string, kind: 'commitment' | 'actual', amount: number, date: string, extra: Partial<ExpenseInput> = {}): ExpenseInput {
  return { id, campaignId: campaign.id, category, kind, amount, currency: 'CNY', date, ...extra };
}

const budget: BudgetStateInput = {
  campaign,
  lines: [
    { id: 'venue', campaignId: campaign.id, taskId: 'booth', category: 'venue', name: 'Hall B booth space and build', planned: 120_000_00, currency: 'CNY', phasing: 'front' },
    { id: 'travel', campaignId: campaign.id, taskId: 'staffing', category: 'travel', name: 'Team travel', planned: 30_000_00, currency: 'CNY' },
    { id: 'materials', campaignId: campaign.id, taskId: 'print', category: 'materials', name: 'Print and giveaways', planned: 30_000_00, currency: 'CNY' },
  ],
  expenses: [
    expense('venue-contract', 'venue', 'commitment', 118_000_00, '2026-04-01', { vendor: 'Expo Centre', reference: 'PO-2026-041' }),
    expense('venue-deposit', 'venue', 'actual', 60_000_00, '2026-04-03', { commitmentId: 'venue-contract', reference: 'INV-8812' }),
    expense('flights', 'travel', 'actual', 15_000_00, '2026-04-08'),
    expense('hotel', 'travel', 'actual', 16_800_00, '2026-04-14'),
    expense('print-order', 'materials', 'commitment', 33_500_00, '2026-04-10', { vendor: 'Lucky Print' }),
  ],
};

const policy = {
  categories: { venue: { warn: 0.05, block: 0.1 }, travel: { warn: 0.05, block: 0.1 }, materials: { warn: 0.05, block: 0.1 } },
  campaign: { warn: 0.05, block: 0.1, under: 0.05 }, // keep the whole budget within ±5 %
};

console.log(`Budget summary — ${campaign.id} (${campaign.currency})\n`);
const summary = budgetSummary(budget, policy);
console.log(`${'category'.padEnd(10)}${'planned'.padStart(14)}${'committed'.padStart(14)}${'actual'.padStart(14)}${'forecast'.padStart(14)}${'fcst var %'.padStart(12)}  status`);
for (const row of [...summary.categories, { ...summary.cost, category: 'TOTAL' }]) {
  const amounts = [row.planned, row.committed, row.actual, row.forecast].map((a) => cny(a).padStart(14)).join('');
  console.log(`${row.category.padEnd(10)}${amounts}${pct(row.forecastVariancePercent).padStart(12)}  ${row.status}`);
}
console.log('\nAlerts:');
for (const alert of summary.alerts) console.log(`  [${alert.level}] ${alert.message}`);

console.log('\nExpenses as they arrive:');
const arriving = [
  expense('taxi', 'travel', 'actual', 2_000_00, '2026-04-16', { description: 'Taxis to the venue' }),
  expense('print-invoice', 'materials', 'actual', 33_500_00, '2026-04-17', { commitmentId: 'print-order' }),
  expense('extra-power', 'venue', 'commitment', 9_000_00, '2026-04-17', { description: 'Extra power and rigging' }),
];
for (const e of arriving) {
  const verdict = checkExpense(policy, budget, e);
  const what = `${e.id} (${e.category}, ${cny(e.amount)})`;
  if (verdict.allowed) console.log(`  allowed  ${what}${verdict.crossed.length > 0 ? ` — raises ${verdict.crossed.map((a) => `${a.level} (${a.category ?? 'campaign'}, ${a.basis})`).join(', ')}` : ''}`);
  else console.log(`  REJECTED ${what} — ${verdict.reason}`);
}

const evmInput = {
  statusDate: '2026-04-15',
  budget,
  tasks: [
    { id: 'booth', stageId: 'execution', workingDays: weekdays('2026-04-01', '2026-04-24'), percentComplete: 55 },
    { id: 'staffing', stageId: 'execution', workingDays: weekdays('2026-04-06', '2026-04-24'), percentComplete: 45, history: [{ date: '2026-04-10', percentComplete: 20 }] },
    { id: 'print', stageId: 'preparation', workingDays: weekdays('2026-04-08', '2026-04-17'), percentComplete: 60 },
  ],
};
const evm = campaignEvm(evmInput);
console.log(`\nEarned value at ${evm.statusDate}:`);
for (const row of [...evm.tasks.map((t) => ({ ...t, name: t.taskId })), { ...evm.campaign, name: 'campaign' }]) {
  console.log(
    `  ${row.name.padEnd(9)} BAC ${cny(row.bac).padStart(12)}  PV ${cny(row.pv).padStart(12)}  EV ${cny(row.ev).padStart(12)}  AC ${cny(row.ac).padStart(12)}` +
      `  SPI ${row.spi?.toFixed(3) ?? '—'}  CPI ${row.cpi?.toFixed(3) ?? '—'}  EAC ${row.eac.cpi === null ? '—' : cny(row.eac.cpi)}`,
  );
}

console.log('\nS-curve by ISO week (cumulative):');
for (const p of sCurve({ ...evmInput, period: 'week' }).points) {
  const show = (v: number | null) => (v === null ? '—' : cny(v)).padStart(13);
  console.log(`  ${p.period}  PV ${show(p.cumulativePv)}  EV ${show(p.cumulativeEv)}  AC ${show(p.cumulativeAc)}`);
}

console.log('\nWorked example (BAC 500,000; period 3; 40 % complete; AC 290,000):');
const worked = computeEvm({ bac: 500_000_00, pv: 250_000_00, ev: 200_000_00, ac: 290_000_00 });
console.log(`  SV ${cny(worked.sv)}  CV ${cny(worked.cv)}  SPI ${worked.spi}  CPI ${worked.cpi?.toFixed(4)}`);
console.log(`  EAC ${[worked.eac.cpi, worked.eac.budgetRate, worked.eac.composite].map((v) => (v === null ? '—' : cny(v))).join(' / ')}`);
console.log(`  ETC ${worked.etc === null ? '—' : cny(worked.etc)}  VAC ${worked.vac === null ? '—' : cny(worked.vac)}  TCPI ${worked.tcpi.bac?.toFixed(3)} (BAC) / ${worked.tcpi.eac?.toFixed(2)} (EAC)`);
const es = earnedSchedule({ plannedValueByPeriod: [50_000, 75_000, 125_000, 125_000, 125_000], ev: 200_000, actualTime: 3, plannedDuration: 5 });
console.log(`  Earned schedule: ES ${es.es}  SV(t) ${es.svt}  SPI(t) ${es.spit?.toFixed(4)}  TSPI ${es.tspi}  IEAC(t) ${es.ieact?.toFixed(2)} periods`);
