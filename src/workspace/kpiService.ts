import { buildTrackingTable, type TrackingRow } from '../kpi/buildTrackingTable.js';
import { invalidField, parseInput } from '../core/validate.js';
import { CampaignIdSchema, KpiTargetIdSchema } from '../model/ids.js';
import { KpiTargetSchema, MeasurementSchema, type KpiTarget, type KpiTargetInput, type Measurement, type MeasurementInput } from '../model/kpi.js';
import type { Page } from '../store/storageAdapter.js';
import { changesSchema, PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from './_entityCommands.js';
import { kpiEffect, type KpiChange } from './_kpiEffect.js';
import { assertCanList, canList, readEvery, readOne, readPage } from './_reader.js';
import { inputSources, kpiInputs, needsRecordedSpend, type InputSource } from './_kpiSpend.js';
import type { Changes, PageOptions, UpdateOptions } from './serviceTypes.js';

/** A new KPI target, `id` optional. */
export type NewKpiTarget = Omit<KpiTargetInput, 'id'> & { readonly id?: string };
/** Changes to a KPI target; `null` clears an optional field. */
export type KpiTargetChanges = Changes<Omit<KpiTargetInput, 'id' | 'campaignId'>>;
/** A new measurement, `id` optional. */
export type NewMeasurement = Omit<MeasurementInput, 'id'> & { readonly id?: string };

/** Filters and paging of the KPI lists. */
export interface KpiListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
  /** Only this channel. */
  readonly channel?: string;
}

/**
 * KPI targets and measurements. Recording a measurement or changing a target announces
 * `kpi.offTrack` for every target it sends off track.
 */
export interface KpiService {
  /** Adds a target on a metric the workspace's registry knows (`kpi.write`). */
  createTarget(input: NewKpiTarget): Promise<KpiTarget>;
  /** Changes a target (`kpi.write`). */
  updateTarget(id: string, changes: KpiTargetChanges, options?: UpdateOptions): Promise<KpiTarget>;
  /** Deletes a target (`kpi.write`). */
  deleteTarget(id: string, options?: UpdateOptions): Promise<void>;
  /**
   * Records raw numbers for a campaign, channel and period (`kpi.write`).
   *
   * @example
   * ```ts
   * await workspace.kpis.recordMeasurement({ campaignId: 'launch', date: '2026-03-02', values: { leads: 4200 } });
   * // with a target of 5000 leads: events 'kpi.measurementRecorded', then 'kpi.offTrack' (variance rate -0.16)
   * ```
   */
  recordMeasurement(input: NewMeasurement): Promise<Measurement>;
  /** One target (`kpi.read`). */
  getTarget(id: string): Promise<KpiTarget>;
  /** A campaign's targets. */
  listTargets(options: KpiListOptions): Promise<Page<KpiTarget>>;
  /** A campaign's measurements. */
  listMeasurements(options: KpiListOptions): Promise<Page<Measurement>>;
  /**
   * The campaign's tracking table: every target against its actual value, with status (`kpi.read`).
   * Money inputs no measurement reports come from the recorded actual expenses (`cost`,
   * `marketing_cost`: all of them; `spend`: the workspace's spend categories) for actors who may
   * read expenses; each row says where each input of its metric came from.
   *
   * @example
   * ```ts
   * (await workspace.kpis.trackingTable('launch'))[0];
   * // { metric: 'roi', target: 2, actual: 1.5, status: 'offTrack', inputSources: { cost: 'expenses', revenue: 'measurements' }, ... }
   * ```
   */
  trackingTable(campaignId: string): Promise<KpiTrackingRow[]>;
}

/** A row of the workspace's tracking table: the engine's row and where each input came from. */
export type KpiTrackingRow = TrackingRow & {
  /** Each input of the metric: reported in `measurements`, taken from recorded `expenses`, or `missing`. */
  readonly inputSources: Readonly<Record<string, InputSource>>;
};

function kpiSpec<T extends 'kpiTarget' | 'measurement'>(type: T): Pick<EntitySpec<T>, 'effect'> {
  return {
    effect: async (session, { before, after }) => {
      const campaignId = (after ?? before)?.campaignId;
      if (campaignId !== undefined) await kpiEffect(session, campaignId, { type, before, after } as KpiChange);
    },
  };
}

