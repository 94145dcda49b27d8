import * as z from 'zod';
import { invalidField, parseInput } from '../core/validate.js';
import { CampaignIdSchema, LessonIdSchema } from '../model/ids.js';
import { LessonSchema, type Lesson, type LessonInput } from '../model/lesson.js';
import type { Page } from '../store/storageAdapter.js';
import { changesSchema, PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { addEntity, deleteEntity, updateEntity, type EntitySpec } from './_entityCommands.js';
import { searchLessons } from './_lessonSearch.js';
import { assertCanList, readOne, readPage, readVersioned } from './_reader.js';
import { runCommand } from './_runCommand.js';
import { sameJson } from './_sameJson.js';
import type { Changes, PageOptions, UpdateOptions, VersionedRecord } from './serviceTypes.js';

/** A lesson to record; `id` optional. Who recorded it and when are set by the workspace. */
export type NewLesson = Omit<LessonInput, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'> & { readonly id?: string };

/** Changes to a lesson: its text, category, tags and metric; `null` clears the category or metric. */
export type LessonChanges = Changes<Pick<LessonInput, 'text' | 'category' | 'tags' | 'metric'>>;

/** Paging of {@link LessonService.list}. */
export interface LessonListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
}

/** Filters of {@link LessonService.search}; a lesson must pass every one given. */
export interface LessonSearchOptions {
  /** Words, each of which must appear (case-insensitive) in the text, category or a tag; text without spaces such as `预算超支` is one word, matched as a substring. */
  readonly query?: string;
  /** Only lessons of this category (case-insensitive). */
  readonly category?: string;
  /** Only lessons carrying every one of these tags (case-insensitive). */
  readonly tags?: readonly string[];
  /** Only lessons about this KPI metric (an alias finds the metric it stands for). */
  readonly metric?: string;
  /** The campaigns to search; every campaign whose lessons the actor may read when absent. */
  readonly campaignIds?: readonly string[];
  /** At most this many hits, 1–1000; default 100. */
  readonly limit?: number;
}

/** A lesson {@link LessonService.search} found, with the name of the campaign it was learned in. */
export interface LessonSearchHit {
  /** The lesson. */
  readonly lesson: Lesson;
  /** Its campaign's name. */
  readonly campaignName: string;
}

/**
 * Lessons learned in campaigns' retrospectives (复盘), kept per campaign and searchable across
 * campaigns. Recording, changing and deleting one is the campaign manager's act
 * (`campaign.update`); whoever reads the campaign's schedule (`task.read`, or `report.read` for
 * executives) reads its lessons. `campaigns.saveAsTemplate` copies them into the template.
 */
export interface LessonService {
  /**
   * Records a lesson of a campaign (`campaign.update`). A `taskId` must name a task of the campaign,
   * a `metric` a metric of the workspace's registry. Announces `lesson.recorded`.
   *
   * @example
   * ```ts
   * await workspace.lessons.create({ campaignId: 'launch', text: 'KOL posts booked two weeks ahead ran late; book three weeks ahead',
   *   category: 'schedule', tags: ['kol'], stageId: 'execution' });
   * // { id: 'lesson-1', campaignId: 'launch', ..., createdBy: 'm-li', createdAt: '2026-03-02T09:00:00.000Z' }
   * ```
   */
  create(input: NewLesson): Promise<Lesson>;
  /**
   * Changes a lesson's text, category, tags or metric (`campaign.update`) and stamps `updatedAt`.
   * Announces `lesson.updated` with the fields that changed.
   *
   * @example
   * ```ts
   * await workspace.lessons.update('lesson-1', { tags: ['kol', 'douyin'] }, { expectedVersion: 1 });
   * // { id: 'lesson-1', tags: ['kol', 'douyin'], updatedAt: '2026-03-09T10:00:00.000Z', ... }
   * ```
   */
  update(id: string, changes: LessonChanges, options?: UpdateOptions): Promise<Lesson>;
  /**
   * Deletes a lesson (`campaign.update`); `audit.undoLast` brings it back. Announces `lesson.deleted`.
   *
   * @example
   * ```ts
   * await workspace.lessons.delete('lesson-1');
   * ```
   */
  delete(id: string, options?: UpdateOptions): Promise<void>;
  /**
   * One lesson (`task.read` or `report.read`).
   *
   * @example
   * ```ts
   * (await workspace.lessons.get('lesson-1')).text; // 'KOL posts booked two weeks ahead ran late; ...'
   * ```
   */
  get(id: string): Promise<Lesson>;
  /**
   * One lesson with its version, for `expectedVersion` (`task.read` or `report.read`).
   *
   * @example
   * ```ts
   * const { data, version } = await workspace.lessons.getVersioned('lesson-1');
   * await workspace.lessons.update('lesson-1', { text: `${data.text} (confirmed)` }, { expectedVersion: version });
   * ```
   */
  getVersioned(id: string): Promise<VersionedRecord<Lesson>>;
  /**
   * A campaign's lessons, by id (`task.read` or `report.read`).
   *
   * @example
   * ```ts
   * (await workspace.lessons.list({ campaignId: 'launch' })).items.map((l) => l.id); // ['lesson-1', 'lesson-2']
   * ```
   */
  list(options: LessonListOptions): Promise<Page<Lesson>>;
  /**
   * Lessons across campaigns: those of the named campaigns (each must let the actor read its
   * lessons), or of every campaign whose lessons the actor may read, that pass every filter given,
   * newest first, each with its campaign's name.
   *
   * @example
   * ```ts
   * (await workspace.lessons.search({ query: '预算超支', category: 'budget' })).map((hit) => [hit.campaignName, hit.lesson.text]);
   * // [['Spring launch', '展位搭建预算超支 20%：提前锁定报价'], ...]
   * ```
   */
  search(options?: LessonSearchOptions): Promise<LessonSearchHit[]>;
}

