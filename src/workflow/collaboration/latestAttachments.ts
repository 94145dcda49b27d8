import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { AttachmentSchema, type Attachment } from '../../model/collaboration.js';
import { TaskIdSchema } from '../../model/ids.js';

const AttachmentsSchema = z.array(AttachmentSchema);

/** Options of {@link latestAttachments}. */
export const LatestAttachmentsOptionsSchema = z.object({
  /** Only this task's attachments. */
  taskId: TaskIdSchema.optional(),
});

/**
 * The latest version of each attachment, optionally only a task's, ordered by id.
 *
 * @example
 * ```ts
 * latestAttachments(files, { taskId: 'execution-1' }); // [{ id: 'att-kv', version: 2, ... }]
 * ```
 */
export function latestAttachments(attachments: readonly Attachment[], options: { taskId?: string } = {}): Attachment[] {
  const all = parseInput(AttachmentsSchema, attachments, 'attachments');
  const { taskId } = parseInput(LatestAttachmentsOptionsSchema, options, 'attachment options');
  const latest = new Map<string, Attachment>();
  for (const a of all) {
    if (taskId !== undefined && a.taskId !== taskId) continue;
    const seen = latest.get(a.id);
    if (seen === undefined || a.version > seen.version) latest.set(a.id, a);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
