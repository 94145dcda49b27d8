import * as z from 'zod';
import { ApprovalIdSchema, CampaignIdSchema, MemberIdSchema } from './ids.js';
import { InstantSchema, NameSchema } from './primitives.js';

/** What an approval is about. */
export const ApprovalSubjectSchema = z.object({
  /** A task, a deliverable (attachment reference and version) or a budget request. */
  type: z.enum(['task', 'deliverable', 'budget']),
  /** Id of the task, attachment or expense. */
  id: z.string().min(1).max(200),
  /** Deliverable version approved. */
  version: z.int().min(1).optional(),
});

/** One sequential stage of an approval process, with parallel approvers. */
export const ApprovalStageSchema = z.object({
  /** Stage name, e.g. "Legal review". */
  name: NameSchema,
  /** Members asked to decide. */
  approvers: z.array(MemberIdSchema).min(1),
  /** `all` must approve, or `any` one suffices; any rejection ends the stage. */
  rule: z.enum(['all', 'any']).default('all'),
  /** Time allowed, in working hours. */
  slaHours: z.number().positive().optional(),
  /** Role told when the SLA passes. */
  escalateToRole: z.string().min(1).max(100).optional(),
});

/** One decision by one approver. */
export const ApprovalDecisionSchema = z.object({
  /** Stage index. */
  stage: z.int().min(0),
  /** Who decided (possibly a delegate). */
  by: MemberIdSchema,
  /** On behalf of whom, when delegated. */
  onBehalfOf: MemberIdSchema.optional(),
  /** The decision. */
  decision: z.enum(['approved', 'rejected', 'changesRequested']),
  /** Required for a rejection or a change request. */
  comment: z.string().max(20000).optional(),
  /** When. */
  at: InstantSchema,
});

/** An approval process and its history (every round is kept). */
export const ApprovalSchema = z.object({
  /** Id. */
  id: ApprovalIdSchema,
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** What is being approved. */
  subject: ApprovalSubjectSchema,
  /** Stages in order. */
  stages: z.array(ApprovalStageSchema).min(1),
  /** Overall status. */
  status: z.enum(['pending', 'approved', 'rejected', 'changesRequested', 'cancelled']).default('pending'),
  /** Rounds: a resubmission starts a new one. */
  rounds: z
    .array(
      z.object({
        /** When the round was submitted. */
        submittedAt: InstantSchema,
        /** Who submitted. */
        submittedBy: MemberIdSchema,
        /** Index of the stage awaiting decisions. */
        currentStage: z.int().min(0),
        /** When the current stage started (for its SLA). */
        stageStartedAt: InstantSchema,
        /** Decisions in this round. */
        decisions: z.array(ApprovalDecisionSchema).default([]),
      }),
    )
    .default([]),
});
/** An approval. */
export type Approval = z.infer<typeof ApprovalSchema>;
