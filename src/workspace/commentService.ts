import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { Comment } from '../model/collaboration.js';
import { CampaignIdSchema, CommentIdSchema, TaskIdSchema } from '../model/ids.js';
import type { Page } from '../store/storageAdapter.js';
import { addComment, AddCommentCommandSchema, type AddCommentCommand } from '../workflow/collaboration/addComment.js';
import { PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { readOne, readPage } from './_reader.js';
import { campaignScope } from './_resources.js';
import { requireInCampaign } from './_references.js';
import { runCommand } from './_runCommand.js';
import type { PageOptions } from './serviceTypes.js';

/** A new comment or reply; `id` optional. `@member-id` in the body mentions a member. */
export type NewComment = Omit<AddCommentCommand, 'id'> & { readonly id?: string };

/** Filters and paging of {@link CommentService.list}. */
export interface CommentListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
  /** Only comments on this task. */
  readonly taskId?: string;
}

/** Comments and threaded replies on campaigns and tasks, with @mentions. */
export interface CommentService {
  /**
   * Writes a comment (`comment.create`). Each member mentioned other than the author gets a
   * `member.mentioned` event for your notifications.
   *
   * @example
   * ```ts
   * await workspace.comments.add({ campaignId: 'launch', taskId: 'brief', body: '@m-zhou can legal look at 3.2?' });
   * // { id: 'comment-1', authorId: 'm-li', mentions: ['m-zhou'], createdAt: '2026-03-02T09:00:00.000Z', ... }
   * ```
   */
  add(input: NewComment): Promise<Comment>;
  /** One comment (`comment.read`). */
  get(id: string): Promise<Comment>;
  /** A campaign's comments, optionally on one task, by id. */
  list(options: CommentListOptions): Promise<Page<Comment>>;
}

const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Task. */
  taskId: TaskIdSchema.optional(),
});
const NewSchema = AddCommentCommandSchema.extend({
  /** Optional id. */
  id: CommentIdSchema.optional(),
});

/** Builds the comment service of a workspace. */
export function createCommentService(ctx: WorkspaceContext): CommentService {
  return {
    async add(input) {
      const parsed = parseInput(NewSchema, input, 'comment');
      const command = { ...parsed, id: parsed.id ?? ctx.ids.next('comment') };
      return runCommand(ctx, { name: 'comment.add', target: { type: 'comment', id: command.id } }, async (session) => {
        session.authorize('comment.create', campaignScope('comment', command.campaignId));
        await session.require('campaign', command.campaignId);
        await session.reserve('comment', command.id);
        if (command.taskId !== undefined) await requireInCampaign(session, 'task', command.taskId, command.campaignId, 'comment', ['taskId']);
        const thread = command.parentId === undefined ? [] : [await requireInCampaign(session, 'comment', command.parentId, command.campaignId, 'comment', ['parentId'])];
        const { state, events } = addComment(thread, command, { actor: ctx.actor, now: session.at, timeZone: ctx.timeZone, policy: ctx.policy });
        const comment = state.find((c) => c.id === command.id);
        if (comment === undefined) throw new CampaignKitError('INVALID_STATE', `addComment did not return comment '${command.id}'`);
        session.change((draft) => {
          draft.comment[comment.id] = comment;
        });
        for (const event of events) session.emitWorkflow({ type: 'comment', id: comment.id }, event);
        return comment;
      });
    },
    get: async (id) => readOne(ctx, 'comment', parseInput(CommentIdSchema, id, 'comment id')),
    async list(options) {
      const { taskId, ...query } = parseInput(ListSchema, options, 'comment list options');
      return readPage<'comment'>(ctx, { type: 'comment', ...query, ...(taskId === undefined ? {} : { where: (c) => c.taskId === taskId }) });
    },
  };
}
