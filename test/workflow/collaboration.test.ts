import { describe, expect, it } from 'vitest';
import type { ActorInput } from '../../src/access/actor.js';
import { createApproval } from '../../src/workflow/approvals/createApproval.js';
import { submitApproval } from '../../src/workflow/approvals/submitApproval.js';
import { addAttachment } from '../../src/workflow/collaboration/addAttachment.js';
import { addComment } from '../../src/workflow/collaboration/addComment.js';
import { commentThreads, type CommentThread } from '../../src/workflow/collaboration/commentThreads.js';
import { extractMentions } from '../../src/workflow/collaboration/extractMentions.js';
import { inbox } from '../../src/workflow/collaboration/inbox.js';
import { latestAttachments } from '../../src/workflow/collaboration/latestAttachments.js';
import { taskChangeLog } from '../../src/workflow/collaboration/taskChangeLog.js';
import { actors, task, thrown } from './_fixtures.js';

const at = (actor: ActorInput, now: string) => ({ actor, now, timeZone: 'Asia/Shanghai' });

describe('extractMentions', () => {
  it('finds each @id once, in order, without trailing punctuation or e-mail addresses', () => {
    expect(extractMentions('@m-li please check, cc @m-zhou. Mail ops@example.com or @m-li again')).toEqual(['m-li', 'm-zhou']);
  });

  it('keeps only known members when told who they are', () => {
    expect(extractMentions('@m-li and @nobody', ['m-li', 'm-zhou'])).toEqual(['m-li']);
  });
});

describe('addComment', () => {
  const first = addComment([], { id: 'cm-1', campaignId: 'launch', taskId: 'plan', body: '@m-zhou can legal check section 3.2? @m-wang FYI' }, at(actors.manager, '2026-03-06T02:00:00Z'));

  it('stores the comment with its mentions and tells each mentioned member', () => {
    expect(first.state).toEqual([
      {
        id: 'cm-1',
        campaignId: 'launch',
        taskId: 'plan',
        authorId: 'm-li',
        body: '@m-zhou can legal check section 3.2? @m-wang FYI',
        mentions: ['m-zhou', 'm-wang'],
        attachmentIds: [],
        createdAt: '2026-03-06T02:00:00Z',
      },
    ]);
    expect(first.events).toEqual([
      { type: 'comment.added', campaignId: 'launch', taskId: 'plan', commentId: 'cm-1', by: 'm-li', at: '2026-03-06T02:00:00Z' },
      { type: 'member.mentioned', campaignId: 'launch', taskId: 'plan', memberId: 'm-zhou', commentId: 'cm-1', by: 'm-li', at: '2026-03-06T02:00:00Z' },
      { type: 'member.mentioned', campaignId: 'launch', taskId: 'plan', memberId: 'm-wang', commentId: 'cm-1', by: 'm-li', at: '2026-03-06T02:00:00Z' },
    ]);
  });

  it('threads replies and does not notify authors who mention themselves', () => {
    const reply = addComment(first.state, { id: 'cm-2', campaignId: 'launch', taskId: 'plan', parentId: 'cm-1', body: 'Done, see the tracked changes @m-zhou' }, at(actors.legal, '2026-03-06T03:00:00Z'));
    expect(reply.events.map((e) => e.type)).toEqual(['comment.added']);
    expect(reply.events[0]).toMatchObject({ parentId: 'cm-1' });
    const again = addComment(reply.state, { id: 'cm-3', campaignId: 'launch', taskId: 'plan', parentId: 'cm-2', body: 'Thanks' }, at(actors.manager, '2026-03-06T04:00:00Z'));
    const other = addComment(again.state, { id: 'cm-4', campaignId: 'launch', body: 'Kick-off on Monday' }, at(actors.manager, '2026-03-06T01:00:00Z'));
    const ids = (threads: readonly CommentThread[]): unknown => threads.map((t) => [t.comment.id, ids(t.replies)]);
    expect(ids(commentThreads(other.state, { taskId: 'plan' }))).toEqual([['cm-1', [['cm-2', [['cm-3', []]]]]]]);
    expect(ids(commentThreads(other.state, { taskId: null }))).toEqual([['cm-4', []]]);
    expect(ids(commentThreads(other.state))).toEqual([
      ['cm-4', []],
      ['cm-1', [['cm-2', [['cm-3', []]]]]],
    ]);
  });

  it('refuses a reply to a missing comment, to another task, a duplicate id and a viewer', () => {
    const reply = (parentId: string, taskId = 'plan') => addComment(first.state, { id: 'cm-9', campaignId: 'launch', taskId, parentId, body: 'x' }, at(actors.legal, '2026-03-06T03:00:00Z'));
    expect(thrown(() => reply('cm-0')).code).toBe('NOT_FOUND');
    expect(thrown(() => reply('cm-1', 'research')).message).toBe("Invalid comment: parentId: a reply must be on the same campaign and task as comment 'cm-1'");
    expect(thrown(() => addComment(first.state, { id: 'cm-1', campaignId: 'launch', body: 'x' }, at(actors.legal, '2026-03-06T03:00:00Z'))).code).toBe('CONFLICT');
    expect(thrown(() => addComment([], { id: 'cm-1', campaignId: 'launch', body: 'x' }, at(actors.viewer, '2026-03-06T03:00:00Z'))).details.permission).toBe('comment.create');
  });

  it('lets an agency comment', () => {
    expect(addComment([], { id: 'cm-1', campaignId: 'launch', body: 'Draft uploaded' }, at(actors.agency, '2026-03-06T03:00:00Z')).state).toHaveLength(1);
  });
});

