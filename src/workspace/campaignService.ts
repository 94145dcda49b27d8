import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { CAMPAIGN_STATUSES, CampaignSchema, type Campaign, type CampaignInput, type CampaignStatus } from '../model/campaign.js';
import { CampaignIdSchema } from '../model/ids.js';
import type { DurationInput } from '../model/primitives.js';
import type { ProcessTemplate, ProcessTemplateInput, StoredStage } from '../model/template.js';
import { saveAsTemplateOf, stagesOf } from './_templateQueries.js';
import { transitionCampaign } from '../workflow/status/campaignWorkflow.js';
import type { ScheduleResult } from '../schedule/scheduleProject.js';
import type { Reminder } from '../workflow/reminders/dueReminders.js';
import type { Risk } from '../workflow/reminders/risks.js';
import type { Page } from '../store/storageAdapter.js';
import { changesSchema, merge, PageOptionsSchema, WriteOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { parseNew } from './_input.js';
import { assertCanList, readOne, readPage } from './_reader.js';
import { requirePeopleOf } from './_references.js';
import { isWorkspaceWide, RECORD_TYPES } from './_records.js';
import { reschedule } from './_reschedule.js';
import { campaignScope, resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import { assignFields } from './_sameJson.js';
import { instantiateTemplateCommand } from './_instantiate.js';
import { remindersOf, risksOf } from './_workflowQueries.js';
import { readSchedule } from './_readSchedule.js';
import { baselinesOf, compareToBaselineOf, deleteBaselineCommand, saveBaselineCommand } from './_baselines.js';
import type { StoredBaseline } from '../model/baseline.js';
import type { BaselineVariance } from '../schedule/baseline.js';
import type { CampaignEvm } from '../budget/evm/campaignEvm.js';
import type { SCurve } from '../budget/evm/sCurve.js';
import { evmReportOf } from './_budgetQueries.js';
import type { Changes, PageOptions, UpdateOptions } from './serviceTypes.js';
import type { MspdiWarning } from '../interop/mspdi/mspdiWarning.js';
import { exportMspdiOf, importMspdiCommand } from './_mspdiCommands.js';

/** A new campaign: its fields, with `id` optional (the workspace's id generator fills it in). */
export type NewCampaign = Omit<CampaignInput, 'id'> & { readonly id?: string };

/** Changes to a campaign; `null` clears an optional field. */
export type CampaignChanges = Changes<Omit<CampaignInput, 'id'>>;

/** Options of `campaigns.instantiateTemplate`. */
export interface InstantiateTemplateOptions {
  /** Who holds each stage role, e.g. `{ legal: ['m-zhou'] }`; otherwise the member directory decides. */
  readonly assignees?: Readonly<Record<string, readonly string[]>>;
  /** Stage durations replacing the template's, by stage id. */
  readonly durations?: Readonly<Record<string, DurationInput>>;
  /** Prefix for every generated id, so one campaign can hold two instances of a template. */
  readonly idPrefix?: string;
}

/** What an instantiation stored. */
export interface InstantiatedPlan {
  /** Ids of the tasks created, stage by stage. */
  readonly taskIds: readonly string[];
  /** Ids of the dependencies created. */
  readonly dependencyIds: readonly string[];
  /** Ids of the draft approvals created. */
  readonly approvalIds: readonly string[];
  /** Ids of the stage plans stored, in template order. */
  readonly stageIds: readonly string[];
  /** Stage owner roles nobody holds: their tasks have no owner yet. */
  readonly unassignedRoles: readonly string[];
}

/** Options of {@link CampaignService.importMspdi}. */
export interface ImportMspdiOptions {
  /** Id of the new campaign (default: a new one from the id generator). */
  readonly id?: string;
  /** Its name (default: the project's name). */
  readonly name?: string;
  /** Accountable member, who must be active. */
  readonly ownerId: string;
  /** Currency of its budget (ISO 4217). */
  readonly currency: string;
  /** Prefix of every id made from the file (default `${campaignId}-`), since ids are unique across the workspace. */
  readonly idPrefix?: string;
  /** Planned first day (default: the day of the project's start). */
  readonly plannedStart?: string;
}

/** What {@link CampaignService.importMspdi} stored. */
export interface MspdiImport {
  /** The campaign created. */
  readonly campaign: Campaign;
  /** Ids of the tasks created, in the file's outline order. */
  readonly taskIds: readonly string[];
  /** Ids of the dependencies created. */
  readonly dependencyIds: readonly string[];
  /** Ids of the calendars created. */
  readonly calendarIds: readonly string[];
  /** Names of the baselines stored (`Baseline`, `Baseline1`, …). */
  readonly baselineNames: readonly string[];
  /** What the file has that could not be read as written, and how it was read instead. */
  readonly warnings: readonly MspdiWarning[];
}

/** Options of {@link CampaignService.reminders}. */
export interface ReminderQueryOptions {
  /** How far ahead "due soon" looks, in working hours (default 8); delegates of absent approvers are told from the stored delegations. */
  readonly leadHours?: number;
}

/** Which baseline: options of {@link CampaignService.saveBaseline} and its companions. */
export interface BaselineOptions {
  /** The baseline's name (default `'Baseline'`, as Project's first). */
  readonly name?: string;
}

/** A campaign's schedule now against one of its baselines. */
export interface BaselineComparison {
  /** The baseline compared with. */
  readonly baseline: { readonly name: string; readonly savedAt: string; readonly savedBy: string };
  /** Each task's variance; start and finish variance in working minutes on the campaign's calendar, positive when later. */
  readonly tasks: readonly BaselineVariance[];
}

/** Input of {@link CampaignService.transition}. */
export interface CampaignTransitionInput {
  /** The status to move to. */
  readonly to: CampaignStatus;
  /** Why; required to pause or cancel. */
  readonly comment?: string;
}

/** Options of {@link CampaignService.saveAsTemplate}. */
export interface SaveAsTemplateOptions {
  /** Id of the new template. */
  readonly id: string;
  /** Its name. */
  readonly name: string;
  /** What it is for. */
  readonly description?: string;
  /** Role (or department) each member played, for owner and approver roles; wins over their department in the directory. */
  readonly roleOf?: Readonly<Record<string, string>>;
  /** `planned` durations as scheduled (default), or `actual` durations as the campaign ran. */
  readonly durations?: 'planned' | 'actual';
}

/** Options of {@link CampaignService.evm}. */
export interface EvmQueryOptions {
  /** The status date `YYYY-MM-DD`: PV and AC count everything up to and including it. */
  readonly statusDate: string;
  /** How EV is measured: `percentComplete` (default), `physical` or `milestones`. */
  readonly method?: 'percentComplete' | 'physical' | 'milestones';
  /** Period of the S-curve's points: `day`, ISO `week` (default) or `month`. */
  readonly period?: 'day' | 'week' | 'month';
}

/** Earned value of a stored campaign at a status date, with its S-curve. */
export interface CampaignEvmReport extends CampaignEvm {
  /** PV, EV and AC per period and cumulative, for the chart. */
  readonly sCurve: SCurve;
}

/** Filters and paging of {@link CampaignService.list}. */
export interface CampaignListOptions extends PageOptions {
  /** Only campaigns with this status. */
  readonly status?: CampaignStatus;
}

/** Campaigns: the aggregate that owns tasks, budgets and KPI targets. */
export interface CampaignService {
  /**
   * Creates a campaign (permission `campaign.create`, workspace-wide) and its empty schedule.
   *
   * @example
   * ```ts
   * await workspace.campaigns.create({ id: 'launch', name: 'Spring launch', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY' });
   * // { id: 'launch', name: 'Spring launch', status: 'draft', objectiveIds: [], channels: [], tags: [], ... }
   * ```
   */
  create(input: NewCampaign): Promise<Campaign>;
  /** One campaign (`campaign.read`). */
  get(id: string): Promise<Campaign>;
  /** Campaigns the actor may read, by id, optionally of one status. */
  list(options?: CampaignListOptions): Promise<Page<Campaign>>;
  /**
   * Changes a campaign (`campaign.update`). A new `plannedStart` or `calendarId` reschedules its
   * tasks in the same transaction.
   *
   * @example
   * ```ts
   * await workspace.campaigns.update('launch', { plannedStart: '2026-03-09' }); // tasks move a week later
   * ```
   */
  update(id: string, changes: CampaignChanges, options?: UpdateOptions): Promise<Campaign>;
  /**
   * Deletes a campaign with everything stored under it (`campaign.delete`): tasks, dependencies,
   * calendars, budget, KPIs, approvals, comments, attachments, lessons. One command, so one undo
   * restores it all.
   */
  delete(id: string, options?: UpdateOptions): Promise<void>;
  /**
   * Schedules the campaign from scratch and stores the dates that differ (`campaign.update`);
   * returns the whole schedule.
   *
   * @example
   * ```ts
   * (await workspace.campaigns.scheduleCampaign('launch')).finish; // '2026-03-09T17:00'
   * ```
   */
  scheduleCampaign(id: string): Promise<ScheduleResult>;
  /** The campaign's current schedule: dates, floats, critical path and issues (`task.read` or `report.read`). */
  getSchedule(id: string): Promise<ScheduleResult>;
  /**
   * Turns a process template into the campaign's tasks, dependencies and draft approvals in one
   * command (`task.create`), scheduled from the campaign's planned start.
   *
   * @example
   * ```ts
   * await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, { assignees: { legal: ['m-zhou'] } });
   * // { taskIds: ['research', ...], dependencyIds: [...], approvalIds: ['review-approval'], unassignedRoles: [] }
   * ```
   */
  instantiateTemplate(id: string, template: ProcessTemplateInput, options?: InstantiateTemplateOptions): Promise<InstantiatedPlan>;
  /** Tasks and approval stages due soon or overdue now, and whom to tell (`task.read`). */
  reminders(id: string, options?: ReminderQueryOptions): Promise<Reminder[]>;
  /** Delay risks now: deadlines at risk, critical tasks not started, float consumed (`task.read`). */
  risks(id: string): Promise<Risk[]>;
  /**
   * Moves the campaign along its lifecycle (`campaign.update`): draft → approved once its
   * initiation approval (an approval whose subject is the campaign) is approved, approved → active,
   * active ⇄ paused (pausing needs a comment), active → closed once every task is done or
   * cancelled, and any open status → cancelled (with a comment). Announces `campaign.statusChanged`.
   *
   * @example
   * ```ts
   * await workspace.campaigns.transition('launch', { to: 'approved' }); // { id: 'launch', status: 'approved', ... }
   * ```
   */
  transition(id: string, input: CampaignTransitionInput): Promise<Campaign>;
  /**
   * Saves the campaign's current schedule as a named baseline (`campaign.update`), replacing one of
   * the same name, as Project's Baseline, Baseline1 … Baseline10 are set again. A campaign may
   * keep any number of them.
   *
   * @example
   * ```ts
   * await workspace.campaigns.saveBaseline('launch', { name: 'Baseline' });
   * // { id: 'baseline-1', name: 'Baseline', savedAt: '2026-03-02T09:00:00.000Z', tasks: { brief: { start: '2026-03-02T08:00', ... } } }
   * ```
   */
  saveBaseline(id: string, options?: BaselineOptions): Promise<StoredBaseline>;
  /** The campaign's baselines, by name (`task.read` or `report.read`). */
  baselines(id: string): Promise<StoredBaseline[]>;
  /**
   * The schedule now against a named baseline (`task.read` or `report.read`): start and finish
   * variance in working minutes on the campaign's calendar (positive = later), duration variance
   * in minutes, and tasks added or removed since. `NOT_FOUND` when there is no baseline of that name.
   *
   * @example
   * ```ts
   * (await workspace.campaigns.compareToBaseline('launch')).tasks[0];
   * // { id: 'brief', status: 'compared', startVariance: 0, finishVariance: 480, durationVariance: 480 }
   * ```
   */
  compareToBaseline(id: string, options?: BaselineOptions): Promise<BaselineComparison>;
  /**
   * Earned value at a status date per task, stage and campaign, and the S-curve (`budget.read` and
   * `task.read`), from the stored records alone: PV from the budget lines whose `taskId` names a
   * task, spread over the task's working days in the stored schedule on its calendar; EV from the
   * tasks' percent complete; AC from the actual expenses recorded up to the status date.
   *
   * @example
   * ```ts
   * (await workspace.campaigns.evm('expo', { statusDate: '2026-04-02' })).campaign;
   * // { bac: 40000, pv: 20000, ev: 16000, ac: 25000, sv: -4000, cv: -9000, spi: 0.8, cpi: 0.64, ... }
   * ```
   */
  evm(id: string, options: EvmQueryOptions): Promise<CampaignEvmReport>;
  /** The campaign's stage plans as `instantiateTemplate` stored them (`task.read` or `report.read`), by planned start. */
  stages(id: string): Promise<StoredStage[]>;
  /**
   * The campaign saved as a new process template (`task.read` and `template.read`): its stages
   * with their names, owner roles, inputs, outputs and SLAs from the stored stage plans, tasks,
   * checklists, acceptance criteria, links and approval steps; with `durations: 'actual'` how long
   * each stage really took on the campaign's calendar; and the campaign's lessons learned, oldest
   * first, as the template's `lessons`. Nothing is stored.
   *
   * @example
   * ```ts
   * const next = await workspace.campaigns.saveAsTemplate('launch', { id: 'launch-2027', name: 'Launch 2027', durations: 'actual' });
   * next.stages.map((s) => [s.id, s.name, s.duration]); // [['research', 'Demand research', '4d'], ...]
   * next.lessons; // [{ text: 'Book KOL posts three weeks ahead', category: 'schedule', tags: ['kol'] }, ...]
   * ```
   */
  saveAsTemplate(id: string, options: SaveAsTemplateOptions): Promise<ProcessTemplate>;
  /** Deletes a named baseline (`campaign.update`); `NOT_FOUND` when there is none of that name. */
  deleteBaseline(id: string, options?: BaselineOptions): Promise<void>;
  /**
   * Creates a campaign from a Microsoft Project XML (MSPDI) file in one command
   * (`campaign.create` workspace-wide and `task.create`): its calendars, tasks with their outline,
   * durations, milestones, constraints, deadlines, calendars, actuals and percent complete,
   * dependencies with type and lag, and saved baselines, every id prefixed with `idPrefix`; then
   * schedules it. A file that does not parse, or holds something the workspace cannot store,
   * stores nothing.
   *
   * @example
   * ```ts
   * const imported = await workspace.campaigns.importMspdi(readFileSync('plan.xml', 'utf8'), { id: 'expo', ownerId: 'm-li', currency: 'CNY' });
   * // { campaign: { id: 'expo', name: 'Expo 2026', ... }, taskIds: ['expo-1', 'expo-2', ...], baselineNames: ['Baseline'], warnings: [] }
   * ```
   */
  importMspdi(xml: string, options: ImportMspdiOptions): Promise<MspdiImport>;
  /**
   * The campaign as Microsoft Project XML (`task.read` or `report.read`): its calendars, tasks,
   * dependencies, scheduled dates and the baselines whose names Project has a field for
   * (`Baseline`, `Baseline1` … `Baseline10`). `parseMspdi` reads it back to the same tasks and links.
   *
   * @example
   * ```ts
   * const xml = await workspace.campaigns.exportMspdi('launch');
   * parseMspdi(xml).tasks.map((t) => t.id); // ['brief', 'design', ...]
   * ```
   */
  exportMspdi(id: string): Promise<string>;
}

const CampaignChangesSchema = changesSchema(CampaignSchema.shape, {
  id: 'a campaign keeps its id; create a new campaign instead',
  status: 'a campaign changes status only through campaigns.transition, which checks its guards',
});
const ListSchema = PageOptionsSchema.extend({
  /** Status filter. */
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});
const SCHEDULE_FIELDS = new Set(['plannedStart', 'calendarId']);

/** Builds the campaign service of a workspace. */
export function createCampaignService(ctx: WorkspaceContext): CampaignService {
  return {
    async create(input) {
      const campaign = parseNew(CampaignSchema, input, () => ctx.ids.next('campaign'), 'campaign');
      return runCommand(ctx, { name: 'campaign.create', target: { type: 'campaign', id: campaign.id } }, async (session) => {
        session.authorize('campaign.create', campaignScope('campaign', undefined));
        await requirePeopleOf(session, campaign, 'campaign');
        await session.reserve('campaign', campaign.id);
        session.change((draft) => {
          draft.campaign[campaign.id] = campaign;
        });
        await reschedule(session, campaign.id, [{ kind: 'rebuild' }]);
        session.emit('campaign.created', { type: 'campaign', id: campaign.id }, { campaign });
        return campaign;
      });
    },

    get: async (id) => readOne(ctx, 'campaign', parseInput(CampaignIdSchema, id, 'campaign id')),

    async list(options = {}) {
      const { status, ...page } = parseInput(ListSchema, options, 'campaign list options');
      return readPage<'campaign'>(ctx, { type: 'campaign', ...page, ...(status === undefined ? {} : { where: (c) => c.status === status }) });
    },

    async update(id, changes, options = {}) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      const parsed = parseInput(CampaignChangesSchema, changes, 'campaign changes');
      const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
      return runCommand(ctx, { name: 'campaign.update', target: { type: 'campaign', id: campaignId } }, async (session) => {
        const current = await session.require('campaign', campaignId, expectedVersion);
        session.authorize('campaign.update', resourceOf('campaign', current));
        const next = parseInput(CampaignSchema, merge(current, parsed), 'campaign');
        if (next.ownerId !== current.ownerId) await requirePeopleOf(session, next, 'campaign changes');
        let fields: string[] = [];
        session.change((draft) => {
          fields = assignFields(draft.campaign[campaignId] as Record<string, unknown>, next);
        });
        if (fields.some((f) => SCHEDULE_FIELDS.has(f))) await reschedule(session, campaignId, [{ kind: 'rebuild' }]);
        const campaign = session.get('campaign', campaignId) ?? next;
        if (fields.length > 0) session.emit('campaign.updated', { type: 'campaign', id: campaignId }, { campaign, fields });
        return campaign;
      });
    },

    async delete(id, options = {}) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
      await runCommand(ctx, { name: 'campaign.delete', target: { type: 'campaign', id: campaignId } }, async (session) => {
        const current = await session.require('campaign', campaignId, expectedVersion);
        session.authorize('campaign.delete', resourceOf('campaign', current));
        const owned = RECORD_TYPES.filter((type) => type !== 'campaign' && !isWorkspaceWide(type));
        for (const type of owned) await session.loadCampaign(type, campaignId);
        let removed = 0;
        session.change((draft) => {
          for (const type of owned) {
            for (const record of session.all(type, campaignId)) {
              const key = 'id' in record ? record.id : campaignId;
              delete (draft[type] as Record<string, unknown>)[key];
              removed += 1;
            }
          }
          delete draft.campaign[campaignId];
        });
        session.emit('campaign.deleted', { type: 'campaign', id: campaignId }, { removed });
      });
    },

    async scheduleCampaign(id) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      return runCommand(ctx, { name: 'campaign.schedule', target: { type: 'campaign', id: campaignId } }, async (session) => {
        const current = await session.require('campaign', campaignId);
        session.authorize('campaign.update', resourceOf('campaign', current));
        const { prepared } = await reschedule(session, campaignId, [{ kind: 'rebuild' }]);
        const result = prepared.result();
        session.emit('campaign.scheduled', { type: 'campaign', id: campaignId }, { start: result.start, finish: result.finish, criticalPath: result.criticalPath });
        return result;
      });
    },

    instantiateTemplate: async (id, template, options) => instantiateTemplateCommand(ctx, id, template, options),

    async transition(id, input) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      return runCommand(ctx, { name: 'campaign.transition', target: { type: 'campaign', id: campaignId } }, async (session) => {
        const current = await session.require('campaign', campaignId);
        session.authorize('campaign.update', resourceOf('campaign', current));
        await session.loadCampaignTypes(['approval', 'task'], campaignId);
        const next = transitionCampaign(current, { approvals: session.all('approval', campaignId), tasks: session.all('task', campaignId) }, input);
        session.change((draft) => {
          const stored = draft.campaign[campaignId];
          if (stored !== undefined) stored.status = next.status;
        });
        const comment = typeof input.comment === 'string' && input.comment.trim() !== '' ? input.comment.trim() : undefined;
        session.emit('campaign.statusChanged', { type: 'campaign', id: campaignId }, { from: current.status, to: next.status, by: ctx.actor.id, ...(comment === undefined ? {} : { comment }) });
        return session.get('campaign', campaignId) ?? next;
      });
    },
    reminders: async (id, options = {}) => remindersOf(ctx, id, options),
    risks: async (id) => risksOf(ctx, id),
    saveBaseline: async (id, options = {}) => saveBaselineCommand(ctx, id, options),
    baselines: async (id) => baselinesOf(ctx, id),
    compareToBaseline: async (id, options = {}) => compareToBaselineOf(ctx, id, options),
    deleteBaseline: async (id, options = {}) => deleteBaselineCommand(ctx, id, options),
    evm: async (id, options) => evmReportOf(ctx, id, options),
    stages: async (id) => stagesOf(ctx, id),
    saveAsTemplate: async (id, options) => saveAsTemplateOf(ctx, id, options),
    importMspdi: async (xml, options) => importMspdiCommand(ctx, xml, options),
    exportMspdi: async (id) => exportMspdiOf(ctx, id),

    async getSchedule(id) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      assertCanList(ctx, 'task', campaignId);
      return readSchedule(ctx, campaignId);
    },
  };
}
