import { canParsed } from '../access/can.js';
import type { Permission } from '../access/permissions.js';
import { stripCosts } from '../access/redact.js';
import type { WorkspaceEvent } from '../events/workspaceEvents.js';
import type { WorkspaceContext } from './_context.js';
import { canList, visible } from './_reader.js';
import type { RecordData, RecordType } from './_records.js';
import { campaignScope } from './_resources.js';

/**
 * What an actor's view of the workspace hears: the events about records the actor may read, each
 * redacted as a query would redact the record (summaries for executives, no money for actors
 * without `budget.read`). The host's own workspace hears everything.
 */

/** The record type whose read rule decides who hears an event, by the event type's first word. */
const ABOUT: Readonly<Record<string, RecordType>> = {
  campaign: 'campaign',
  task: 'task',
  dependency: 'dependency',
  calendar: 'calendar',
  budget: 'budgetLine',
  expense: 'expense',
  kpi: 'kpiTarget',
  objective: 'objective',
  member: 'member',
  delegation: 'delegation',
  approval: 'approval',
  comment: 'comment',
  attachment: 'attachment',
  lesson: 'lesson',
  // Baselines are task dates: whoever sees the schedule (or its summary) hears of them.
  baseline: 'task',
  stage: 'task',
};

/** Payload keys that carry a whole record, and its type. */
const ENTITIES: Readonly<Record<string, RecordType>> = {
  campaign: 'campaign',
  task: 'task',
  dependency: 'dependency',
  calendar: 'calendar',
  line: 'budgetLine',
  expense: 'expense',
  target: 'kpiTarget',
  measurement: 'measurement',
  objective: 'objective',
  member: 'member',
  delegation: 'delegation',
  approval: 'approval',
  lesson: 'lesson',
};

type Fields = Record<string, unknown>;

function allowed(ctx: WorkspaceContext, permission: Permission, campaignId: string | undefined): boolean {
  return canParsed(ctx.actor, permission, campaignScope('event', campaignId), ctx.policy).allowed;
}

function isBudgetApproval(event: Fields): boolean {
  const subject = (event['subject'] ?? (event['approval'] as Fields | undefined)?.['subject']) as Fields | undefined;
  return subject?.['type'] === 'budget';
}

function mayHear(ctx: WorkspaceContext, event: WorkspaceEvent): boolean {
  const fields = event as unknown as Fields;
  const { campaignId } = event;
  // An undo names the records it rewrote: the audit trail's readers hear it.
  if (event.type === 'command.undone') return allowed(ctx, 'audit.read', campaignId);
  // A mention is for the member mentioned, and for whoever reads the comments.
  if (event.type === 'member.mentioned' && event.memberId === ctx.actor.id) return true;
  if (event.type === 'member.mentioned') return canList(ctx, 'comment', campaignId);
  const about = ABOUT[event.type.slice(0, event.type.indexOf('.'))];
  if (about === undefined) return false;
  if (about === 'delegation') return visible(ctx, 'delegation', fields['delegation'] as RecordData<'delegation'>) !== null;
  if (!canList(ctx, about, campaignId)) return false;
  return !(about === 'approval' && isBudgetApproval(fields) && !allowed(ctx, 'budget.read', campaignId));
}

/** The event as `ctx`'s actor may hear it, or `null` when they may not hear it at all. */
export function eventFor(ctx: WorkspaceContext, event: WorkspaceEvent): WorkspaceEvent | null {
  if (!mayHear(ctx, event)) return null;
  const fields: Fields = { ...(event as unknown as Fields) };
  for (const [key, type] of Object.entries(ENTITIES)) {
    const entity = fields[key];
    if (typeof entity !== 'object' || entity === null) continue;
    const shown = visible(ctx, type, entity as RecordData<typeof type>);
    if (shown === null) return null;
    fields[key] = shown;
  }
  const redacted = allowed(ctx, 'budget.read', event.campaignId) ? fields : (stripCosts(fields) as Fields);
  return redacted as unknown as WorkspaceEvent;
}
