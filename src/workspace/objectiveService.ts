import { parseInput } from '../core/validate.js';
import { ObjectiveIdSchema } from '../model/ids.js';
import { ObjectiveSchema, type Objective, type ObjectiveInput } from '../model/objective.js';
import type { Page } from '../store/storageAdapter.js';
import { changesSchema, PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from './_entityCommands.js';
import { assertCanList, readOne, readPage } from './_reader.js';
import type { Changes, PageOptions, UpdateOptions } from './serviceTypes.js';
import { rollupOf } from './_objectiveQueries.js';
import type { ObjectiveRollup } from '../kpi/rollupObjectives.js';

/** A new objective, `id` optional. */
export type NewObjective = Omit<ObjectiveInput, 'id'> & { readonly id?: string };
/** Changes to an objective; `null` clears an optional field. */
export type ObjectiveChanges = Changes<Omit<ObjectiveInput, 'id'>>;

/**
 * Objectives (OKR) with their key results. They belong to the workspace, not to one campaign
 * (campaigns name the objectives they serve), so their permissions (`kpi.write`, `kpi.read`) must
 * be granted workspace-wide.
 */
export interface ObjectiveService {
  /**
   * Creates an objective (`kpi.write`).
   *
   * @example
   * ```ts
   * await workspace.objectives.create({ id: 'o-leads', name: 'Grow qualified leads', periodStart: '2026-01-01', periodEnd: '2026-06-30',
   *   keyResults: [{ id: 'kr-1', name: '5,000 qualified leads', metric: 'leads', target: 5000 }] });
   * ```
   */
  create(input: NewObjective): Promise<Objective>;
  /** Changes an objective (`kpi.write`). */
  update(id: string, changes: ObjectiveChanges, options?: UpdateOptions): Promise<Objective>;
  /** Deletes an objective (`kpi.write`). */
  delete(id: string, options?: UpdateOptions): Promise<void>;
  /** One objective (`kpi.read`). */
  get(id: string): Promise<Objective>;
  /** Every objective, by id. */
  list(options?: PageOptions): Promise<Page<Objective>>;
  /**
   * The OKR rollup at a day (`kpi.read` workspace-wide): every objective's progress and pace from
   * its key results, their values measured from the stored measurements of the campaigns serving
   * them (`campaign.keyResultIds`), and the tasks of the campaigns naming it (`campaign.objectiveIds`).
   *
   * @example
   * ```ts
   * (await workspace.objectives.rollup({ asOf: '2026-04-30' }))[0];
   * // { id: 'o-leads', progress: 0.4, status: 'onTrack', keyResults: [{ id: 'kr-1', current: 2000, ... }], ... }
   * ```
   */
  rollup(options: ObjectiveRollupOptions): Promise<ObjectiveRollup[]>;
}

/** Options of {@link ObjectiveService.rollup}. */
export interface ObjectiveRollupOptions {
  /** The day to judge at, `YYYY-MM-DD`. */
  readonly asOf: string;
}

const SPEC: EntitySpec<'objective'> = {
  type: 'objective',
  schema: ObjectiveSchema,
  changes: changesSchema(ObjectiveSchema.shape, { id: 'an objective keeps its id' }),
  commands: { create: 'objective.create', update: 'objective.update', delete: 'objective.delete' },
  permission: 'kpi.write',
  created: (session, objective) => session.emit('objective.created', { type: 'objective', id: objective.id }, { objective }),
  updated: (session, objective, fields) => session.emit('objective.updated', { type: 'objective', id: objective.id }, { objective, fields }),
  deleted: (session, objective) => session.emit('objective.deleted', { type: 'objective', id: objective.id }, { objectiveId: objective.id }),
};

/** Builds the objective service of a workspace. */
export function createObjectiveService(ctx: WorkspaceContext): ObjectiveService {
  return {
    create: async (input) => createEntity(ctx, SPEC, input),
    update: async (id, changes, options) => updateEntity(ctx, SPEC, parseInput(ObjectiveIdSchema, id, 'objective id'), changes, options),
    delete: async (id, options) => deleteEntity(ctx, SPEC, parseInput(ObjectiveIdSchema, id, 'objective id'), options),
    get: async (id) => readOne(ctx, 'objective', parseInput(ObjectiveIdSchema, id, 'objective id')),
    async list(options = {}) {
      assertCanList(ctx, 'objective', undefined);
      return readPage<'objective'>(ctx, { type: 'objective', ...parseInput(PageOptionsSchema, options, 'objective list options') });
    },
    rollup: async (options) => rollupOf(ctx, options),
  };
}
