import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';

const IdSchema = z.string().min(1).max(200);

/** Input of {@link traceTask}: only the ids and links are read, so full entities can be passed. */
export const TraceInputSchema = z.object({
  /** The task to trace. */
  task: z.object({
    /** Task id. */
    id: IdSchema,
    /** The campaign the task belongs to. */
    campaignId: IdSchema,
  }),
  /** Campaigns, with the key results and objectives they serve. */
  campaigns: z.array(
    z.object({
      /** Campaign id. */
      id: IdSchema,
      /** Key results the campaign serves. */
      keyResultIds: z.array(IdSchema).default([]),
      /** Objectives the campaign serves directly (without a key result). */
      objectiveIds: z.array(IdSchema).default([]),
    }),
  ),
  /** The objective tree. */
  objectives: z.array(
    z.object({
      /** Objective id. */
      id: IdSchema,
      /** Parent objective id. */
      parentId: IdSchema.optional(),
      /** Key results. */
      keyResults: z.array(z.object({ /** Key-result id. */ id: IdSchema })).default([]),
    }),
  ),
});
/** Input of {@link traceTask}. */
export type TraceInput = z.input<typeof TraceInputSchema>;

/** One path from a task up to the top of the strategy. */
export interface TraceChain {
  /** The task. */
  readonly taskId: string;
  /** Its campaign. */
  readonly campaignId: string;
  /** The key result the campaign serves; absent for an objective the campaign serves directly. */
  readonly keyResultId?: string;
  /** The objective, then its parent, up to the root. */
  readonly objectiveIds: readonly string[];
}

function notFound(kind: string, ids: readonly string[]): CampaignKitError {
  return new CampaignKitError('NOT_FOUND', `${kind} ${ids.join(', ')} not found`, { details: { ids } });
}

/**
 * Traces a task up to the strategy it supports: task → campaign → key result → objective →
 * parent objectives, one chain per key result the campaign serves, then one per objective it
 * serves directly and does not already reach through a key result.
 *
 * @throws CampaignKitError `NOT_FOUND` for a missing campaign, key result or parent objective,
 * `CYCLE` when objectives are each other's parents.
 * @example
 * ```ts
 * traceTask({
 *   task: { id: 't-video', campaignId: 'launch' },
 *   campaigns: [{ id: 'launch', keyResultIds: ['kr-leads'] }],
 *   objectives: [
 *     { id: 'grow', keyResults: [] },
 *     { id: 'pipeline', parentId: 'grow', keyResults: [{ id: 'kr-leads' }] },
 *   ],
 * });
 * // [{ taskId: 't-video', campaignId: 'launch', keyResultId: 'kr-leads', objectiveIds: ['pipeline', 'grow'] }]
 * ```
 */
export function traceTask(input: TraceInput): TraceChain[] {
  const { task, campaigns, objectives } = parseInput(TraceInputSchema, input, 'trace');
  const campaign = campaigns.find((c) => c.id === task.campaignId);
  if (!campaign) throw notFound('Campaign', [task.campaignId]);
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const ownerOfKeyResult = new Map(objectives.flatMap((o) => o.keyResults.map((kr) => [kr.id, o.id] as const)));

  const ancestry = (objectiveId: string): string[] => {
    const chain: string[] = [];
    let current: string | undefined = objectiveId;
    while (current !== undefined) {
      if (chain.includes(current)) {
        const cycle = [...chain.slice(chain.indexOf(current)), current];
        throw new CampaignKitError('CYCLE', `Objectives are each other's parents: ${cycle.join(' → ')}`, { details: { cycle } });
      }
      const objective = byId.get(current);
      if (!objective) throw notFound('Objective', [current]);
      chain.push(current);
      current = objective.parentId;
    }
    return chain;
  };

  const chains: TraceChain[] = campaign.keyResultIds.map((keyResultId) => {
    const owner = ownerOfKeyResult.get(keyResultId);
    if (owner === undefined) throw notFound('Key result', [keyResultId]);
    return { taskId: task.id, campaignId: campaign.id, keyResultId, objectiveIds: ancestry(owner) };
  });
  const reached = new Set(chains.map((c) => c.objectiveIds[0]));
  for (const objectiveId of campaign.objectiveIds) {
    if (!reached.has(objectiveId)) chains.push({ taskId: task.id, campaignId: campaign.id, objectiveIds: ancestry(objectiveId) });
  }
  return chains;
}
