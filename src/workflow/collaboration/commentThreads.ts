import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { CommentSchema, type Comment } from '../../model/collaboration.js';
import { TaskIdSchema } from '../../model/ids.js';

/** A comment and its replies, recursively. */
export interface CommentThread {
  /** The comment. */
  readonly comment: Comment;
  /** Replies, oldest first. */
  readonly replies: readonly CommentThread[];
}

const CommentsSchema = z.array(CommentSchema);

/** Options of {@link commentThreads}. */
export const CommentThreadsOptionsSchema = z.object({
  /** Only this task's comments; `null` for comments on the campaign itself; absent for all. */
  taskId: TaskIdSchema.nullable().optional(),
});

const oldestFirst = (a: Comment, b: Comment) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Comments arranged as threads, oldest first at every level. With `taskId`, only that task's
 * comments; with `null`, only comments on the campaign itself. A reply whose parent is missing is
 * shown as a thread of its own rather than lost.
 *
 * @example
 * ```ts
 * commentThreads(comments, { taskId: 'plan' });
 * // [{ comment: { id: 'cm-1', ... }, replies: [{ comment: { id: 'cm-2', parentId: 'cm-1', ... }, replies: [] }] }]
 * ```
 */
export function commentThreads(comments: readonly Comment[], options: { taskId?: string | null } = {}): CommentThread[] {
  const all = parseInput(CommentsSchema, comments, 'comments');
  const { taskId } = parseInput(CommentThreadsOptionsSchema, options, 'comment thread options');
  const scoped = all.filter((c) => taskId === undefined || (taskId === null ? c.taskId === undefined : c.taskId === taskId));
  const ids = new Set(scoped.map((c) => c.id as string));
  const children = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of scoped) {
    if (comment.parentId === undefined || !ids.has(comment.parentId)) roots.push(comment);
    else children.set(comment.parentId, [...(children.get(comment.parentId) ?? []), comment]);
  }
  const build = (comment: Comment): CommentThread => ({ comment, replies: (children.get(comment.id) ?? []).sort(oldestFirst).map(build) });
  return roots.sort(oldestFirst).map(build);
}
