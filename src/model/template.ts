import * as z from 'zod';
import { SLA_BASES } from './approval.js';
import { CampaignIdSchema, StageIdSchema, TaskIdSchema, TemplateIdSchema } from './ids.js';
import { LinkTypeSchema } from './dependency.js';
import { LessonSchema } from './lesson.js';
import { DurationInputSchema, LocalDateTimeSchema, NameSchema } from './primitives.js';

/** A role name in a template: a campaign role (`manager`) or a department (`design`, `legal`). */
export const TemplateRoleSchema = z.string().min(1).max(100);

/** A task a stage creates when the template is instantiated. */
export const StageTaskSchema = z.object({
  /** Task name, unique within the stage. */
  name: NameSchema,
  /**
   * Working duration. When absent: the stage's duration in a parallel stage; in a sequential stage,
   * an equal share of what the stage's duration leaves after the tasks that name one.
   */
  duration: DurationInputSchema.optional(),
  /** A milestone (zero duration). */
  milestone: z.boolean().default(false),
  /** Task type, selecting its status workflow. */
  type: z.string().min(1).max(100).optional(),
  /** Checklist items. */
  checklist: z.array(z.string().min(1).max(2000)).default([]),
});
/** A task a stage creates when the template is instantiated. */
export type StageTask = z.infer<typeof StageTaskSchema>;

/** One approval step a stage requires; steps gating the same task run in order as one approval. */
export const StageApprovalSchema = z.object({
  /** Step name, e.g. "Legal review". */
  name: NameSchema,
  /** Roles whose holders approve, in parallel (e.g. every department of a review). */
  approverRoles: z.array(TemplateRoleSchema).min(1),
  /** `all` approvers must approve, or `any` one suffices. */
  rule: z.enum(['all', 'any']).default('all'),
  /** Time allowed, in hours (see `slaBasis`). */
  slaHours: z.number().positive().optional(),
  /** Working hours on the calendar (default) or elapsed hours. */
  slaBasis: z.enum(SLA_BASES).default('working'),
  /** Role told when the SLA passes. */
  escalateToRole: TemplateRoleSchema.optional(),
  /** Name of the stage task the approval gates; default the stage's last task. */
  task: NameSchema.optional(),
});
/** One approval step a stage requires. */
export type StageApproval = z.infer<typeof StageApprovalSchema>;

/** A stage of a process template. */
export const StageSchema = z
  .object({
    /** Id, unique within the template. */
    id: StageIdSchema,
    /** Name, e.g. "Demand research". */
    name: NameSchema,
    /** Role that owns the stage (e.g. `manager`, or a department such as `design`). */
    ownerRole: TemplateRoleSchema,
    /** Named deliverables the stage needs. */
    inputs: z.array(z.string().min(1).max(500)).default([]),
    /** Named deliverables the stage produces, e.g. "requirements research report". */
    outputs: z.array(z.string().min(1).max(500)).default([]),
    /** Duration and SLA in working time, e.g. `'3d'`. */
    duration: DurationInputSchema,
    /** What must be true to accept the stage's outputs; they become checklist items of its last task. */
    acceptanceCriteria: z.array(z.string().min(1).max(2000)).default([]),
    /** Default tasks; when empty, one task named after the stage is created. */
    tasks: z.array(StageTaskSchema).default([]),
    /** Whether the stage's tasks run side by side or one after another. */
    taskOrder: z.enum(['parallel', 'sequential']).default('parallel'),
    /** Approval steps. */
    approvals: z.array(StageApprovalSchema).default([]),
  })
  .refine((s) => new Set(s.tasks.map((t) => t.name)).size === s.tasks.length, {
    message: 'task names must be unique within a stage',
    path: ['tasks'],
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
/** A dependency between two stages. */
export type StageLink = z.infer<typeof StageLinkSchema>;

/**
 * A lesson learned that a template carries from the campaign it was saved from: what it says and
 * what it is about, without the campaign, task or author.
 */
export const TemplateLessonSchema = LessonSchema.pick({ text: true, category: true, tags: true, metric: true });
/** A lesson learned that a template carries. */
export type TemplateLesson = z.infer<typeof TemplateLessonSchema>;
/** A lesson learned for a template, as accepted on input (`tags` may be left out). */
export type TemplateLessonInput = z.input<typeof TemplateLessonSchema>;

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
  /** Lessons learned in the campaigns it was saved from, oldest first, for the next campaign to start from. */
  lessons: z.array(TemplateLessonSchema).default([]),
});
/** A process template. */
export type ProcessTemplate = z.infer<typeof ProcessTemplateSchema>;
/** A process template, as accepted on input. */
export type ProcessTemplateInput = z.input<typeof ProcessTemplateSchema>;

/** A template stage as instantiated in a campaign: its tasks, owner and SLA, for reminders. */
export const StagePlanSchema = z.object({
  /** The template stage. */
  stageId: StageIdSchema,
  /** Stage name. */
  name: NameSchema,
  /** Role that owns the stage. */
  ownerRole: TemplateRoleSchema,
  /** Tasks created for the stage, in order. */
  taskIds: z.array(TaskIdSchema).min(1),
  /** The stage's SLA in working time (its duration). */
  sla: DurationInputSchema,
  /** Named deliverables the stage needs. */
  inputs: z.array(z.string().min(1).max(500)).default([]),
  /** Named deliverables the stage produces. */
  outputs: z.array(z.string().min(1).max(500)).default([]),
  /** What must be true to accept the stage's outputs (its standards). */
  acceptanceCriteria: z.array(z.string().min(1).max(2000)).default([]),
  /** Scheduled start of the stage's first task. */
  plannedStart: LocalDateTimeSchema.optional(),
  /** Scheduled finish of the stage's last task. */
  plannedFinish: LocalDateTimeSchema.optional(),
});
/** A template stage as instantiated in a campaign. */
export type StagePlan = z.infer<typeof StagePlanSchema>;

/** Id of a {@link StoredStage}: the stage id with the instantiation's id prefix. */
export const StageRecordIdSchema = z.string().min(1, 'id must not be empty').max(300).brand<'StageRecordId'>().describe('StageRecordId');

/**
 * A stage plan a workspace keeps for a campaign: what `campaigns.instantiateTemplate` made of a
 * template stage, so SLA reminders, risks and `templateFromCampaign` can read it later.
 */
export const StoredStageSchema = StagePlanSchema.extend({
  /** Id: the stage id with the instantiation's id prefix, unique in the workspace. */
  id: StageRecordIdSchema,
  /** The campaign. */
  campaignId: CampaignIdSchema,
});
/** A stage plan a workspace keeps. */
export type StoredStage = z.infer<typeof StoredStageSchema>;
