import * as z from 'zod';
import { StageIdSchema, TemplateIdSchema } from './ids.js';
import { LinkTypeSchema } from './dependency.js';
import { ROLES } from './member.js';
import { DurationInputSchema, NameSchema } from './primitives.js';

/** A task a stage creates when the template is instantiated. */
export const StageTaskSchema = z.object({
  /** Task name. */
  name: NameSchema,
  /** Duration in working time (default: the stage's duration). */
  duration: DurationInputSchema.optional(),
  /** Checklist items. */
  checklist: z.array(z.string().min(1).max(2000)).default([]),
});

/** One approval step a stage requires before it can finish. */
export const StageApprovalSchema = z.object({
  /** Step name, e.g. "Legal review". */
  name: NameSchema,
  /** Role whose holders approve. */
  approverRole: z.string().min(1).max(100),
  /** `all` approvers must approve, or `any` one suffices. */
  rule: z.enum(['all', 'any']).default('all'),
  /** Time allowed, in working hours. */
  slaHours: z.number().positive().optional(),
  /** Role told when the SLA passes. */
  escalateToRole: z.string().min(1).max(100).optional(),
});

/** A stage of a process template. */
export const StageSchema = z.object({
  /** Id, unique within the template. */
  id: StageIdSchema,
  /** Name, e.g. "Demand research". */
  name: NameSchema,
  /** Role that owns the stage (e.g. `manager`, or a department such as `design`). */
  ownerRole: z.union([z.enum(ROLES), z.string().min(1).max(100)]),
  /** Named deliverables the stage needs. */
  inputs: z.array(z.string().min(1).max(500)).default([]),
  /** Named deliverables the stage produces, e.g. "requirements research report". */
  outputs: z.array(z.string().min(1).max(500)).default([]),
  /** Duration / SLA in working time, e.g. `'3d'`. */
  duration: DurationInputSchema,
  /** What must be true to accept the stage's outputs. */
  acceptanceCriteria: z.array(z.string().min(1).max(2000)).default([]),
  /** Default tasks; when empty, one task named after the stage is created. */
  tasks: z.array(StageTaskSchema).default([]),
  /** Approval steps. */
  approvals: z.array(StageApprovalSchema).default([]),
});
/** A stage of a process template. */
export type Stage = z.infer<typeof StageSchema>;

/** A dependency between two stages. */
export const StageLinkSchema = z.object({
  /** Predecessor stage. */
  from: StageIdSchema,
  /** Successor stage. */
  to: StageIdSchema,
  /** Link type. */
  type: LinkTypeSchema.default('FS'),
  /** Lag. */
  lag: DurationInputSchema.default('0d'),
});

/**
 * A reusable marketing process: stages with owners, deliverables and SLAs, and the links between
 * them. Without `links`, stages run one after another.
 */
export const ProcessTemplateSchema = z.object({
  /** Id. */
  id: TemplateIdSchema,
  /** Name, e.g. "Campaign full process". */
  name: NameSchema,
  /** What the process is for. */
  description: z.string().max(20000).optional(),
  /** Stages in order. */
  stages: z.array(StageSchema).min(1),
  /** Links between stages; absent = a finish-to-start chain in stage order. */
  links: z.array(StageLinkSchema).optional(),
});
/** A process template. */
export type ProcessTemplate = z.infer<typeof ProcessTemplateSchema>;
