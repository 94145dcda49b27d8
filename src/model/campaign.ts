import * as z from 'zod';
import { CalendarIdSchema, CampaignIdSchema, KeyResultIdSchema, MemberIdSchema, ObjectiveIdSchema, TemplateIdSchema } from './ids.js';
import { CurrencyCodeSchema, IsoDateSchema, NameSchema, TagsSchema } from './primitives.js';

/** Lifecycle of a campaign. */
export const CAMPAIGN_STATUSES = ['draft', 'planned', 'active', 'paused', 'completed', 'cancelled'] as const;
/** One of {@link CAMPAIGN_STATUSES}. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A channel in the campaign's mix, with its planned share of effort or spend. */
export const ChannelShareSchema = z.object({
  /** Channel name, e.g. `search`, `social`, `short-video`, `trade-show`, `email`. */
  channel: z.string().min(1).max(100),
  /** Planned share 0–1 (shares need not add up to 1). */
  share: z.number().min(0).max(1).optional(),
});

/** A marketing campaign (营销战役): the aggregate that owns tasks, budget lines and KPI targets. */
export const CampaignSchema = z
  .object({
    /** Id. */
    id: CampaignIdSchema,
    /** Display name. */
    name: NameSchema,
    /** What the campaign is for. */
    description: z.string().max(20000).optional(),
    /** Objectives (OKR) the campaign serves. */
    objectiveIds: z.array(ObjectiveIdSchema).default([]),
    /** Key results the campaign contributes to, for tracing tasks up to strategy. */
    keyResultIds: z.array(KeyResultIdSchema).default([]),
    /** Accountable member. */
    ownerId: MemberIdSchema,
    /** Lifecycle status. */
    status: z.enum(CAMPAIGN_STATUSES).default('draft'),
    /** Planned first day. */
    plannedStart: IsoDateSchema,
    /** Planned last day. */
    plannedFinish: IsoDateSchema.optional(),
    /** Currency of the campaign's budget (ISO 4217). */
    currency: CurrencyCodeSchema,
    /** Channel mix. */
    channels: z.array(ChannelShareSchema).default([]),
    /** Free-form labels. */
    tags: TagsSchema.default([]),
    /** Working calendar for the campaign's tasks (the project calendar). */
    calendarId: CalendarIdSchema.optional(),
    /** The process template the campaign was created from. */
    templateId: TemplateIdSchema.optional(),
  })
  .refine((c) => c.plannedFinish === undefined || c.plannedStart <= c.plannedFinish, {
    message: 'plannedFinish must not be before plannedStart',
    path: ['plannedFinish'],
  });
/** A marketing campaign, as stored. */
export type Campaign = z.infer<typeof CampaignSchema>;
/** A marketing campaign, as accepted on input. */
export type CampaignInput = z.input<typeof CampaignSchema>;
