import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { measureKeyResults } from '../kpi/measureKeyResults.js';
import { rollupObjectives, type ObjectiveRollup } from '../kpi/rollupObjectives.js';
import { IsoDateSchema } from '../model/primitives.js';
import type { WorkspaceContext } from './_context.js';
import { assertCanList, canList, readEvery, readEveryStored } from './_reader.js';
import type { ObjectiveRollupOptions } from './objectiveService.js';

const RollupSchema = z.strictObject({
  /** Day. */
  asOf: IsoDateSchema,
});

/**
 * `objectives.rollup`: `rollupObjectives` on the stored objectives, with each key result's current
 * value measured by `measureKeyResults` from the measurements of the campaigns that serve it, and
 * the tasks of the campaigns naming an objective as its `tasks` and `milestones` work. Only
 * campaigns whose KPIs the actor may read contribute.
 */
export async function rollupOf(ctx: WorkspaceContext, options: ObjectiveRollupOptions): Promise<ObjectiveRollup[]> {
  const { asOf } = parseInput(RollupSchema, options, 'rollup options');
  assertCanList(ctx, 'objective', undefined);
  const [objectives, stored] = await Promise.all([readEveryStored(ctx, 'objective', undefined), readEveryStored(ctx, 'campaign', undefined)]);
  const campaigns = stored.filter((c) => canList(ctx, 'measurement', c.id));
  const parts = await Promise.all(
    campaigns.map(async (campaign) => {
      const [measurements, tasks] = await Promise.all([readEvery(ctx, 'measurement', campaign.id), campaign.objectiveIds.length === 0 ? [] : readEveryStored(ctx, 'task', campaign.id)]);
      const work = tasks.flatMap((t) => campaign.objectiveIds.map((objectiveId) => ({ objectiveId, statusCategory: t.statusCategory, milestone: t.milestone })));
      return { measurements, work };
    }),
  );
  const currentValues = measureKeyResults(
    { objectives, campaigns: campaigns.map((c) => ({ id: c.id, keyResultIds: c.keyResultIds })), measurements: parts.flatMap((p) => p.measurements) },
    { registry: ctx.metrics },
  );
  return rollupObjectives({ objectives, asOf, work: parts.flatMap((p) => p.work), currentValues });
}
