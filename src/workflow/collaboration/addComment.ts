import { produce } from 'immer';
import * as z from 'zod';
import { assertCanParsed } from '../../access/can.js';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField, parseInput } from '../../core/validate.js';
import { CommentSchema, type Comment } from '../../model/collaboration.js';
import { AttachmentIdSchema, CampaignIdSchema, CommentIdSchema, TaskIdSchema } from '../../model/ids.js';
import { parseContext, type CommandContextInput } from '../context.js';
import type { CommandResult, CommentAddedEvent, MemberMentionedEvent } from '../events.js';
import { extractMentions } from './extractMentions.js';

/** Write a comment, or a reply to one. */
export const AddCommentCommandSchema = z.object({
  /** Id of the new comment. */
  id: CommentIdSchema,
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Task commented on, if any. */
  taskId: TaskIdSchema.optional(),
  /** The comment this one replies to. */
  parentId: CommentIdSchema.optional(),
  /** Text; `@member-id` mentions notify those members. */
  body: z.string().trim().min(1, 'must not be empty').max(20000),
  /** Attachments the comment refers to. */
  attachmentIds: z.array(AttachmentIdSchema).default([]),
});
/** Write a comment, or a reply to one. */
export type AddCommentCommand = z.input<typeof AddCommentCommandSchema>;

const CommentsSchema = z.array(CommentSchema);

/** Context of {@link addComment}: who, when, and who can be mentioned. */
export interface CommentContextInput extends CommandContextInput {
  /** Member ids that can be mentioned; without it every `@id` counts. */
  readonly memberIds?: readonly string[];
}

/**
 * Adds a comment or threaded reply (permission `comment.create`). `@member-id` mentions are
 * extracted into `mentions`, and each mentioned member other than the author gets a
 * `member.mentioned` event, which the host turns into a notification. A reply must be on the same
 * campaign and task as its parent.
 *
 * @example
 * ```ts
 * addComment([], { id: 'cm-1', campaignId: 'launch', taskId: 'plan', body: '@m-zhou can legal look at 3.2?' },
 *   { actor: author, now: '2026-03-06T02:00:00Z' });
 * // { state: [{ id: 'cm-1', authorId: 'm-li', mentions: ['m-zhou'], createdAt: '2026-03-06T02:00:00Z', ... }],
 * //   events: [{ type: 'comment.added', ... }, { type: 'member.mentioned', memberId: 'm-zhou', ... }] }
 * ```
 */
export function addComment(given: readonly Comment[], command: AddCommentCommand, context: CommentContextInput): CommandResult<Comment[]> {
  const comments = parseInput(CommentsSchema, given, 'comments');
  const input = parseInput(AddCommentCommandSchema, command, 'comment');
  const ctx = parseContext(context);
  const resource = { type: 'comment', id: input.id, campaignId: input.campaignId, assigneeIds: [] };
  assertCanParsed(ctx.actor, 'comment.create', resource, ctx.policy);
  if (comments.some((c) => c.id === input.id)) {
    throw new CampaignKitError('CONFLICT', `A comment '${input.id}' already exists; use a new id`, { details: { ids: [input.id] } });
  }
  if (input.parentId !== undefined) {
    const parent = comments.find((c) => c.id === input.parentId);
    if (parent === undefined) throw new CampaignKitError('NOT_FOUND', `No comment '${input.parentId}' to reply to`, { details: { ids: [input.parentId] } });
    if (parent.campaignId !== input.campaignId || parent.taskId !== input.taskId) {
      throw invalidField('comment', ['parentId'], `a reply must be on the same campaign and task as comment '${parent.id}'`);
    }
  }
  const mentions = extractMentions(input.body, context.memberIds);
  const comment: Comment = {
    id: input.id,
    campaignId: input.campaignId,
    ...(input.taskId === undefined ? {} : { taskId: input.taskId }),
    ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
    authorId: ctx.actor.id,
    body: input.body,
    mentions,
    attachmentIds: input.attachmentIds,
    createdAt: ctx.now,
  };
  const state = produce(comments, (draft) => {
    draft.push(comment);
  });
  const where = { campaignId: input.campaignId, ...(input.taskId === undefined ? {} : { taskId: input.taskId }) };
  const added: CommentAddedEvent = {
    type: 'comment.added',
    ...where,
    commentId: input.id,
    ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
    by: ctx.actor.id,
    at: ctx.now,
  };
  const mentioned: MemberMentionedEvent[] = mentions
    .filter((m) => m !== ctx.actor.id)
    .map((memberId) => ({ type: 'member.mentioned', ...where, memberId, commentId: input.id, by: ctx.actor.id, at: ctx.now }));
  return { state, events: [added, ...mentioned] };
}
