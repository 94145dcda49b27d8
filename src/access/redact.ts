import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { LessonSchema } from '../model/lesson.js';
import { DepartmentSchema } from '../model/member.js';
import { decide } from './_decide.js';
import { parsePolicy } from './can.js';
import { DEFAULT_ACCESS_POLICY, type AccessPolicy } from './accessPolicy.js';
import { ActorSchema, type Actor, type ActorInput, type Resource } from './actor.js';
import type { Permission } from './permissions.js';

/** Fields an executive (or anyone with `report.read` but not `task.read`) sees of a task. */
export const TASK_SUMMARY_FIELDS = [
  'id',
  'campaignId',
  'parentId',
  'name',
  'type',
  'stageId',
  'ownerId',
  'status',
  'statusCategory',
  'priority',
  'milestone',
  'start',
  'finish',
  'deadline',
  'percentComplete',
] as const;

/** Every field of a lesson learned: readers of task summaries (executives) see lessons in full. */
const LESSON_FIELDS: readonly string[] = Object.keys(LessonSchema.shape);

interface EntityRule {
  readonly read: Permission;
  readonly summary?: { readonly permission: Permission; readonly fields: readonly string[] };
}

/** Entity types {@link redact} knows, with the permission needed to see each in full. */
export const REDACTION_RULES = {
  campaign: { read: 'campaign.read' },
  task: { read: 'task.read', summary: { permission: 'report.read', fields: TASK_SUMMARY_FIELDS } },
  dependency: { read: 'task.read' },
  stagePlan: { read: 'task.read' },
  budgetLine: { read: 'budget.read' },
  expense: { read: 'budget.read' },
  approval: { read: 'approval.read' },
  comment: { read: 'comment.read' },
  attachment: { read: 'attachment.read' },
  kpiTarget: { read: 'kpi.read' },
  measurement: { read: 'kpi.read' },
  objective: { read: 'kpi.read' },
  template: { read: 'template.read' },
  // Lessons learned are read with the schedule: in full by whoever reads tasks or their summaries.
  lesson: { read: 'task.read', summary: { permission: 'report.read', fields: LESSON_FIELDS } },
} as const satisfies Record<string, EntityRule>;

/** An entity type {@link redact} knows. */
export type RedactableEntity = keyof typeof REDACTION_RULES;

const ENTITY_TYPES = Object.keys(REDACTION_RULES) as [RedactableEntity, ...RedactableEntity[]];

/**
 * Keys holding money about budgets or costs, at any depth: removed for actors without
 * `budget.read`. Matching on the key name also catches fields a host adds to its own entities.
 */
export const COST_FIELD_PATTERN = /budget|cost|spend|price|amount/i;

const RedactOptionsSchema = z.object({
  /** Department the entity belongs to, for department-scoped grants. */
  department: DepartmentSchema.optional(),
  /** Which role may do what; parsed by {@link parsePolicy}, which knows the default. */
  policy: z.unknown().optional(),
});

/** Parsed {@link RedactOptions}. */
function parseOptions(options: RedactOptions): { department: string | undefined; policy: AccessPolicy } {
  const { department, policy } = parseInput(RedactOptionsSchema, options, 'redact options');
  return { department, policy: policy === undefined ? DEFAULT_ACCESS_POLICY : parsePolicy(policy as AccessPolicy) };
}

const EntitiesSchema = z.array(z.unknown());