const SET_BY_WORKSPACE = 'set by the workspace when the lesson is recorded or changed';

/** A key a caller may not give: refused with `message`. */
function refused(message: string) {
  return z
    .unknown()
    .refine(() => false, { message })
    .optional();
}

const NewSchema = z.strictObject({
  ...LessonSchema.omit({ id: true, createdBy: true, createdAt: true, updatedAt: true }).shape,
  /** Optional id. */
  id: LessonIdSchema.optional(),
  /** Refused. */
  createdBy: refused(SET_BY_WORKSPACE),
  /** Refused. */
  createdAt: refused(SET_BY_WORKSPACE),
  /** Refused. */
  updatedAt: refused(SET_BY_WORKSPACE),
});

const KEPT = 'a lesson keeps the stage and task it is about; record a new lesson instead';

const SPEC: EntitySpec<'lesson'> = {
  type: 'lesson',
  schema: LessonSchema,
  changes: changesSchema(LessonSchema.shape, {
    id: 'a lesson keeps its id',
    campaignId: 'a lesson cannot move to another campaign; record it there instead',
    stageId: KEPT,
    taskId: KEPT,
    createdBy: SET_BY_WORKSPACE,
    createdAt: SET_BY_WORKSPACE,
    updatedAt: SET_BY_WORKSPACE,
  }),
  commands: { create: 'lesson.create', update: 'lesson.update', delete: 'lesson.delete' },
  // A retrospective is the campaign manager's act, so its lessons are written as the campaign is.
  permission: 'campaign.update',
  references: { taskId: 'task' },
  created: (session, lesson) => session.emit('lesson.recorded', { type: 'lesson', id: lesson.id }, { lesson }),
  updated: (session, lesson, fields) => session.emit('lesson.updated', { type: 'lesson', id: lesson.id }, { lesson, fields }),
  deleted: (session, lesson) => session.emit('lesson.deleted', { type: 'lesson', id: lesson.id }, { lessonId: lesson.id }),
};

const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
}).strict();

/** Builds the lesson service of a workspace. */
export function createLessonService(ctx: WorkspaceContext): LessonService {
  const knownMetric = (metric: unknown) => {
    if (typeof metric === 'string' && ctx.metrics.get(metric) === undefined) {
      throw invalidField('lesson', ['metric'], `unknown metric '${metric}'; register it with createMetricRegistry and pass it as the workspace's metrics`);
    }
  };
  const lessonId = (id: string) => parseInput(LessonIdSchema, id, 'lesson id');
  return {
    async create(input) {
      const parsed = parseInput(NewSchema, input, 'lesson');
      knownMetric(parsed.metric);
      const id = parsed.id ?? ctx.ids.next('lesson');
      return runCommand(ctx, { name: SPEC.commands.create, target: { type: 'lesson', id } }, async (session) => {
        const lesson = parseInput(LessonSchema, { ...parsed, id, createdBy: ctx.actor.id, createdAt: session.at }, 'lesson');
        return addEntity(session, SPEC, lesson);
      });
    },
    async update(id, changes, options) {
      knownMetric((changes as { metric?: unknown } | null | undefined)?.metric);
      // An update that changes nothing stays a no-op: it is stamped only when something changed.
      return updateEntity(ctx, SPEC, lessonId(id), changes, options, (before, after, session) => (sameJson(before, after) ? after : { ...after, updatedAt: session.at }));
    },
    delete: async (id, options) => deleteEntity(ctx, SPEC, lessonId(id), options),
    get: async (id) => readOne(ctx, 'lesson', lessonId(id)),
    getVersioned: async (id) => readVersioned(ctx, 'lesson', lessonId(id)),
    async list(options) {
      const query = parseInput(ListSchema, options, 'lesson list options');
      assertCanList(ctx, 'lesson', query.campaignId);
      return readPage<'lesson'>(ctx, { type: 'lesson', ...query });
    },
    search: async (options = {}) => searchLessons(ctx, options),
  };
}