describe('attachments', () => {
  it('adds versions under one id and keeps every version', () => {
    // The agency attaches to the task assigned to it.
    const kv = { id: 'kv', campaignId: 'launch', name: 'Key visual', assigneeIds: ['m-ad'] };
    const v1 = addAttachment([], { id: 'att-kv', campaignId: 'launch', taskId: 'kv', name: 'kv.png', ref: 's3://assets/kv-v1.png', size: 482113, contentType: 'image/png' }, at(actors.agency, '2026-03-17T02:00:00Z'), { task: kv });
    const v2 = addAttachment(v1.state, { id: 'att-kv', campaignId: 'launch', taskId: 'kv', name: 'kv.png', ref: 's3://assets/kv-v2.png', size: 501220 }, at(actors.designer, '2026-03-18T02:00:00Z'));
    expect(v2.state.map((a) => [a.id, a.version, a.ref, a.uploadedBy])).toEqual([
      ['att-kv', 1, 's3://assets/kv-v1.png', 'm-ad'],
      ['att-kv', 2, 's3://assets/kv-v2.png', 'm-sun'],
    ]);
    expect(v2.events).toEqual([{ type: 'attachment.added', campaignId: 'launch', attachmentId: 'att-kv', version: 2, taskId: 'kv', by: 'm-sun', at: '2026-03-18T02:00:00Z' }]);
    expect(latestAttachments(v2.state, { taskId: 'kv' }).map((a) => [a.id, a.version])).toEqual([['att-kv', 2]]);
  });

  it('refuses an id of another campaign and a viewer', () => {
    const v1 = addAttachment([], { id: 'att-kv', campaignId: 'launch', name: 'kv.png', ref: 'k' }, at(actors.designer, '2026-03-17T02:00:00Z'));
    const elsewhere = { ...actors.designer, roles: [{ role: 'member' as const }] };
    expect(thrown(() => addAttachment(v1.state, { id: 'att-kv', campaignId: 'other', name: 'kv.png', ref: 'k' }, at(elsewhere, '2026-03-17T02:00:00Z'))).code).toBe('CONFLICT');
    expect(thrown(() => addAttachment([], { id: 'att-kv', campaignId: 'launch', name: 'kv.png', ref: 'k' }, at(actors.viewer, '2026-03-17T02:00:00Z'))).code).toBe('FORBIDDEN');
  });

  it('lets an agency attach only to tasks assigned to it', () => {
    const command = { id: 'att-kv', campaignId: 'launch', taskId: 'kv', name: 'kv.png', ref: 'k' };
    const theirs = { id: 'kv', campaignId: 'launch', name: 'Key visual', assigneeIds: ['m-ad'] };
    expect(addAttachment([], command, at(actors.agency, '2026-03-17T02:00:00Z'), { task: theirs }).state).toHaveLength(1);
    expect(thrown(() => addAttachment([], command, at(actors.agency, '2026-03-17T02:00:00Z'), { task: { ...theirs, assigneeIds: ['m-sun'] } })).code).toBe('FORBIDDEN');
    expect(thrown(() => addAttachment([], { ...command, taskId: undefined }, at(actors.agency, '2026-03-17T02:00:00Z'))).code).toBe('FORBIDDEN');
    expect(thrown(() => addAttachment([], command, at(actors.agency, '2026-03-17T02:00:00Z'), { task: { ...theirs, id: 'other' } })).code).toBe('VALIDATION');
  });
});