/** Options of {@link redact}. */
export interface RedactOptions {
  /** Which role may do what; default {@link DEFAULT_ACCESS_POLICY}. */
  readonly policy?: AccessPolicy;
  /** Department the entity belongs to, for department-scoped grants. */
  readonly department?: string;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `value` without the keys that hold budget or cost money, at any depth. Every object but an array
 * or a date is rebuilt from its own fields, so a cost field cannot pass through inside a class
 * instance or a null-prototype object (as some parsers and drivers return).
 */
export function stripCosts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripCosts);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !COST_FIELD_PATTERN.test(key)).map(([key, v]) => [key, stripCosts(v)]));
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function resourceOf(entityType: RedactableEntity, entity: Plain, department: string | undefined): Resource {
  const campaignId = entityType === 'campaign' ? str(entity.id) : str(entity.campaignId);
  const assignees = Array.isArray(entity.assigneeIds) ? entity.assigneeIds.filter((a): a is string => typeof a === 'string') : [];
  return {
    type: entityType,
    id: str(entity.id),
    campaignId: campaignId as Resource['campaignId'],
    department: department ?? str(entity.department),
    ownerId: str(entity.ownerId) as Resource['ownerId'],
    assigneeIds: assignees as Resource['assigneeIds'],
  };
}

function isBudgetApproval(entityType: RedactableEntity, entity: Plain): boolean {
  return entityType === 'approval' && isPlain(entity.subject) && entity.subject.type === 'budget';
}

function redactParsed(actor: Actor, entityType: RedactableEntity, entity: Plain, policy: AccessPolicy, department: string | undefined): Plain | null {
  const resource = resourceOf(entityType, entity, department);
  const allowed = (permission: Permission) => decide(actor, permission, resource, policy).allowed;
  const rule: EntityRule = REDACTION_RULES[entityType];
  let visible: Plain | null = null;
  if (allowed(rule.read)) visible = entity;
  else if (rule.summary !== undefined && allowed(rule.summary.permission)) {
    const fields = new Set(rule.summary.fields);
    visible = Object.fromEntries(Object.entries(entity).filter(([key]) => fields.has(key)));
  }
  if (visible === null) return null;
  if (allowed('budget.read')) return visible;
  if (isBudgetApproval(entityType, entity)) return null;
  return stripCosts(visible) as Plain;
}

/**
 * What `actor` may see of one entity: the entity itself, a summary (executives get task
 * summaries), the entity without its budget and cost fields (actors without `budget.read`, such as
 * agencies), or `null` when they may not see it at all (budget lines and budget approvals for an
 * agency). Fields are removed from the returned data, not just marked hidden; the input is not
 * changed.
 *
 * @example
 * ```ts
 * const agency = { id: 'm-ad', department: 'agency', roles: [{ role: 'external', campaignId: 'launch' }] };
 * redact(agency, 'task', { id: 't1', campaignId: 'launch', name: 'Booth', plannedCost: 50000 });
 * // { id: 't1', campaignId: 'launch', name: 'Booth' }
 * redact(agency, 'budgetLine', { id: 'b1', campaignId: 'launch', category: 'venue', planned: 50000 });
 * // null
 * ```
 */
export function redact<T extends object>(actor: ActorInput, entityType: RedactableEntity, entity: T, options: RedactOptions = {}): Partial<T> | null {
  const parsedActor = parseInput(ActorSchema, actor, 'actor');
  const type = parseInput(z.enum(ENTITY_TYPES), entityType, 'entity type');
  const { department, policy } = parseOptions(options);
  if (!isPlain(entity)) return null;
  return redactParsed(parsedActor, type, entity, policy, department) as Partial<T> | null;
}

/**
 * {@link redact} over a list: entities the actor may not see are left out, the rest are redacted.
 *
 * @example
 * ```ts
 * redactAll(agency, 'budgetLine', budgetLines); // []
 * ```
 */
export function redactAll<T extends object>(actor: ActorInput, entityType: RedactableEntity, entities: readonly T[], options: RedactOptions = {}): Partial<T>[] {
  const parsedActor = parseInput(ActorSchema, actor, 'actor');
  const type = parseInput(z.enum(ENTITY_TYPES), entityType, 'entity type');
  const { department, policy } = parseOptions(options);
  return parseInput(EntitiesSchema, entities, 'entities').flatMap((entity) => {
    if (!isPlain(entity)) return [];
    const visible = redactParsed(parsedActor, type, entity, policy, department);
    return visible === null ? [] : [visible as Partial<T>];
  });
}
