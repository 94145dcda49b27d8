import type { Attachment } from '../../model/collaboration.js';

/**
 * The latest version of each attachment, optionally only a task's, ordered by id.
 *
 * @example
 * ```ts
 * latestAttachments(files, { taskId: 'execution-1' }); // [{ id: 'att-kv', version: 2, ... }]
 * ```
 */
export function latestAttachments(attachments: readonly Attachment[], options: { taskId?: string } = {}): Attachment[] {
  const latest = new Map<string, Attachment>();
  for (const a of attachments) {
    if (options.taskId !== undefined && a.taskId !== options.taskId) continue;
    const seen = latest.get(a.id);
    if (seen === undefined || a.version > seen.version) latest.set(a.id, a);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
