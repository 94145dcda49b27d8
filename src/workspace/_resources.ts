import type { Resource } from '../access/actor.js';
import type { Approval } from '../model/approval.js';
import { campaignOf, type RecordType } from './_records.js';

/**
 * Access resources for the records of a workspace: enough for `src/access` to decide scope
 * (campaign) and conditions (owner, assignees).
 */

type Id<K extends keyof Resource> = Exclude<Resource[K], undefined>;

/** A campaign-wide resource of a type, e.g. to create a task in campaign `c1`. */
export function campaignScope(type: string, campaignId: string | null | undefined): Resource {
  return { type, ...(campaignId == null ? {} : { campaignId: campaignId as Id<'campaignId'> }), assigneeIds: [] };
}

/** The resource describing a stored record, with its owner and assignees where it has them. */
export function resourceOf(type: RecordType, data: unknown): Resource {
  const record = data as { id?: unknown; ownerId?: unknown; assigneeIds?: unknown };
  const campaignId = campaignOf(type, data);
  const owner = type === 'approval' ? (data as Approval).rounds.at(-1)?.submittedBy : record.ownerId;
  const assignees = Array.isArray(record.assigneeIds) ? record.assigneeIds.filter((a): a is string => typeof a === 'string') : [];
  return {
    type,
    ...(typeof record.id === 'string' ? { id: record.id } : {}),
    ...(campaignId === null ? {} : { campaignId: campaignId as Id<'campaignId'> }),
    ...(typeof owner === 'string' ? { ownerId: owner as Id<'ownerId'> } : {}),
    assigneeIds: assignees as Resource['assigneeIds'],
  };
}
