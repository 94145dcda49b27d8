import { invalidField, validationError } from '../core/validate.js';
import { campaignOf, type RecordData, type RecordType } from './_records.js';
import type { CommandSession } from './_session.js';

/**
 * References must point at something real: members (assignees, owners, approvers, delegates) at
 * members of the workspace's directory, and campaign records (a parent task, a linked task, the
 * task of an expense) at records of the same campaign. An id that names nothing would give rights
 * or reminders to nobody, or to whatever is stored under that id later. The refusal says only
 * what the caller may know: "no such task in this campaign", never where the id lives instead.
 */

/**
 * Loads the record `id` names and returns it when it belongs to `campaignId`; otherwise refuses
 * with `VALIDATION` at `path`, with the same message whether it is missing or in another campaign.
 */
export async function requireInCampaign<T extends RecordType>(
  session: CommandSession,
  type: T,
  id: string,
  campaignId: string,
  what: string,
  path: readonly (string | number)[],
): Promise<RecordData<T>> {
  await session.load(type, [id]);
  const record = session.get(type, id);
  if (record === undefined || campaignOf(type, record) !== campaignId) {
    throw invalidField(what, path, `there is no ${type} '${id}' in campaign '${campaignId}'`);
  }
  return record;
}

/**
 * Loads the members `ids` name and refuses with `VALIDATION` (one issue per unknown id, at
 * `[...path, index]`) when any is not stored.
 */
export async function requireMembers(session: CommandSession, ids: readonly string[], path: readonly (string | number)[], what = 'input'): Promise<void> {
  await refuseUnknownMembers(session, ids.map((id, index) => ({ id, path: [...path, index] })), what);
}

/** {@link requireMembers} for one member reference at `path`. */
export async function requireMember(session: CommandSession, id: string, path: readonly (string | number)[], what = 'input'): Promise<void> {
  await refuseUnknownMembers(session, [{ id, path }], what);
}

async function refuseUnknownMembers(session: CommandSession, refs: readonly { id: string; path: readonly (string | number)[] }[], what: string): Promise<void> {
  if (refs.length === 0) return;
  await session.load('member', refs.map((ref) => ref.id));
  const issues = refs.flatMap(({ id, path }) => {
    const member = session.get('member', id);
    if (member === undefined) return [{ path: [...path], message: `there is no member '${id}'; add them with members.create first`, code: 'custom' }];
    if (member.deactivatedAt !== undefined) return [{ path: [...path], message: `member '${id}' was deactivated at ${member.deactivatedAt}; name someone else`, code: 'custom' }];
    return [];
  });
  if (issues.length > 0) throw validationError(what, issues);
}

/** The people a task or campaign names (owner, assignees) must be members; `fields` limits the check to changed fields. */
export async function requirePeopleOf(
  session: CommandSession,
  entity: { readonly ownerId?: string | undefined; readonly assigneeIds?: readonly string[] },
  what: string,
  fields?: readonly string[],
): Promise<void> {
  const checks = (field: string) => fields === undefined || fields.includes(field);
  if (entity.ownerId !== undefined && checks('ownerId')) await requireMember(session, entity.ownerId, ['ownerId'], what);
  if (entity.assigneeIds !== undefined && entity.assigneeIds.length > 0 && checks('assigneeIds')) {
    await requireMembers(session, entity.assigneeIds, ['assigneeIds'], what);
  }
}

/** Every active member of the directory, loaded into the session: who can hold a template or approval role. */
export async function loadActiveDirectory(session: CommandSession): Promise<RecordData<'member'>[]> {
  let cursor: string | undefined;
  do {
    const page = await session.tx.list({ type: 'member', limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    await session.load('member', page.items.map((m) => m.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return session.all('member').filter((m) => m.deactivatedAt === undefined);
}
