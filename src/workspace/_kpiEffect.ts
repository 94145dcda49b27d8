import { buildTrackingTable } from '../kpi/buildTrackingTable.js';
import type { TargetStatus } from '../kpi/compareToTarget.js';
import type { KpiTarget, Measurement } from '../model/kpi.js';
import type { CommandSession } from './_session.js';

/** Loads what KPI status needs: the campaign's targets and, when it has any, its measurements. */
async function loadKpis(session: CommandSession, campaignId: string): Promise<void> {
  await session.loadCampaign('kpiTarget', campaignId);
  if (session.all('kpiTarget', campaignId).length > 0) await session.loadCampaign('measurement', campaignId);
}

/** One change of a target or measurement, to see the KPIs as they were before it. */
export type KpiChange =
  | { readonly type: 'kpiTarget'; readonly before?: KpiTarget; readonly after?: KpiTarget }
  | { readonly type: 'measurement'; readonly before?: Measurement; readonly after?: Measurement };

function replaced<T extends { id: string }>(items: readonly T[], before: T | undefined, after: T | undefined): T[] {
  const id = (after ?? before)?.id;
  const rest = items.filter((item) => item.id !== id);
  return before === undefined ? rest : [...rest, before];
}

function statuses(session: CommandSession, targets: readonly KpiTarget[], measurements: readonly Measurement[]): Map<string, { status: TargetStatus; actual: number | null; varianceRate: number | null }> {
  if (targets.length === 0) return new Map();
  const rows = buildTrackingTable({ targets, measurements }, { registry: session.ctx.metrics });
  return new Map(rows.map((row) => [row.targetId, { status: row.status, actual: row.actual, varianceRate: row.varianceRate }]));
}

/**
 * After a change of a campaign's targets or measurements: builds its tracking table as it was and
 * as it is, and announces `kpi.offTrack` for every target that is off track now and was not before
 * (or did not exist). The status itself is derived on read, never stored.
 */
export async function kpiEffect(session: CommandSession, campaignId: string, change: KpiChange): Promise<void> {
  await loadKpis(session, campaignId);
  const targets = session.all('kpiTarget', campaignId);
  const measurements = targets.length === 0 ? [] : session.all('measurement', campaignId);
  const now = statuses(session, targets, measurements);
  const was =
    change.type === 'kpiTarget'
      ? statuses(session, replaced(targets, change.before, change.after), measurements)
      : statuses(session, targets, replaced(measurements, change.before, change.after));
  for (const target of targets) {
    const current = now.get(target.id);
    const previous = was.get(target.id)?.status ?? null;
    if (current?.status !== 'offTrack' || previous === 'offTrack') continue;
    session.emitDerived(
      'kpi.offTrack',
      { type: 'kpiTarget', id: target.id },
      { targetId: target.id, metric: target.metric, target: target.target, actual: current.actual, varianceRate: current.varianceRate, previousStatus: previous },
    );
  }
}
