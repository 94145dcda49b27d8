import type * as z from 'zod';
import type { Permission } from '../access/permissions.js';
import { parseInput } from '../core/validate.js';
import { merge, WriteOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { parseNew } from './_input.js';
import { shown } from './_reader.js';
import { campaignOf, type RecordData, type RecordType } from './_records.js';
import { requireInCampaign } from './_references.js';
import { resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import { assignFields, sameJson } from './_sameJson.js';
import type { CommandSession } from './_session.js';
import type { UpdateOptions } from './serviceTypes.js';

/** A change of one entity, for effects: what it was and what it is (absent when created or deleted). */
export interface EntityChange<T extends RecordType> {
  readonly before?: RecordData<T>;
  readonly after?: RecordData<T>;
  /** Top-level fields that changed. */
  readonly fields: readonly string[];
}

/**
 * How one kind of entity is created, changed and deleted through the pipeline: its schema, command
 * names, the permission its commands need, the events they announce, and effects that bring
 * derived state up to date (reschedule, budget thresholds, KPI status) in the same transaction.
 */
export interface EntitySpec<T extends RecordType> {
  readonly type: T;
  readonly schema: z.ZodType<RecordData<T>>;
  readonly changes: z.ZodType<Record<string, unknown>>;
  /** Command names: `<prefix>.create` and so on. */
  readonly commands: { readonly create: string; readonly update: string; readonly delete: string };
  readonly permission: Permission;
  /** Fields naming another record of the same campaign, which must exist there (e.g. `taskId` → task). */
  readonly references?: Readonly<Record<string, RecordType>>;
  created(session: CommandSession, entity: RecordData<T>): void;
  updated(session: CommandSession, entity: RecordData<T>, fields: readonly string[]): void;
  deleted(session: CommandSession, entity: RecordData<T>): void;
  /** Loads what the effect needs before anything changes (e.g. the budget before an expense). */
  before?(session: CommandSession, campaignId: string | null): Promise<void>;
  effect?(session: CommandSession, change: EntityChange<T>): Promise<void>;
}

function idOf(data: unknown): string {
  return (data as { id: string }).id;
}

/** Authorizes a write of `spec`'s entity and loads its campaign, which must exist. */
async function authorize<T extends RecordType>(session: CommandSession, spec: EntitySpec<T>, entity: RecordData<T>): Promise<string | null> {
  const campaignId = campaignOf(spec.type, entity);
  session.authorize(spec.permission, resourceOf(spec.type, entity));
  if (campaignId !== null) await session.require('campaign', campaignId);
  return campaignId;
}

/** Checks that the references `spec` declares point at records of the entity's campaign. */
async function checkReferences<T extends RecordType>(session: CommandSession, spec: EntitySpec<T>, entity: RecordData<T>, campaignId: string | null, fields?: readonly string[]): Promise<void> {
  if (campaignId === null) return;
  for (const [field, type] of Object.entries(spec.references ?? {})) {
    const id = (entity as Record<string, unknown>)[field];
    if (typeof id === 'string' && (fields === undefined || fields.includes(field))) await requireInCampaign(session, type, id, campaignId, spec.type, [field]);
  }
}

/** Creates an entity of `spec`. */
export async function createEntity<T extends RecordType>(ctx: WorkspaceContext, spec: EntitySpec<T>, input: unknown): Promise<RecordData<T>> {
  const entity = parseNew(spec.schema, input, () => ctx.ids.next(spec.type), spec.type);
  return runCommand(ctx, { name: spec.commands.create, target: { type: spec.type, id: idOf(entity) } }, async (session) => addEntity(session, spec, entity));
}

/**
 * Adds a parsed entity of `spec` inside a running command: references, id, effects and events as
 * `createEntity` does. With `authorized`, the command has already decided the actor may add it
 * (an approval's last decision records the expense its requester was allowed to ask for).
 */
export async function addEntity<T extends RecordType>(session: CommandSession, spec: EntitySpec<T>, entity: RecordData<T>, options: { readonly authorized?: boolean } = {}): Promise<RecordData<T>> {
  const id = idOf(entity);
  const campaignId = options.authorized === true ? campaignOf(spec.type, entity) : await authorize(session, spec, entity);
  if (campaignId !== null && options.authorized === true) await session.require('campaign', campaignId);
  await checkReferences(session, spec, entity, campaignId);
  await session.reserve(spec.type, id);
  await spec.before?.(session, campaignId);
  session.change((state) => {
    (state[spec.type] as Record<string, unknown>)[id] = entity;
  });
  await spec.effect?.(session, { after: entity, fields: Object.keys(entity) });
  spec.created(session, entity);
  return shown(session.ctx, spec.type, entity);
}

/**
 * What a command adds to an entity's changes once it has loaded the entity (a correction note, a
 * void): given the entity before and after the caller's changes, the entity to store.
 */
export type Amendment<T extends RecordType> = (before: RecordData<T>, after: RecordData<T>, session: CommandSession) => RecordData<T>;

/** Changes an entity of `spec`; `null` in `changes` clears a field. */
export async function updateEntity<T extends RecordType>(
  ctx: WorkspaceContext,
  spec: EntitySpec<T>,
  id: string,
  changes: unknown,
  options: UpdateOptions = {},
  amend?: Amendment<T>,
): Promise<RecordData<T>> {
  const parsed = parseInput(spec.changes, changes, `${spec.type} changes`);
  const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
  return runCommand(ctx, { name: spec.commands.update, target: { type: spec.type, id } }, async (session) => {
    const before = await session.require(spec.type, id, expectedVersion);
    const campaignId = await authorize(session, spec, before);
    const merged = parseInput(spec.schema, merge(before, parsed), spec.type);
    const after = amend === undefined ? merged : parseInput(spec.schema, amend(before, merged, session), spec.type);
    if (sameJson(before, after)) return shown(ctx, spec.type, before);
    await spec.before?.(session, campaignId);
    let fields: string[] = [];
    session.change((state) => {
      fields = assignFields((state[spec.type] as Record<string, Record<string, unknown>>)[id] ?? {}, after as Record<string, unknown>);
    });
    await checkReferences(session, spec, after, campaignId, fields);
    await spec.effect?.(session, { before, after, fields });
    spec.updated(session, after, fields);
    return shown(ctx, spec.type, after);
  });
}

/** Deletes an entity of `spec`. */
export async function deleteEntity<T extends RecordType>(ctx: WorkspaceContext, spec: EntitySpec<T>, id: string, options: UpdateOptions = {}): Promise<void> {
  const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
  await runCommand(ctx, { name: spec.commands.delete, target: { type: spec.type, id } }, async (session) => {
    const before = await session.require(spec.type, id, expectedVersion);
    const campaignId = await authorize(session, spec, before);
    await spec.before?.(session, campaignId);
    session.change((state) => {
      delete (state[spec.type] as Record<string, unknown>)[id];
    });
    await spec.effect?.(session, { before, fields: Object.keys(before) });
    spec.deleted(session, before);
  });
}
