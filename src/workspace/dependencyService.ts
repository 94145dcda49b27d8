import * as z from 'zod';
import { invalidField, parseInput } from '../core/validate.js';
import { DependencySchema, LinkTypeSchema, type Dependency, type DependencyInput } from '../model/dependency.js';
import { CampaignIdSchema, DependencyIdSchema, TaskIdSchema } from '../model/ids.js';
import { DurationInputSchema } from '../model/primitives.js';
import type { Page } from '../store/storageAdapter.js';
import { PageOptionsSchema, WriteOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { readOne, readPage } from './_reader.js';
import { reschedule } from './_reschedule.js';
import { campaignScope } from './_resources.js';
import { requireInCampaign } from './_references.js';
import { runCommand } from './_runCommand.js';
import type { CommandSession } from './_session.js';
import type { PageOptions, UpdateOptions } from './serviceTypes.js';

/** A new dependency: predecessor, successor, link type and lag; the campaign is the tasks'. */
export type NewDependency = Omit<DependencyInput, 'id' | 'campaignId'> & { readonly id?: string };

/** Changes to a dependency: its link type or lag. */
export interface DependencyChanges {
  /** Link type. */
  readonly type?: DependencyInput['type'];
  /** Lag (positive) or lead (negative). */
  readonly lag?: DependencyInput['lag'];
}

/** Filters and paging of {@link DependencyService.list}. */
export interface DependencyListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
  /** Only links into or out of this task. */
  readonly taskId?: string;
}

/** Dependencies between the tasks of a campaign; every change reschedules incrementally. */
export interface DependencyService {
  /**
   * Links two tasks of one campaign (`task.create`) and reschedules what the link reaches. A link
   * that would close a cycle is refused with `CYCLE` (`details.cycle` lists it) and nothing is
   * stored; so is a second link between the same two tasks (`VALIDATION`).
   *
   * @example
   * ```ts
   * await workspace.dependencies.add({ from: 'brief', to: 'design' });
   * // { id: 'dependency-1', campaignId: 'launch', from: 'brief', to: 'design', type: 'FS', lag: '0d' }
   * await workspace.dependencies.add({ from: 'design', to: 'brief' }); // throws CYCLE: design -> brief -> design
   * ```
   */
  add(input: NewDependency): Promise<Dependency>;
  /** Changes a link's type or lag (`task.update`). */
  update(id: string, changes: DependencyChanges, options?: UpdateOptions): Promise<Dependency>;
  /** Removes a link (`task.delete`). */
  remove(id: string, options?: UpdateOptions): Promise<void>;
  /** One dependency (`task.read`). */
  get(id: string): Promise<Dependency>;
  /** A campaign's dependencies, optionally those of one task. */
  list(options: DependencyListOptions): Promise<Page<Dependency>>;
}

const NewSchema = z.object({
  /** Id. */
  id: DependencyIdSchema.optional(),
  /** Predecessor. */
  from: TaskIdSchema,
  /** Successor. */
  to: TaskIdSchema,
  /** Link type. */
  type: LinkTypeSchema.optional(),
  /** Lag. */
  lag: DurationInputSchema.optional(),
});
const ChangesSchema = z.strictObject({
  /** Link type. */
  type: LinkTypeSchema.optional(),
  /** Lag. */
  lag: DurationInputSchema.optional(),
});
const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Task. */
  taskId: TaskIdSchema.optional(),
});

/**
 * Loads both ends of a link, authorizes `task.create` in the predecessor's campaign (an actor
 * without a role there learns only that there is no such task) and checks the successor is in the
 * same campaign; returns the campaign.
 */
async function campaignOfLink(session: CommandSession, from: string, to: string): Promise<string> {
  const predecessor = await session.require('task', from);
  const { campaignId } = predecessor;
  session.authorize('task.create', { ...campaignScope('task', campaignId), id: from });
  await requireInCampaign(session, 'task', to, campaignId, 'dependency', ['to']);
  return campaignId;
}

/** Builds the dependency service of a workspace. */
export function createDependencyService(ctx: WorkspaceContext): DependencyService {
  return {
    async add(input) {
      const parsed = parseInput(NewSchema, input, 'dependency');
      if (parsed.from === parsed.to) throw invalidField('dependency', ['to'], 'a task cannot depend on itself');
      const id = parsed.id ?? ctx.ids.next('dependency');
      return runCommand(ctx, { name: 'dependency.add', target: { type: 'dependency', id } }, async (session) => {
        const campaignId = await campaignOfLink(session, parsed.from, parsed.to);
        await session.reserve('dependency', id);
        const dependency = parseInput(DependencySchema, { ...parsed, id, campaignId }, 'dependency');
        session.change((state) => {
          state.dependency[id] = dependency;
        });
        const { from, to, type, lag } = dependency;
        await reschedule(session, campaignId, [{ kind: 'addLink', link: { from, to, type, lag } }]);
        session.emit('dependency.added', { type: 'dependency', id }, { dependency });
        return dependency;
      });
    },

    async update(id, changes, options = {}) {
      const dependencyId = parseInput(DependencyIdSchema, id, 'dependency id');
      const parsed = parseInput(ChangesSchema, changes, 'dependency changes');
      const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
      return runCommand(ctx, { name: 'dependency.update', target: { type: 'dependency', id: dependencyId } }, async (session) => {
        const current = await session.require('dependency', dependencyId, expectedVersion);
        session.authorize('task.update', campaignScope('dependency', current.campaignId));
        const next = parseInput(DependencySchema, { ...current, ...parsed }, 'dependency');
        if (next.type === current.type && next.lag === current.lag) return current;
        session.change((state) => {
          state.dependency[dependencyId] = next;
        });
        await reschedule(session, current.campaignId, [
          { kind: 'removeLink', from: current.from, to: current.to },
          { kind: 'addLink', link: { from: next.from, to: next.to, type: next.type, lag: next.lag } },
        ]);
        session.emit('dependency.removed', { type: 'dependency', id: dependencyId }, { dependency: current });
        session.emit('dependency.added', { type: 'dependency', id: dependencyId }, { dependency: next });
        return next;
      });
    },

    async remove(id, options = {}) {
      const dependencyId = parseInput(DependencyIdSchema, id, 'dependency id');
      const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
      await runCommand(ctx, { name: 'dependency.remove', target: { type: 'dependency', id: dependencyId } }, async (session) => {
        const dependency = await session.require('dependency', dependencyId, expectedVersion);
        session.authorize('task.delete', campaignScope('dependency', dependency.campaignId));
        session.change((state) => {
          delete state.dependency[dependencyId];
        });
        await reschedule(session, dependency.campaignId, [{ kind: 'removeLink', from: dependency.from, to: dependency.to }]);
        session.emit('dependency.removed', { type: 'dependency', id: dependencyId }, { dependency });
      });
    },

    get: async (id) => readOne(ctx, 'dependency', parseInput(DependencyIdSchema, id, 'dependency id')),

    async list(options) {
      const { campaignId, taskId, ...page } = parseInput(ListSchema, options, 'dependency list options');
      return readPage<'dependency'>(ctx, { type: 'dependency', campaignId, ...page, ...(taskId === undefined ? {} : { where: (d) => d.from === taskId || d.to === taskId }) });
    },
  };
}
