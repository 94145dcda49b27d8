import * as z from 'zod';
import { CampaignIdSchema, MemberIdSchema } from '../model/ids.js';
import { DepartmentSchema, RoleGrantSchema } from '../model/member.js';

/** Who is acting: a member's id, department and role grants (a member record fits as it is). */
export const ActorSchema = z.object({
  /** Member id. */
  id: MemberIdSchema,
  /** Department; members of an external department (default `agency`) are limited to `external`. */
  department: DepartmentSchema.optional(),
  /** Role grants, per campaign or workspace-wide, optionally per department. */
  roles: z.array(RoleGrantSchema).default([]),
});
/** Who is acting. */
export type Actor = z.infer<typeof ActorSchema>;
/** Who is acting, as accepted on input. */
export type ActorInput = z.input<typeof ActorSchema>;

/**
 * What an action is performed on: enough to decide scope (campaign, department) and conditions
 * (owner, assignees). Without `campaignId` the resource is workspace-wide (a template, say) and only
 * workspace-wide grants apply.
 */
export const ResourceSchema = z.object({
  /** Resource type, e.g. `task`, `campaign`, `budget`, `approval`, `template`. */
  type: z.string().min(1).max(100),
  /** Resource id, for messages. */
  id: z.string().min(1).max(200).optional(),
  /** Campaign the resource belongs to. */
  campaignId: CampaignIdSchema.optional(),
  /** Department the resource belongs to (e.g. the design department's task). */
  department: DepartmentSchema.optional(),
  /** Accountable member. */
  ownerId: MemberIdSchema.optional(),
  /** Members assigned to it. */
  assigneeIds: z.array(MemberIdSchema).default([]),
});
/** What an action is performed on. */
export type Resource = z.infer<typeof ResourceSchema>;
/** What an action is performed on, as accepted on input. */
export type ResourceInput = z.input<typeof ResourceSchema>;
