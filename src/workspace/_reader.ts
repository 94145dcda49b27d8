import type { Resource } from '../access/actor.js';
import { canParsed, forbidden, rolesOfParsed, type AccessDecision } from '../access/can.js';
import type { Permission } from '../access/permissions.js';
import { redactAll, REDACTION_RULES, stripCosts, type RedactableEntity } from '../access/redact.js';
import { CampaignKitError } from '../core/errors.js';
import type { Page, StoredRecord } from '../store/storageAdapter.js';
import type { WorkspaceContext } from './_context.js';
import { permissionsToActOn } from '../workflow/approvals/approvalPermissions.js';
import type { VersionedRecord } from './serviceTypes.js';
import type { RecordData, RecordType } from './_records.js';
import { campaignScope, resourceOf } from './_resources.js';

/** Record types without an entry in `REDACTION_RULES`, and the permission that lets one see them. */
const OTHER_READS: Partial<Record<RecordType, Permission>> = {
  calendar: 'campaign.read',
  member: 'campaign.read',
  budget: 'budget.read',
  expenseRequest: 'budget.read',
  schedule: 'task.read',
  baseline: 'task.read',
  stage: 'task.read',
};

/**
 * The error for a refused access. An actor with no role at all on the resource's campaign learns
 * nothing about what is in it: they get the `NOT_FOUND` a missing record (or campaign) gives, not a
 * `FORBIDDEN` naming the campaign of an id they guessed. Anyone with a role there gets `FORBIDDEN`
 * naming the permission missing.
 */
export function refusal(ctx: WorkspaceContext, decision: AccessDecision, resource: Resource): CampaignKitError {
  if (resource.campaignId !== undefined && rolesOfParsed(ctx.actor, { campaignId: resource.campaignId }, ctx.policy).length === 0) {
    const [type, id] = resource.id === undefined ? ['campaign', resource.campaignId] : [resource.type, resource.id];
    return new CampaignKitError('NOT_FOUND', `There is no ${type} '${id}'`, { details: { ids: [id], type } });
  }
  return forbidden(ctx.actor.id, decision, resource);
}

function rulesOf(type: RecordType): { read: Permission; summary?: Permission } {
  if (Object.hasOwn(REDACTION_RULES, type)) {
    const rule = REDACTION_RULES[type as RedactableEntity];
    return { read: rule.read, ...('summary' in rule ? { summary: rule.summary.permission } : {}) };
  }
  return { read: OTHER_READS[type] ?? 'campaign.read' };
}

/**
 * What an actor may see of one record: the record, a summary (executives see task summaries), the
 * record without budget and cost fields (actors without `budget.read`), or `null`.
 */
export function visible<T extends RecordType>(ctx: WorkspaceContext, type: T, data: RecordData<T>): RecordData<T> | null {
  // A member always sees the delegations they give or hold, whatever their roles.
  if (type === 'delegation' && concernsActor(ctx, data as RecordData<'delegation'>)) return data;
  if (Object.hasOwn(REDACTION_RULES, type)) {
    const [shown] = redactAll(ctx.actor, type as RedactableEntity, [data as object], { policy: ctx.policy });
    return (shown as RecordData<T> | undefined) ?? null;
  }
  const resource = resourceOf(type, data);
  if (!canParsed(ctx.actor, rulesOf(type).read, resource, ctx.policy).allowed) return null;
  if (canParsed(ctx.actor, 'budget.read', resource, ctx.policy).allowed) return data;
  return stripCosts(data) as RecordData<T>;
}

function concernsActor(ctx: WorkspaceContext, delegation: RecordData<'delegation'>): boolean {
  return delegation.approverId === ctx.actor.id || delegation.delegateId === ctx.actor.id;
}

/**
 * What a command returns to its actor: the entity as they may see it, or, when they may write it
 * but not read it all, the entity without its budget and cost fields.
 */
export function shown<T extends RecordType>(ctx: WorkspaceContext, type: T, data: RecordData<T>): RecordData<T> {
  return visible(ctx, type, data) ?? (stripCosts(data) as RecordData<T>);
}

/** Throws `FORBIDDEN` naming `permission` unless the actor holds it on `resource`. */
export function assertAllowed(ctx: WorkspaceContext, permission: Permission, resource: Resource): void {
  const decision = canParsed(ctx.actor, permission, resource, ctx.policy);
  if (!decision.allowed) throw refusal(ctx, decision, resource);
}

/** Throws `FORBIDDEN` unless the actor may read records of `type` in the campaign (or a summary of them). */
export function assertCanList(ctx: WorkspaceContext, type: RecordType, campaignId: string | null | undefined): void {
  const scope = campaignScope(type, campaignId);
  if (canList(ctx, type, campaignId)) return;
  throw refusal(ctx, canParsed(ctx.actor, rulesOf(type).read, scope, ctx.policy), scope);
}

/** Whether the actor may read records of `type` in the campaign (or a summary of them). */
export function canList(ctx: WorkspaceContext, type: RecordType, campaignId: string | null | undefined): boolean {
  const rules = rulesOf(type);
  const scope = campaignScope(type, campaignId);
  if (canParsed(ctx.actor, rules.read, scope, ctx.policy).allowed) return true;
  return rules.summary !== undefined && canParsed(ctx.actor, rules.summary, scope, ctx.policy).allowed;
}

