import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { CampaignIdSchema, MemberIdSchema, type MemberId } from '../model/ids.js';
import { MemberSchema, type Member } from '../model/member.js';
import { TemplateRoleSchema } from '../model/template.js';

/** Who holds a role: explicit assignments first, else members by department or role grant. */
export const RoleDirectorySchema = z.object({
  /** Members per role or department name, e.g. `{ legal: ['m-fa'], manager: ['m-li'] }`; wins over `members`. */
  assignees: z.record(z.string(), z.array(MemberIdSchema)).default({}),
  /** Members: a role name matches a member's department or one of their role grants on the campaign. */
  members: z.array(MemberSchema).default([]),
});
/** Who holds a role. */
export type RoleDirectory = z.infer<typeof RoleDirectorySchema>;
/** Who holds a role, as accepted on input. */
export type RoleDirectoryInput = z.input<typeof RoleDirectorySchema>;

function holds(member: Member, role: string, campaignId: string | undefined): boolean {
  if (member.department === role) return true;
  return member.roles.some((g) => g.role === role && (g.campaignId === undefined || g.campaignId === campaignId));
}

/**
 * Members who hold a role (or belong to a department) for a campaign, in directory order: the
 * explicit assignment if there is one, else members whose department is the role or who hold it
 * as a grant on the campaign (or workspace-wide).
 *
 * @example
 * ```ts
 * membersInRole(parseInput(RoleDirectorySchema, { members: [{ id: 'm-zhou', name: 'Zhou', department: 'legal' }] }), 'legal');
 * // ['m-zhou']
 * ```
 */
export function membersInRole(directory: RoleDirectory, role: string, campaignId?: string): MemberId[] {
  return membersInRoleParsed(
    parseInput(RoleDirectorySchema, directory, 'role directory'),
    parseInput(TemplateRoleSchema, role, 'role'),
    parseInput(CampaignIdSchema.optional(), campaignId, 'campaign id'),
  );
}

/** {@link membersInRole} for a directory already parsed (instantiation asks it once per role). */
export function membersInRoleParsed(directory: RoleDirectory, role: string, campaignId?: string): MemberId[] {
  // Role names are the host's: one named like an Object method must not find the prototype's.
  const explicit = Object.hasOwn(directory.assignees, role) ? directory.assignees[role] : undefined;
  if (explicit !== undefined) return [...new Set(explicit)];
  return directory.members.filter((m) => holds(m, role, campaignId)).map((m) => m.id);
}