const TARGET: EntitySpec<'kpiTarget'> = {
  type: 'kpiTarget',
  schema: KpiTargetSchema,
  changes: changesSchema(KpiTargetSchema.shape, { id: 'a target keeps its id', campaignId: 'a target cannot move to another campaign' }),
  commands: { create: 'kpi.createTarget', update: 'kpi.updateTarget', delete: 'kpi.deleteTarget' },
  permission: 'kpi.write',
  created: (session, target) => session.emit('kpi.targetSet', { type: 'kpiTarget', id: target.id }, { target }),
  updated: (session, target) => session.emit('kpi.targetSet', { type: 'kpiTarget', id: target.id }, { target }),
  deleted: (session, target) => session.emit('kpi.targetDeleted', { type: 'kpiTarget', id: target.id }, { targetId: target.id }),
  ...kpiSpec('kpiTarget'),
};

const MEASUREMENT: EntitySpec<'measurement'> = {
  type: 'measurement',
  schema: MeasurementSchema,
  changes: changesSchema(MeasurementSchema.shape, { id: 'a measurement keeps its id', campaignId: 'a measurement cannot move to another campaign' }),
  commands: { create: 'kpi.recordMeasurement', update: 'kpi.updateMeasurement', delete: 'kpi.deleteMeasurement' },
  permission: 'kpi.write',
  created: (session, measurement) => session.emit('kpi.measurementRecorded', { type: 'measurement', id: measurement.id }, { measurement }),
  updated: () => undefined,
  deleted: () => undefined,
  ...kpiSpec('measurement'),
};

const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Channel. */
  channel: MeasurementSchema.shape.channel,
});

/** Builds the KPI service of a workspace. */
export function createKpiService(ctx: WorkspaceContext): KpiService {
  const knownMetric = (input: unknown) => {
    const metric = (input as { metric?: unknown } | null)?.metric;
    if (typeof metric === 'string' && ctx.metrics.get(metric) === undefined) {
      throw invalidField('kpi target', ['metric'], `unknown metric '${metric}'; register it with createMetricRegistry and pass it as the workspace's metrics`);
    }
  };
  const list = <T extends 'kpiTarget' | 'measurement'>(type: T, options: KpiListOptions) => {
    const { channel, ...query } = parseInput(ListSchema, options, 'KPI list options');
    assertCanList(ctx, type, query.campaignId);
    return readPage<T>(ctx, { type, ...query, ...(channel === undefined ? {} : { where: (r) => r.channel === channel }) });
  };
  return {
    async createTarget(input) {
      knownMetric(input);
      return createEntity(ctx, TARGET, input);
    },
    async updateTarget(id, changes, options) {
      knownMetric(changes);
      return updateEntity(ctx, TARGET, parseInput(KpiTargetIdSchema, id, 'KPI target id'), changes, options);
    },
    deleteTarget: async (id, options) => deleteEntity(ctx, TARGET, parseInput(KpiTargetIdSchema, id, 'KPI target id'), options),
    recordMeasurement: async (input) => createEntity(ctx, MEASUREMENT, input),
    getTarget: async (id) => readOne(ctx, 'kpiTarget', parseInput(KpiTargetIdSchema, id, 'KPI target id')),
    listTargets: async (options) => list('kpiTarget', options),
    listMeasurements: async (options) => list('measurement', options),
    async trackingTable(id) {
      const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
      assertCanList(ctx, 'kpiTarget', campaignId);
      const campaign = await readOne(ctx, 'campaign', campaignId);
      const [targets, stored] = await Promise.all([readEvery(ctx, 'kpiTarget', campaignId), readEvery(ctx, 'measurement', campaignId)]);
      // Spend reaches the table only for actors who may read the expenses it comes from.
      const expenses = needsRecordedSpend(targets, ctx.metrics) && canList(ctx, 'expense', campaignId) ? await readEvery(ctx, 'expense', campaignId) : [];
      const inputs = kpiInputs(stored, expenses, ctx.spendCategories);
      const rows = buildTrackingTable({ targets, measurements: inputs.measurements, activityNames: { [campaign.id]: campaign.name } }, { registry: ctx.metrics });
      const byId = new Map(targets.map((t) => [t.id as string, t]));
      return rows.map((row) => {
        const target = byId.get(row.targetId);
        return { ...row, inputSources: target === undefined ? {} : inputSources(target, inputs, ctx.metrics) };
      });
    },
  };
}
