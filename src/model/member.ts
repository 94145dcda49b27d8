import * as z from 'zod';
import { CampaignIdSchema, MemberIdSchema } from './ids.js';
import { NameSchema } from './primitives.js';

/** Roles an actor can hold on a campaign (or workspace-wide). */
export const ROLES = ['admin', 'manager', 'member', 'viewer', 'external'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** A role grant: workspace-wide when `campaignId` is absent. */
export const RoleGrantSchema = z.object({
  /** The role. */
  role: z.enum(ROLES),
  /** Campaign the grant applies to; absent = every campaign. */
  campaignId: CampaignIdSchema.optional(),
});
/** A role grant. */
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

/** A person (or agency account) who works on campaigns. */
export const MemberSchema = z.object({
  /** Id. */
  id: MemberIdSchema,
  /** Display name. */
  name: NameSchema,
  /** E-mail, for the host's notifications. */
  email: z.email().optional(),
  /** Department, e.g. market, sales, product, design, legal, agency. */
  department: z.string().min(1).max(100).optional(),
  /** Role grants. */
  roles: z.array(RoleGrantSchema).default([]),
});
/** A member. */
export type Member = z.infer<typeof MemberSchema>;
