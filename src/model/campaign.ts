import * as z from 'zod';
import { CalendarIdSchema, CampaignIdSchema, KeyResultIdSchema, MemberIdSchema, ObjectiveIdSchema, TemplateIdSchema } from './ids.js';
import { CurrencyCodeSchema, IsoDateSchema, NameSchema, TagsSchema } from './primitives.js';

/**
 * Lifecycle of a campaign: `draft` until its initiation (立项) is approved, `approved`, `active`
 * while it runs (`paused` on hold), `closed` once its work is done, or `cancelled`.
 */
export const CAMPAIGN_STATUSES = ['draft', 'approved', 'active', 'paused', 'closed', 'cancelled'] as const;
/** One of {@link CAMPAIGN_STATUSES}. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * Kinds of campaign the product brief names; hosts may use their own (lower case, `a-z0-9-`).
 * Content promotion (内容推广), offline event (线下活动), digital advertising (数字广告), product
 * launch (新品发布), brand, and general.
 */
export const CAMPAIGN_TYPES = ['content-promotion', 'offline-event', 'digital-advertising', 'product-launch', 'brand', 'general'] as const;

/** A campaign type: a built-in one of {@link CAMPAIGN_TYPES} or a host's own. */
export const CampaignTypeSchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'expected a lower-case campaign type such as product-launch');

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
    /** What kind of campaign it is (see {@link CAMPAIGN_TYPES}); `general` by default. */
    type: CampaignTypeSchema.default('general'),
    /** Lifecycle status; it changes only through the campaign workflow's transitions. */
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
