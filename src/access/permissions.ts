import * as z from 'zod';

/**
 * Every permission campaignkit checks, as stable `resource.action` strings. Hosts store and compare
 * these strings; new ones may be added, existing ones keep their meaning.
 */
export const PERMISSIONS = [
  /** See a campaign's header (name, dates, owner, channels). */
  'campaign.read',
  /** Create a campaign. */
  'campaign.create',
  /** Change a campaign's header, calendar or template. */
  'campaign.update',
  /** Delete a campaign. */
  'campaign.delete',
  /** Grant and revoke roles on a campaign. */
  'campaign.manageRoles',
  /** See tasks in full. */
  'task.read',
  /** Create tasks and dependencies. */
  'task.create',
  /** Change a task's fields and checklist. */
  'task.update',
  /** Delete tasks and dependencies. */
  'task.delete',
  /** Move a task to another status. */
  'task.transition',
  /** Change a task's owner or assignees. */
  'task.assign',
  /** See budget lines, expenses and every cost or budget field of any entity. */
  'budget.read',
  /** Create and change budget lines and expenses. */
  'budget.write',
  /** See approvals. */
  'approval.read',
  /** Submit or resubmit something for approval. */
  'approval.request',
  /** Take a decision as a named approver or a delegate. */
  'approval.decide',
  /** Cancel an approval. */
  'approval.cancel',
  /** Read comments. */
  'comment.read',
  /** Write comments and replies. */
  'comment.create',
  /** See attachment references (deliverables). */
  'attachment.read',
  /** Add attachments and new versions. */
  'attachment.create',
  /** Remove an attachment with all its versions. */
  'attachment.delete',
  /** See KPI targets, measurements and objectives. */
  'kpi.read',
  /** Record KPI targets and measurements. */
  'kpi.write',
  /** Use process templates. */
  'template.read',
  /** Create, change and delete process templates. */
  'template.manage',
  /** See summaries: dashboards, reports and task summaries. */
  'report.read',
  /** Read the audit trail. */
  'audit.read',
] as const;

/** One of {@link PERMISSIONS}. */
export type Permission = (typeof PERMISSIONS)[number];

/** The rejected input, for the message: a string quoted, a primitive as it prints, anything else by its kind (never serialized). */
function described(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input.length > 100 ? `${input.slice(0, 100)}…` : input);
  if (input === null || typeof input === 'number' || typeof input === 'boolean' || typeof input === 'undefined') return String(input);
  if (typeof input === 'bigint') return `${input}n`;
  return Array.isArray(input) ? 'an array' : typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/** A permission name. */
export const PermissionSchema = z.enum(PERMISSIONS, {
  error: (issue) => `unknown permission ${described(issue.input)}; expected one such as 'task.update' or 'budget.read'`,
});

/**
 * True for permissions that change something (everything but `*.read`).
 *
 * @example
 * ```ts
 * isWritePermission('task.update'); // true
 * isWritePermission('budget.read'); // false
 * ```
 */
export function isWritePermission(permission: Permission): boolean {
  return !permission.endsWith('.read');
}
