import * as z from 'zod';
import { InstantSchema } from './primitives.js';
import { CampaignIdSchema, MemberIdSchema } from './ids.js';
import { NameSchema } from './primitives.js';

/**
 * Roles an actor can hold on a campaign (or workspace-wide). `external` is an agency or other
 * outside account; `executive` reads summaries and budgets but not task details.
 */
export const ROLES = ['admin', 'manager', 'member', 'viewer', 'external', 'executive'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Departments named in the product brief. Hosts may use their own department names as well. */
export const DEPARTMENTS = ['market', 'sales', 'product', 'design', 'legal', 'agency'] as const;
/** One of the built-in {@link DEPARTMENTS}. */
export type BuiltInDepartment = (typeof DEPARTMENTS)[number];

/** A department name: a built-in one or a host's own (lower case, `a-z0-9-_`). */
export const DepartmentSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'expected a lower-case department such as market or legal');

/**
 * A role grant. Without `campaignId` it applies to every campaign; without `department` to every
 * resource. With `department` it applies only to resources that belong to that department (for
 * example the design department's tasks).
 */
export const RoleGrantSchema = z.object({
  /** The role. */
  role: z.enum(ROLES),
  /** Campaign the grant applies to; absent = every campaign. */
  campaignId: CampaignIdSchema.optional(),
  /** Department whose resources the grant covers; absent = all resources. */
  department: DepartmentSchema.optional(),
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
  department: DepartmentSchema.optional(),
  /** Role grants. */
  roles: z.array(RoleGrantSchema).default([]),
  /** When the member was deactivated (left, or lost access): they can no longer act, and their history is kept. */
  deactivatedAt: InstantSchema.optional(),
  /** Who deactivated them. */
  deactivatedBy: MemberIdSchema.optional(),
});
/** A member. */
export type Member = z.infer<typeof MemberSchema>;
