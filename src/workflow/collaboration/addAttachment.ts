import { produce } from 'immer';
import * as z from 'zod';
import { assertCanParsed } from '../../access/can.js';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField, parseInput } from '../../core/validate.js';
import { TaskSchema, type TaskInput } from '../../model/task.js';
import { AttachmentSchema, type Attachment } from '../../model/collaboration.js';
import { parseContext, type CommandContextInput } from '../context.js';
import type { AttachmentAddedEvent, CommandResult } from '../events.js';

const AttachmentOptionsSchema = z.object({ task: TaskSchema.optional() });
const AttachmentsSchema = z.array(AttachmentSchema);

/** Add a file reference, or a new version of one (same id): the attachment's own fields, less those the command sets. */
export const AddAttachmentCommandSchema = AttachmentSchema.pick({
  id: true,
  campaignId: true,
  taskId: true,
  name: true,
  ref: true,
  size: true,
  contentType: true,
  checksum: true,
});
/** Add a file reference, or a new version of one. */
export type AddAttachmentCommand = z.input<typeof AddAttachmentCommandSchema>;

/**
 * Adds an attachment reference (permission `attachment.create`). The library never holds the
 * bytes, only where the host keeps them. Reusing an attachment's id adds the next version; every
 * version is kept. Emits `attachment.added` with the version number. Pass the task the file
 * belongs to as `options.task`, so rules that depend on it apply (an agency may attach files only
 * to tasks assigned to it).
 *
 * @example
 * ```ts
 * addAttachment(files, { id: 'att-kv', campaignId: 'launch', name: 'key-visual.png', ref: 's3://assets/kv-v2.png', size: 482113 },
 *   { actor: designer, now: '2026-03-18T06:00:00Z' });
 * // { state: [..., { id: 'att-kv', version: 2, uploadedBy: 'm-sun', ... }], events: [{ type: 'attachment.added', version: 2, ... }] }
 * ```
 */
export function addAttachment(
  given: readonly Attachment[],
  command: AddAttachmentCommand,
  context: CommandContextInput,
  options: { readonly task?: TaskInput } = {},
): CommandResult<Attachment[], AttachmentAddedEvent> {
  const attachments = parseInput(AttachmentsSchema, given, 'attachments');
  const input = parseInput(AddAttachmentCommandSchema, command, 'attachment');
  const ctx = parseContext(context);
  const { task } = parseInput(AttachmentOptionsSchema, options, 'attachment options');
  if (task !== undefined && (task.id !== input.taskId || task.campaignId !== input.campaignId)) {
    throw invalidField('attachment options', ['task'], `the task must be the attachment's task '${input.taskId ?? '(none)'}' of campaign '${input.campaignId}'`);
  }
  const resource = {
    type: 'attachment',
    id: input.id,
    campaignId: input.campaignId,
    ...(task?.ownerId === undefined ? {} : { ownerId: task.ownerId }),
    assigneeIds: task?.assigneeIds ?? [],
  };
  assertCanParsed(ctx.actor, 'attachment.create', resource, ctx.policy);
  const versions = attachments.filter((a) => a.id === input.id);
  if (versions.some((a) => a.campaignId !== input.campaignId)) {
    throw new CampaignKitError('CONFLICT', `Attachment '${input.id}' belongs to another campaign; use a new id`, { details: { ids: [input.id] } });
  }
  const version = versions.reduce((max, a) => Math.max(max, a.version), 0) + 1;
  const attachment: Attachment = { ...input, version, uploadedBy: ctx.actor.id, uploadedAt: ctx.now };
  const state = produce(attachments as Attachment[], (draft) => {
    draft.push(attachment);
  });
  const event: AttachmentAddedEvent = {
    type: 'attachment.added',
    campaignId: input.campaignId,
    attachmentId: input.id,
    version,
    ...(input.taskId === undefined ? {} : { taskId: input.taskId }),
    by: ctx.actor.id,
    at: ctx.now,
  };
  return { state, events: [event] };
}
