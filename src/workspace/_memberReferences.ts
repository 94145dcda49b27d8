import { validationError } from '../core/validate.js';
import type { CommandSession } from './_session.js';

/**
 * References to members (assignees, owners, approvers, delegates) must name members of the
 * workspace's directory, as a task's parent must name a task: an id that names no one would give
 * rights or reminders to nobody, or to whoever is stored under that id later.
 */

/**
 * Loads the members `ids` name and refuses with `VALIDATION` (one issue per unknown id, at
 * `[...path, index]`, or at `path` for a single id) when any is not stored.
 */
export async function requireMembers(session: CommandSession, ids: readonly string[], path: readonly (string | number)[], what = 'input'): Promise<void> {
  if (ids.length === 0) return;
  await session.load('member', ids);
  const issues = ids.flatMap((id, index) =>
    session.get('member', id) === undefined
      ? [{ path: ids.length === 1 ? [...path] : [...path, index], message: `there is no member '${id}'; add them with members.create first`, code: 'custom' }]
      : [],
  );
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
  if (entity.ownerId !== undefined && checks('ownerId')) await requireMembers(session, [entity.ownerId], ['ownerId'], what);
  if (entity.assigneeIds !== undefined && entity.assigneeIds.length > 0 && checks('assigneeIds')) {
    await requireMembers(session, entity.assigneeIds, ['assigneeIds'], what);
  }
}
