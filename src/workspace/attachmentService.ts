import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { Attachment, StoredAttachment } from '../model/collaboration.js';
import { AttachmentIdSchema, CampaignIdSchema, TaskIdSchema } from '../model/ids.js';
import type { Task } from '../model/task.js';
import { addAttachment, AddAttachmentCommandSchema, type AddAttachmentCommand } from '../workflow/collaboration/addAttachment.js';
import { WriteOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { assertCanList, readEvery, readOne } from './_reader.js';
import { requireInCampaign } from './_references.js';
import { campaignScope } from './_resources.js';
import { runCommand } from './_runCommand.js';
import type { UpdateOptions } from './serviceTypes.js';

/** A file reference to add, or a new version of one (an `id` that exists); `id` optional for a new one. */
export type NewAttachment = Omit<AddAttachmentCommand, 'id'> & { readonly id?: string };

/** Filters of {@link AttachmentService.list} and {@link AttachmentService.latest}. */
export interface AttachmentListOptions {
  /** The campaign. */
  readonly campaignId: string;
  /** Only the files of this task. */
  readonly taskId?: string;
}

/**
 * Deliverables: references to files the host keeps (object storage, a DAM), never the bytes, each
 * with every version. An agency may attach files to the tasks assigned to it.
 */
export interface AttachmentService {
  /**
   * Adds a file reference (`attachment.create`, on the task when it names one), or the next
   * version of an attachment when `id` exists; every version is kept. Announces `attachment.added`
   * with the version number.
   *
   * @example
   * ```ts
   * await workspace.attachments.add({ id: 'kv', campaignId: 'launch', taskId: 'visuals', name: 'kv.png', ref: 's3://assets/kv-v1.png',
   *   contentType: 'image/png', size: 482113, checksum: 'sha256:9f86d081884c7d65' });
   * // { id: 'kv', version: 1, uploadedBy: 'm-sun', uploadedAt: '2026-03-02T09:00:00.000Z', ... }
   * ```
   */
  add(input: NewAttachment): Promise<Attachment>;
  /** Every version of one attachment, oldest first (`attachment.read`). */
  versions(id: string): Promise<Attachment[]>;
  /** Every version of every attachment of a campaign (or task), by attachment id then version. */
  list(options: AttachmentListOptions): Promise<Attachment[]>;
  /** The latest version of each attachment of a campaign (or task), by attachment id. */
  latest(options: AttachmentListOptions): Promise<Attachment[]>;
  /**
   * Removes an attachment with all its versions (`attachment.delete`; a member may remove what
   * they first uploaded). Announces `attachment.removed` with every version's `ref`, so the host
   * can delete the files. Undo brings the references back.
   */
  remove(id: string, options?: UpdateOptions): Promise<void>;
}

const NewSchema = AddAttachmentCommandSchema.extend({
  /** Optional id. */
  id: AttachmentIdSchema.optional(),
});
const ListSchema = z.strictObject({
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Task. */
  taskId: TaskIdSchema.optional(),
});

/** The access resource of an attachment: its campaign and the task's owner and assignees. */
function resourceFor(campaignId: string, id: string, task: Task | undefined, uploadedBy?: string) {
  const resource = campaignScope('attachment', campaignId);
  const ownerId = uploadedBy ?? task?.ownerId;
  return { ...resource, id, ...(ownerId === undefined ? {} : { ownerId }), assigneeIds: task?.assigneeIds ?? [] } as typeof resource;
}

/** Builds the attachment service of a workspace. */
export function createAttachmentService(ctx: WorkspaceContext): AttachmentService {
  const listOf = async (options: AttachmentListOptions): Promise<StoredAttachment[]> => {
    const { campaignId, taskId } = parseInput(ListSchema, options, 'attachment list options');
    assertCanList(ctx, 'attachment', campaignId);
    const stored = await readEvery(ctx, 'attachment', campaignId);
    return taskId === undefined ? stored : stored.filter((a) => a.taskId === taskId);
  };
  return {
    async add(input) {
      const parsed = parseInput(NewSchema, input, 'attachment');
      const command = { ...parsed, id: parsed.id ?? ctx.ids.next('attachment') };
      return runCommand(ctx, { name: 'attachment.add', target: { type: 'attachment', id: command.id } }, async (session) => {
        await session.require('campaign', command.campaignId);
        const task = command.taskId === undefined ? undefined : await requireInCampaign(session, 'task', command.taskId, command.campaignId, 'attachment', ['taskId']);
        session.authorize('attachment.create', resourceFor(command.campaignId, command.id, task));
        await session.load('attachment', [command.id]);
        const existing = session.get('attachment', command.id);
        if (existing === undefined) await session.reserve('attachment', command.id);
        else if (existing.taskId !== command.taskId) {
          throw new CampaignKitError('CONFLICT', `Attachment '${command.id}' belongs to ${existing.taskId === undefined ? 'the campaign' : `task '${existing.taskId}'`}; a new version keeps its task`, {
            details: { ids: [command.id] },
          });
        }
        const { state, events } = addAttachment(existing?.versions ?? [], command, { actor: ctx.actor, now: session.at, timeZone: ctx.timeZone, policy: ctx.policy }, task === undefined ? {} : { task });
        const added = state.at(-1);
        if (added === undefined) throw new CampaignKitError('INVALID_STATE', `addAttachment did not return attachment '${command.id}'`);
        session.change((draft) => {
          draft.attachment[command.id] = { id: added.id, campaignId: added.campaignId, ...(added.taskId === undefined ? {} : { taskId: added.taskId }), versions: state };
        });
        for (const event of events) session.emitWorkflow({ type: 'attachment', id: command.id }, event);
        return added;
      });
    },

    versions: async (id) => (await readOne(ctx, 'attachment', parseInput(AttachmentIdSchema, id, 'attachment id'))).versions,
    list: async (options) => (await listOf(options)).flatMap((a) => a.versions),
    latest: async (options) => (await listOf(options)).flatMap((a) => a.versions.slice(-1)),

    async remove(id, options = {}) {
      const attachmentId = parseInput(AttachmentIdSchema, id, 'attachment id');
      const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
      await runCommand(ctx, { name: 'attachment.remove', target: { type: 'attachment', id: attachmentId } }, async (session) => {
        const current = await session.require('attachment', attachmentId, expectedVersion);
        if (current.taskId !== undefined) await session.load('task', [current.taskId]);
        const task = current.taskId === undefined ? undefined : session.get('task', current.taskId);
        session.authorize('attachment.delete', resourceFor(current.campaignId, attachmentId, task, current.versions[0]?.uploadedBy));
        session.change((draft) => {
          delete draft.attachment[attachmentId];
        });
        session.emit('attachment.removed', { type: 'attachment', id: attachmentId }, {
          attachmentId,
          ...(current.taskId === undefined ? {} : { taskId: current.taskId }),
          refs: current.versions.map((v) => v.ref),
        });
      });
    },
  };
}