/** One record and its version as the actor may see it: `NOT_FOUND` when missing, `FORBIDDEN` naming the read permission. */
export async function readVersioned<T extends RecordType>(ctx: WorkspaceContext, type: T, id: string): Promise<VersionedRecord<RecordData<T>>> {
  const record = await ctx.storage.get(type, id);
  if (record === null) throw new CampaignKitError('NOT_FOUND', `There is no ${type} '${id}'`, { details: { ids: [id], type } });
  const data = record.data as RecordData<T>;
  const shown = visible(ctx, type, data);
  if (shown === null) {
    const resource = resourceOf(type, data);
    const needed = type === 'approval' ? permissionsToActOn(data as RecordData<'approval'>, 'approval.read') : [rulesOf(type).read];
    const decisions = needed.map((permission) => canParsed(ctx.actor, permission, resource, ctx.policy));
    throw refusal(ctx, decisions.find((d) => !d.allowed) ?? decisions[0] ?? canParsed(ctx.actor, rulesOf(type).read, resource, ctx.policy), resource);
  }
  return { data: shown, version: record.version, updatedAt: record.updatedAt };
}

/** One record as the actor may see it. */
export async function readOne<T extends RecordType>(ctx: WorkspaceContext, type: T, id: string): Promise<RecordData<T>> {
  return (await readVersioned(ctx, type, id)).data;
}

/** A list query: type, campaign, page. */
export interface ListRequest<T extends RecordType> {
  readonly type: T;
  readonly campaignId?: string;
  readonly limit: number;
  readonly cursor?: string;
  /** Keeps a record (before redaction); default all. */
  readonly where?: (data: RecordData<T>) => boolean;
}

/**
 * One page of the records the actor may see, filtered. Storage pages are read until the page is
 * full, so a filter that drops records costs more reads, never a short page in the middle; the
 * cursor is the id of the last record examined.
 */
export async function readPage<T extends RecordType>(ctx: WorkspaceContext, request: ListRequest<T>): Promise<Page<RecordData<T>>> {
  const items: RecordData<T>[] = [];
  let cursor = request.cursor;
  for (;;) {
    const page: Page<StoredRecord> = await ctx.storage.list({
      type: request.type,
      ...(request.campaignId === undefined ? {} : { campaignId: request.campaignId }),
      limit: Math.max(request.limit, 100),
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const [index, record] of page.items.entries()) {
      cursor = record.id;
      const data = record.data as RecordData<T>;
      if (request.where !== undefined && !request.where(data)) continue;
      const shown = visible(ctx, request.type, data);
      if (shown !== null) items.push(shown);
      if (items.length === request.limit) {
        const more = index < page.items.length - 1 || page.nextCursor !== null;
        return { items, nextCursor: more ? record.id : null };
      }
    }
    if (page.nextCursor === null) return { items, nextCursor: null };
  }
}

/** Every stored record of a type in a campaign, unredacted: only for callers that filter what they return. */
export async function readEveryStored<T extends RecordType>(ctx: WorkspaceContext, type: T, campaignId: string | undefined): Promise<RecordData<T>[]> {
  const items: RecordData<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.list({ type, ...(campaignId === undefined ? {} : { campaignId }), limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    for (const record of page.items) items.push(record.data as RecordData<T>);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/**
 * The tasks of a campaign the actor may see at least a summary of, in full, with the links between
 * them: for derived views (reminders, risks) that need fields a summary leaves out (assignees,
 * durations, links) but return only ids, dates, names and whom to tell, never the hidden fields.
 */
export async function readPlanForDerivedView(ctx: WorkspaceContext, campaignId: string): Promise<{ tasks: RecordData<'task'>[]; links: RecordData<'dependency'>[] }> {
  const tasks = (await readEveryStored(ctx, 'task', campaignId)).filter((task) => visible(ctx, 'task', task) !== null);
  const ids = new Set(tasks.map((task) => task.id));
  const links = (await readEveryStored(ctx, 'dependency', campaignId)).filter((link) => ids.has(link.from) && ids.has(link.to));
  return { tasks, links };
}

/** Every stored, unrevoked delegation (they are few: one per absence). */
export async function readStoredDelegations(ctx: WorkspaceContext): Promise<RecordData<'delegation'>[]> {
  return (await readEveryStored(ctx, 'delegation', undefined)).filter((d) => d.revokedAt === undefined);
}

/** Every record of a type in a campaign that the actor may see. */
export async function readEvery<T extends RecordType>(ctx: WorkspaceContext, type: T, campaignId: string): Promise<RecordData<T>[]> {
  const items: RecordData<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage<T>(ctx, { type, campaignId, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/**
 * The campaigns a cross-campaign query reads: the ones named (each must let the actor read `type`,
 * or the query is refused as one of it would be), or every campaign where the actor may.
 */
export async function readableCampaignIds(ctx: WorkspaceContext, type: RecordType, named: readonly string[] | undefined): Promise<string[]> {
  if (named !== undefined) {
    const ids = [...new Set(named)];
    for (const id of ids) assertCanList(ctx, type, id);
    return ids;
  }
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage<'campaign'>(ctx, { type: 'campaign', limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    ids.push(...page.items.map((c) => c.id).filter((id) => canList(ctx, type, id)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
}