describe('taskChangeLog', () => {
  it('lists a task’s changes from the audit trail, oldest first, with previous values', () => {
    const entries = [
      {
        at: '2026-03-03T01:00:00Z',
        actorId: 'm-wang',
        entityType: 'task',
        entityId: 'plan',
        action: 'task.checklist',
        patches: [{ op: 'replace' as const, path: ['checklist', 1, 'done'], value: true }],
        inversePatches: [{ op: 'replace' as const, path: ['checklist', 1, 'done'], value: false }],
      },
      {
        at: '2026-03-02T01:00:00Z',
        actorId: 'm-wang',
        entityType: 'task',
        entityId: 'plan',
        action: 'task.transition',
        patches: [
          { op: 'replace' as const, path: ['status'], value: 'in_progress' },
          { op: 'add' as const, path: ['actualStart'], value: '2026-03-02T09:00' },
        ],
        inversePatches: [
          { op: 'replace' as const, path: ['status'], value: 'todo' },
          { op: 'remove' as const, path: ['actualStart'] },
        ],
      },
      { at: '2026-03-02T02:00:00Z', actorId: 'm-li', entityType: 'task', entityId: 'research', patches: [{ op: 'remove' as const, path: ['deadline'] }] },
    ];
    expect(taskChangeLog(entries, 'plan')).toEqual([
      {
        at: '2026-03-02T01:00:00Z',
        actorId: 'm-wang',
        action: 'task.transition',
        changes: [
          { field: 'status', op: 'replace', from: 'todo', to: 'in_progress' },
          { field: 'actualStart', op: 'add', to: '2026-03-02T09:00' },
        ],
      },
      { at: '2026-03-03T01:00:00Z', actorId: 'm-wang', action: 'task.checklist', changes: [{ field: 'checklist[1].done', op: 'replace', from: false, to: true }] },
    ]);
    expect(taskChangeLog(entries, 'research')).toEqual([{ at: '2026-03-02T02:00:00Z', actorId: 'm-li', changes: [{ field: 'deadline', op: 'remove' }] }]);
  });
});

describe('inbox', () => {
  it('collects open assigned tasks, mentions by others and approvals waiting, including as a delegate', () => {
    const tasks = [
      task({ id: 'plan', name: 'Write the plan', ownerId: 'm-wang', finish: '2026-03-11T17:00' }),
      task({ id: 'video', name: 'Short video', ownerId: 'm-sun', assigneeIds: ['m-wang'], finish: '2026-03-09T17:00' }),
      task({ id: 'brief', name: 'Brief', ownerId: 'm-wang', status: 'done', statusCategory: 'done' }),
      task({ id: 'misc', name: 'Unscheduled', assigneeIds: ['m-wang'] }),
    ];
    const comments = addComment([], { id: 'cm-1', campaignId: 'launch', taskId: 'plan', body: '@m-wang see 3.2' }, at(actors.manager, '2026-03-06T02:00:00Z')).state;
    const mine = addComment(comments, { id: 'cm-2', campaignId: 'launch', body: 'note to self @m-wang' }, at(actors.marketer, '2026-03-06T03:00:00Z')).state;
    const draft = createApproval({ id: 'ap-kv', campaignId: 'launch', title: 'Key visual', subject: { type: 'deliverable', id: 'att-kv', version: 1 }, stages: [{ name: 'Design', approvers: ['m-sun', 'm-wang'] }] });
    const pending = submitApproval(draft, {}, at(actors.manager, '2026-03-06T01:00:00Z')).state;
    const delegations = [{ approverId: 'm-sun', delegateId: 'm-wang', from: '2026-03-06T00:00:00Z', to: '2026-03-10T00:00:00Z' }];
    expect(inbox('m-wang', { tasks, approvals: [pending], comments: mine }, { now: '2026-03-06T04:00:00Z', delegations })).toEqual({
      assigned: [
        { taskId: 'video', campaignId: 'launch', name: 'Short video', status: 'todo', statusCategory: 'todo', finish: '2026-03-09T17:00', as: 'assignee' },
        { taskId: 'plan', campaignId: 'launch', name: 'Write the plan', status: 'todo', statusCategory: 'todo', finish: '2026-03-11T17:00', as: 'owner' },
        { taskId: 'misc', campaignId: 'launch', name: 'Unscheduled', status: 'todo', statusCategory: 'todo', as: 'assignee' },
      ],
      mentions: [{ commentId: 'cm-1', campaignId: 'launch', taskId: 'plan', authorId: 'm-li', body: '@m-wang see 3.2', createdAt: '2026-03-06T02:00:00Z' }],
      approvals: [
        { approvalId: 'ap-kv', campaignId: 'launch', title: 'Key visual', round: 1, stage: 0, stageName: 'Design', waitingSince: '2026-03-06T01:00:00Z' },
        { approvalId: 'ap-kv', campaignId: 'launch', title: 'Key visual', round: 1, stage: 0, stageName: 'Design', waitingSince: '2026-03-06T01:00:00Z', onBehalfOf: 'm-sun' },
      ],
    });
  });

  it('shows only mentions since a given instant', () => {
    const comments = addComment([], { id: 'cm-1', campaignId: 'launch', body: '@m-wang hi' }, at(actors.manager, '2026-03-06T02:00:00Z')).state;
    expect(inbox('m-wang', { tasks: [], comments }, { now: '2026-03-07T00:00:00Z', since: '2026-03-06T02:00:01Z' }).mentions).toEqual([]);
  });
});
