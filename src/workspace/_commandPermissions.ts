import type { Permission } from '../access/permissions.js';

/**
 * The permission each command checks on its target, by command name. Undo checks the same
 * permission again before it reverts a command, so an actor who has lost a role cannot use undo
 * to write where they no longer may.
 */
export const COMMAND_PERMISSIONS: Readonly<Record<string, Permission>> = {
  'campaign.create': 'campaign.create',
  'campaign.update': 'campaign.update',
  'campaign.delete': 'campaign.delete',
  'campaign.schedule': 'campaign.update',
  'campaign.transition': 'campaign.update',
  'campaign.instantiateTemplate': 'task.create',
  'campaign.saveBaseline': 'campaign.update',
  'campaign.deleteBaseline': 'campaign.update',
  // An import creates a campaign, so undoing it needs what undoing a create needs.
  'campaign.importMspdi': 'campaign.create',
  'task.create': 'task.create',
  'task.update': 'task.update',
  'task.delete': 'task.delete',
  'task.transition': 'task.transition',
  'task.setChecklistItem': 'task.update',
  'task.createSeries': 'task.create',
  'task.updateSeries': 'task.update',
  'dependency.add': 'task.create',
  'dependency.update': 'task.update',
  'dependency.remove': 'task.delete',
  'calendar.create': 'campaign.update',
  'calendar.update': 'campaign.update',
  'calendar.delete': 'campaign.update',
  'budget.createLine': 'budget.write',
  'budget.updateLine': 'budget.write',
  'budget.deleteLine': 'budget.write',
  'budget.setThresholds': 'budget.write',
  'budget.recordExpense': 'budget.write',
  'budget.updateExpense': 'budget.write',
  'budget.voidExpense': 'budget.write',
  'budget.requestExpense': 'budget.write',
  'kpi.createTarget': 'kpi.write',
  'kpi.updateTarget': 'kpi.write',
  'kpi.deleteTarget': 'kpi.write',
  'kpi.recordMeasurement': 'kpi.write',
  'objective.create': 'kpi.write',
  'objective.update': 'kpi.write',
  'objective.delete': 'kpi.write',
  'member.create': 'campaign.manageRoles',
  'member.update': 'campaign.manageRoles',
  'member.deactivate': 'campaign.manageRoles',
  'member.reactivate': 'campaign.manageRoles',
  // Approvers may also record and revoke their own delegations (see _delegations.ts).
  'member.delegate': 'campaign.manageRoles',
  'member.revokeDelegation': 'campaign.manageRoles',
  'approval.create': 'approval.request',
  'approval.submit': 'approval.request',
  'approval.decide': 'approval.decide',
  'approval.cancel': 'approval.cancel',
  'approval.escalate': 'approval.read',
  'comment.add': 'comment.create',
  'attachment.add': 'attachment.create',
  'attachment.remove': 'attachment.delete',
  // A retrospective is the campaign manager's act.
  'lesson.create': 'campaign.update',
  'lesson.update': 'campaign.update',
  'lesson.delete': 'campaign.update',
};

/** The permission to check before undoing `command` (`campaign.update` for a name not listed). */
export function permissionOf(command: string): Permission {
  return COMMAND_PERMISSIONS[command] ?? 'campaign.update';
}
