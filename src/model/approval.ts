import * as z from 'zod';
import { ApprovalIdSchema, CampaignIdSchema, MemberIdSchema } from './ids.js';
import { InstantSchema, MoneySchema, NameSchema } from './primitives.js';

/** What an approval is about. */
export const ApprovalSubjectSchema = z.object({
  /** A task, a deliverable (attachment reference and version), a budget request, or the campaign itself (its initiation, 立项审批). */
  type: z.enum(['task', 'deliverable', 'budget', 'campaign']),
  /** Id of the task, attachment, expense or campaign. */
  id: z.string().min(1).max(200),
  /** Deliverable version under review; a resubmission may raise it. */
  version: z.int().min(1).optional(),
  /** Amount requested, for a budget request. */
  amount: MoneySchema.optional(),
});
/** What an approval is about. */
export type ApprovalSubject = z.infer<typeof ApprovalSubjectSchema>;

/** How an SLA is counted: working hours on the calendar, or elapsed (wall-clock) hours. */
export const SLA_BASES = ['working', 'elapsed'] as const;

/** One sequential stage of an approval process, with parallel approvers. */
export const ApprovalStageSchema = z.object({
  /** Stage name, e.g. "Legal review". */
  name: NameSchema,
  /** Members asked to decide, each at most once. */
  approvers: z
    .array(MemberIdSchema)
    .min(1, 'a stage needs at least one approver')
    .refine((ids) => new Set(ids).size === ids.length, 'an approver is listed twice'),
  /** `all` must approve, or `any` one suffices; any rejection ends the stage. */
  rule: z.enum(['all', 'any']).default('all'),
  /** Time allowed for the stage, in hours (see `slaBasis`). */
  slaHours: z.number().positive().optional(),
  /** Whether `slaHours` are working hours on the calendar (default) or elapsed hours. */
  slaBasis: z.enum(SLA_BASES).default('working'),
  /** Role told when the SLA passes. */
  escalateToRole: z.string().min(1).max(100).optional(),
});
/** One sequential stage of an approval process. */
export type ApprovalStage = z.infer<typeof ApprovalStageSchema>;

/** Decisions an approver can take. */
export const APPROVAL_DECISIONS = ['approved', 'rejected', 'changesRequested'] as const;
/** One of {@link APPROVAL_DECISIONS}. */
export type ApprovalDecisionKind = (typeof APPROVAL_DECISIONS)[number];

/** One decision by one approver. */
export const ApprovalDecisionSchema = z.object({
  /** Stage index. */
  stage: z.int().min(0),
  /** Who decided (possibly a delegate). */
  by: MemberIdSchema,
  /** On behalf of whom, when a delegate decided for an approver who is away. */
  onBehalfOf: MemberIdSchema.optional(),
  /** The decision. */
  decision: z.enum(APPROVAL_DECISIONS),
  /** Required for a rejection or a change request. */
  comment: z.string().max(20000).optional(),
  /** When. */
  at: InstantSchema,
});
/** One decision by one approver. */
export type ApprovalDecision = z.infer<typeof ApprovalDecisionSchema>;

/** A record that a stage's SLA passed and a role was told. */
export const ApprovalEscalationSchema = z.object({
  /** Stage index. */
  stage: z.int().min(0),
  /** Role told. */
  toRole: z.string().min(1).max(100),
  /** When the escalation was recorded. */
  at: InstantSchema,
});
/** A record that a stage's SLA passed and a role was told. */
export type ApprovalEscalation = z.infer<typeof ApprovalEscalationSchema>;

/** Status of an approval (and of each of its rounds, except `draft`). */
export const APPROVAL_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'changesRequested', 'cancelled'] as const;
/** One of {@link APPROVAL_STATUSES}. */
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** One submission of the subject and what happened to it. */
export const ApprovalRoundSchema = z.object({
  /** When the round was submitted. */
  submittedAt: InstantSchema,
  /** Who submitted. */
  submittedBy: MemberIdSchema,
  /** Subject version submitted in this round (deliverables). */
  version: z.int().min(1).optional(),
  /** Outcome of the round so far. */
  status: z.enum(['pending', 'approved', 'rejected', 'changesRequested', 'cancelled']).default('pending'),
  /** Index of the stage awaiting decisions (the last stage reached once the round ends). */
  currentStage: z.int().min(0),
  /** When the current stage started (for its SLA). */
  stageStartedAt: InstantSchema,
  /** Decisions in this round, in the order they were taken. */
  decisions: z.array(ApprovalDecisionSchema).default([]),
  /** Escalations in this round. */
  escalations: z.array(ApprovalEscalationSchema).default([]),
});
/** One submission of the subject and what happened to it. */
export type ApprovalRound = z.infer<typeof ApprovalRoundSchema>;

/** An approval process and its history (every round is kept). */
export const ApprovalSchema = z.object({
  /** Id. */
  id: ApprovalIdSchema,
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Display title, e.g. "Legal review of materials". */
  title: z.string().min(1).max(500).optional(),
  /** What is being approved. */
  subject: ApprovalSubjectSchema,
  /** Whether the subject task cannot be done until this approval is approved. */
  required: z.boolean().default(true),
  /** Stages in order. */
  stages: z.array(ApprovalStageSchema).min(1),
  /** Overall status: `draft` until first submitted, then the status of the latest round. */
  status: z.enum(APPROVAL_STATUSES).default('draft'),
  /** Rounds: a resubmission starts a new one. */
  rounds: z.array(ApprovalRoundSchema).default([]),
});
/** An approval. */
export type Approval = z.infer<typeof ApprovalSchema>;
/** An approval, as accepted on input. */
export type ApprovalInput = z.input<typeof ApprovalSchema>;

/** An approver's stand-in while they are away: `delegateId` may decide for `approverId` in [from, to). */
export const DelegationSchema = z
  .object({
    /** The approver who is away. */
    approverId: MemberIdSchema,
    /** Who decides in their place. */
    delegateId: MemberIdSchema,
    /** Start of the absence (inclusive). */
    from: InstantSchema,
    /** End of the absence (exclusive). */
    to: InstantSchema,
  })
  .refine((d) => Date.parse(d.from) < Date.parse(d.to), { message: '`to` must be after `from`', path: ['to'] })
  .refine((d) => d.approverId !== d.delegateId, { message: 'an approver cannot delegate to themselves', path: ['delegateId'] });
/** An approver's stand-in while they are away. */
export type Delegation = z.infer<typeof DelegationSchema>;
