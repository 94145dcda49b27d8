import { buildTrackingTable } from '../kpi/buildTrackingTable.js';
import type { TargetStatus } from '../kpi/compareToTarget.js';
import type { Expense } from '../model/budget.js';
import type { KpiTarget, Measurement } from '../model/kpi.js';
import { kpiInputs, needsRecordedSpend } from './_kpiSpend.js';
import type { CommandSession } from './_session.js';

/**
 * Loads what KPI status needs: the campaign's targets, its `kpis` document and, when it has
 * targets, its measurements (and its expenses, when a target's metric reads recorded spend).
 */
async function loadKpis(session: CommandSession, campaignId: string): Promise<void> {
  await session.loadCampaign('kpiTarget', campaignId);
  await session.load('kpis', [campaignId]);
  const targets = session.all('kpiTarget', campaignId);
  if (targets.length === 0) return;
  await session.loadCampaign('measurement', campaignId);
  if (needsRecordedSpend(targets, session.ctx.metrics)) await session.loadCampaign('expense', campaignId);
}

/** One change of a target, measurement or expense, to see the KPIs as they were before it. */
export type KpiChange =
  | { readonly type: 'kpiTarget'; readonly before?: KpiTarget; readonly after?: KpiTarget }
  | { readonly type: 'measurement'; readonly before?: Measurement; readonly after?: Measurement }
  | { readonly type: 'expense'; readonly before?: Expense; readonly after?: Expense };

function replaced<T extends { id: string }>(items: readonly T[], before: T | undefined, after: T | undefined): T[] {
  const id = (after ?? before)?.id;
  const rest = items.filter((item) => item.id !== id);
  return before === undefined ? rest : [...rest, before];
}

interface KpiState {
  readonly targets: readonly KpiTarget[];
  readonly measurements: readonly Measurement[];
  readonly expenses: readonly Expense[];
}

function statuses(session: CommandSession, state: KpiState): Map<string, { status: TargetStatus; actual: number | null; varianceRate: number | null }> {
  if (state.targets.length === 0) return new Map();
  const { measurements } = kpiInputs(state.measurements, state.expenses, session.ctx.spendCategories);
  const rows = buildTrackingTable({ targets: state.targets, measurements }, { registry: session.ctx.metrics });
  return new Map(rows.map((row) => [row.targetId, { status: row.status, actual: row.actual, varianceRate: row.varianceRate }]));
}

/**
 * After a change of a campaign's targets, measurements or (when targets read recorded spend)
 * expenses: builds its tracking table as it was and as it is, and announces `kpi.offTrack` for
 * every target that is off track now and was not before (or did not exist). The campaign's `kpis`
 * document is written too, so two such commands running at once on the campaign conflict instead
 * of each comparing against a table without the other's change: a crossing is announced once.
 * The status itself is derived on read, never stored.
 */
export async function kpiEffect(session: CommandSession, campaignId: string, change: KpiChange): Promise<void> {
  await loadKpis(session, campaignId);
  const targets = session.all('kpiTarget', campaignId);
  // An expense matters only to targets that read recorded spend.
  if (change.type === 'expense' && !needsRecordedSpend(targets, session.ctx.metrics)) return;
  const now: KpiState = {
    targets,
    measurements: targets.length === 0 ? [] : session.all('measurement', campaignId),
    expenses: targets.length === 0 ? [] : session.all('expense', campaignId),
  };
  const was: KpiState =
    change.type === 'kpiTarget'
      ? { ...now, targets: replaced(now.targets, change.before, change.after) }
      : change.type === 'measurement'
        ? { ...now, measurements: replaced(now.measurements, change.before, change.after) }
        : { ...now, expenses: replaced(now.expenses, change.before, change.after) };
  session.change((state) => {
    const doc = state.kpis[campaignId];
    if (doc === undefined) state.kpis[campaignId] = { campaignId: campaignId as KpiTarget['campaignId'], revision: 1 };
    else doc.revision += 1;
  });
  const current = statuses(session, now);
  const previous = statuses(session, was);
  for (const target of targets) {
    const row = current.get(target.id);
    const before = previous.get(target.id)?.status ?? null;
    if (row?.status !== 'offTrack' || before === 'offTrack') continue;
    session.emitDerived(
      'kpi.offTrack',
      { type: 'kpiTarget', id: target.id },
      { targetId: target.id, metric: target.metric, target: target.target, actual: row.actual, varianceRate: row.varianceRate, previousStatus: before },
    );
  }
}
