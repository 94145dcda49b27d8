import { parseInput } from '../../core/validate.js';
import type { StageId, TaskId } from '../../model/ids.js';
import { CampaignEvmInputSchema, earnedAt, upTo, workPackages, type CampaignEvmInput, type EvmExcluded, type WorkPackage } from './_workPackages.js';
import { evmOf, type EvmResult } from './computeEvm.js';

export { CampaignEvmInputSchema, EARNED_VALUE_METHODS, EvmTaskSchema } from './_workPackages.js';
export type { CampaignEvmInput, EvmTask, EvmExcluded } from './_workPackages.js';

/** Earned value of a task, a stage or the campaign, with its budget at completion. */
export type EvmRow = EvmResult & {
  /** Budget at completion: the planned cost of the scope's task-linked cost lines. */
  readonly bac: number;
};

/** Earned value per task, per stage and for the campaign at one status date. */
export interface CampaignEvm {
  /** The status date. */
  readonly statusDate: string;
  /** Currency of every amount (minor units). */
  readonly currency: string;
  /** How EV was measured. */
  readonly method: 'percentComplete' | 'physical' | 'milestones';
  /** The campaign: the sum of its tasks. */
  readonly campaign: EvmRow;
  /** One row per stage that has tasks, in order of first appearance. */
  readonly stages: readonly (EvmRow & { readonly stageId: StageId; readonly taskIds: readonly TaskId[] })[];
  /** One row per task, in input order. */
  readonly tasks: readonly (EvmRow & { readonly taskId: TaskId; readonly stageId?: StageId })[];
  /** Cost lines and actuals that no task carries, left out of earned value. */
  readonly excluded: EvmExcluded;
}

interface Measured {
  readonly bac: number;
  readonly pv: number;
  readonly ev: number;
  readonly ac: number;
}

function rowOf(m: Measured): EvmRow {
  return { bac: m.bac, ...evmOf(m) };
}

function sum(rows: readonly Measured[]): Measured {
  return rows.reduce((a, r) => ({ bac: a.bac + r.bac, pv: a.pv + r.pv, ev: a.ev + r.ev, ac: a.ac + r.ac }), { bac: 0, pv: 0, ev: 0, ac: 0 });
}

/**
 * Earned value of a scheduled campaign at a status date, per task, per stage and in total:
 *
 * - BAC of a task = the planned amounts of the cost lines whose `taskId` names it;
 * - PV = those lines spread over the task's working days (each line's `phasing`, even by default),
 *   summed up to and including the status date;
 * - EV = BAC × percent complete (`percentComplete`), × physical percent complete (`physical`), or
 *   the sum of the shares of the milestones reached (`milestones`; BAC is split over the
 *   milestones' weights to the minor unit);
 * - AC = actual expenses up to the status date charged to the task (the expense's `taskId`, else
 *   its line's).
 *
 * Stages and the campaign add up their tasks' BAC, PV, EV and AC, then derive the metrics with
 * {@link computeEvm}. Cost lines without a task are reported in `excluded`, not guessed at.
 *
 * @example
 * ```ts
 * campaignEvm({
 *   statusDate: '2026-04-02',
 *   budget: {
 *     campaign: { id: 'expo', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' },
 *     lines: [{ id: 'booth', campaignId: 'expo', taskId: 'build', category: 'venue', planned: 400_00, currency: 'CNY' }],
 *     expenses: [{ id: 'e1', campaignId: 'expo', category: 'venue', kind: 'actual', amount: 250_00, currency: 'CNY', date: '2026-04-02' }],
 *   },
 *   tasks: [{ id: 'build', workingDays: ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-06'], percentComplete: 40 }],
 * }).campaign;
 * // { bac: 40000, pv: 20000, ev: 16000, ac: 25000, sv: -4000, cv: -9000, spi: 0.8, cpi: 0.64, … }
 * ```
 */
export function campaignEvm(input: CampaignEvmInput): CampaignEvm {
  const parsed = parseInput(CampaignEvmInputSchema, input, 'earned-value input');
  const { packages, excluded, currency } = workPackages(parsed);
  const { statusDate, method } = parsed;
  const measure = (p: WorkPackage): Measured => ({
    bac: p.bac,
    pv: upTo(p.daily, statusDate),
    ev: earnedAt(p, method, statusDate, statusDate),
    ac: upTo(p.actuals, statusDate),
  });
  const measured = packages.map((p) => ({ p, m: measure(p) }));
  const stageIds = [...new Set(packages.flatMap((p) => (p.task.stageId === undefined ? [] : [p.task.stageId])))];
  return {
    statusDate,
    currency,
    method,
    campaign: rowOf(sum(measured.map(({ m }) => m))),
    stages: stageIds.map((stageId) => {
      const members = measured.filter(({ p }) => p.task.stageId === stageId);
      return { stageId, taskIds: members.map(({ p }) => p.task.id), ...rowOf(sum(members.map(({ m }) => m))) };
    }),
    tasks: measured.map(({ p, m }) => ({ taskId: p.task.id, ...(p.task.stageId === undefined ? {} : { stageId: p.task.stageId }), ...rowOf(m) })),
    excluded,
  };
}
