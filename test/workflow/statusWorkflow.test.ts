import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/model/approval.js';
import { createApproval } from '../../src/workflow/approvals/createApproval.js';
import { availableTransitions } from '../../src/workflow/status/availableTransitions.js';
import { setChecklistItem } from '../../src/workflow/status/setChecklistItem.js';
import { CREATIVE_STATUS_WORKFLOW, defineStatusWorkflow } from '../../src/workflow/status/statusWorkflow.js';
import type { TaskBoard } from '../../src/workflow/status/transitionBlockers.js';
import { transitionTask } from '../../src/workflow/status/transitionTask.js';
import { actors, link, task, thrown } from './_fixtures.js';

const NOW = '2026-03-02T01:30:00Z'; // 09:30 in Shanghai
const at = (actor: (typeof actors)[keyof typeof actors]) => ({ actor, now: NOW, timeZone: 'Asia/Shanghai' });

const brief = task({ id: 'brief', name: 'Write the brief', ownerId: 'm-wang', status: 'in_review', statusCategory: 'in_review', actualStart: '2026-02-27T09:00' });
const design = task({ id: 'design', name: 'Design the key visual', ownerId: 'm-sun', assigneeIds: ['m-ad'] });
const board: TaskBoard = { tasks: [brief, design], links: [link('brief', 'design')], approvals: [] };

describe('defineStatusWorkflow', () => {
  it('rejects a duplicate status, an unknown initial status and transitions to unknown statuses', () => {
    const error = thrown(() =>
      defineStatusWorkflow({
        taskType: 'legal',
        statuses: [{ name: 'Queued', category: 'todo' }, { name: 'Queued', category: 'done' }],
        initial: 'New',
        transitions: [{ from: ['Queued', 'Nowhere'], to: 'Cleared' }],
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues?.map((i) => [i.path, i.message])).toEqual([
      [['statuses', 1, 'name'], "status 'Queued' is defined twice"],
      [['initial'], "'New' is not one of the statuses"],
      [['transitions', 0, 'from', 1], "'Nowhere' is not one of the statuses"],
      [['transitions', 0, 'to'], "'Cleared' is not one of the statuses"],
    ]);
  });
});

describe('transitionTask', () => {
  it('starts a task: new status and category, actual start in local time, one event', () => {
    const done = transitionTask(board, { taskId: 'brief', to: 'done' }, at(actors.marketer));
    const { state, events } = transitionTask(done.state, { taskId: 'design', to: 'in_progress' }, at(actors.designer));
    expect(state.tasks[1]).toEqual({ ...design, status: 'in_progress', statusCategory: 'in_progress', actualStart: '2026-03-02T09:30' });
    expect(events).toEqual([
      {
        type: 'task.statusChanged',
        campaignId: 'launch',
        taskId: 'design',
        from: 'todo',
        fromCategory: 'todo',
        to: 'in_progress',
        toCategory: 'in_progress',
        by: 'm-sun',
        at: NOW,
      },
    ]);
  });

  it('finishing records the actual finish and 100 % complete; reopening clears the finish', () => {
    const done = transitionTask(board, { taskId: 'brief', to: 'done' }, at(actors.marketer)).state;
    expect(done.tasks[0]).toMatchObject({ status: 'done', actualStart: '2026-02-27T09:00', actualFinish: '2026-03-02T09:30', percentComplete: 100 });
    const reopened = transitionTask(done, { taskId: 'brief', to: 'in_progress', comment: 'Sales asked for a new segment' }, at(actors.manager)).state;
    expect(reopened.tasks[0]?.actualFinish).toBeUndefined();
    expect(reopened.tasks[0]?.statusCategory).toBe('in_progress');
  });

  it('leaves the board it was given unchanged', () => {
    transitionTask(board, { taskId: 'brief', to: 'done' }, at(actors.marketer));
    expect(board.tasks[0]).toBe(brief);
    expect(brief.status).toBe('in_review');
  });

  it('refuses an unknown status and a transition the workflow does not have with VALIDATION', () => {
    expect(thrown(() => transitionTask(board, { taskId: 'design', to: 'finished' }, at(actors.manager))).message).toBe(
      "Invalid transition: to: 'finished' is not a status of task type 'task'; expected one of 'backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled'",
    );
    const error = thrown(() => transitionTask(board, { taskId: 'design', to: 'done' }, at(actors.manager)));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      "Invalid transition: to: the 'task' workflow has no transition from 'todo' to 'done'; allowed from 'todo': 'backlog', 'in_progress', 'cancelled'",
    );
  });

  it('refuses an unknown task with NOT_FOUND', () => {
    expect(thrown(() => transitionTask(board, { taskId: 'nope', to: 'done' }, at(actors.manager))).code).toBe('NOT_FOUND');
  });

  describe('per role', () => {
    it('lets the owner, an assignee or a manager finish a task, but not another member', () => {
      const error = thrown(() => transitionTask(board, { taskId: 'brief', to: 'done' }, at(actors.designer)));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.details.permission).toBe('task.transition');
      expect(error.message).toBe(
        "m-sun may not task.transition: only role admin, role manager, the task's owner and assignees may move a task from 'in_review' to 'done'",
      );
      expect(transitionTask(board, { taskId: 'brief', to: 'done' }, at(actors.marketer)).state.tasks[0]?.status).toBe('done');
      expect(transitionTask(board, { taskId: 'brief', to: 'done' }, at(actors.manager)).state.tasks[0]?.status).toBe('done');
    });

    it('lets only managers cancel', () => {
      expect(thrown(() => transitionTask(board, { taskId: 'design', to: 'cancelled' }, at(actors.designer))).code).toBe('FORBIDDEN');
      expect(transitionTask(board, { taskId: 'design', to: 'cancelled' }, at(actors.manager)).state.tasks[1]?.statusCategory).toBe('cancelled');
    });

    it('never lets a viewer move a task', () => {
      const error = thrown(() => transitionTask(board, { taskId: 'design', to: 'backlog' }, at(actors.viewer)));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toBe(
        'm-wu may not task.transition: role viewer on campaign launch does not grant task.transition (viewers cannot write)',
      );
    });

    it('lets an agency move only the tasks assigned to it', () => {
      const open = { ...board, links: [] };
      expect(transitionTask(open, { taskId: 'design', to: 'in_progress' }, at(actors.agency)).state.tasks[1]?.status).toBe('in_progress');
      expect(thrown(() => transitionTask(open, { taskId: 'brief', to: 'in_progress', comment: 'x' }, at(actors.agency))).message).toBe(
        'm-ad may not task.transition: role external on campaign launch grants task.transition only on a task they own or are assigned to',
      );
    });

    it('in the creative workflow, lets the design department pass internal review but only managers approve', () => {
      const piece = task({ id: 'kv', name: 'Key visual', type: 'creative', ownerId: 'm-wang', status: 'Internal review', statusCategory: 'in_review' });
      const creative: TaskBoard = { tasks: [piece], links: [], approvals: [] };
      const context = (actor: (typeof actors)[keyof typeof actors]) => ({ ...at(actor), workflows: [CREATIVE_STATUS_WORKFLOW] });
      expect(transitionTask(creative, { taskId: 'kv', to: 'Client review' }, context(actors.designer)).state.tasks[0]?.statusCategory).toBe('in_review');
      expect(thrown(() => transitionTask(creative, { taskId: 'kv', to: 'Client review' }, context(actors.sales))).message).toBe(
        "m-zhao may not task.transition: only role admin, role manager, the design department may move a task from 'Internal review' to 'Client review'",
      );
      const inClient = transitionTask(creative, { taskId: 'kv', to: 'Client review' }, context(actors.manager)).state;
      expect(thrown(() => transitionTask(inClient, { taskId: 'kv', to: 'Approved' }, context(actors.marketer))).code).toBe('FORBIDDEN');
      expect(transitionTask(inClient, { taskId: 'kv', to: 'Approved' }, context(actors.manager)).state.tasks[0]).toMatchObject({
        status: 'Approved',
        statusCategory: 'done',
      });
    });
  });

  describe('guards', () => {
    it('keeps a task with an open checklist item from being done', () => {
      const open = { ...board, tasks: [{ ...brief, checklist: [{ id: 'c1', text: 'Legal wording', done: false }] }, design] };
      const error = thrown(() => transitionTask(open, { taskId: 'brief', to: 'done' }, at(actors.manager)));
      expect(error.code).toBe('INVALID_STATE');
      expect(error.message).toBe("Cannot move task 'brief' to 'done': tick checklist items 'c1' before finishing the task");
      expect(error.details.blockers).toEqual([{ guard: 'checklist', ids: ['c1'], message: "tick checklist items 'c1' before finishing the task" }]);
    });

    it('keeps a task from being done while a required approval of it is not approved', () => {
      const approval = (required: boolean, status: Approval['status']): Approval => ({
        ...createApproval({ id: 'ap-brief', campaignId: 'launch', subject: { type: 'task', id: 'brief' }, required, stages: [{ name: 'Sign-off', approvers: ['m-li'] }] }),
        status,
      });
      const pending = { ...board, approvals: [approval(true, 'pending')] };
      expect(thrown(() => transitionTask(pending, { taskId: 'brief', to: 'done' }, at(actors.manager))).message).toBe(
        "Cannot move task 'brief' to 'done': approvals 'ap-brief' must be approved before the task is done",
      );
      expect(transitionTask({ ...board, approvals: [approval(true, 'approved')] }, { taskId: 'brief', to: 'done' }, at(actors.manager)).events).toHaveLength(1);
      expect(transitionTask({ ...board, approvals: [approval(false, 'pending')] }, { taskId: 'brief', to: 'done' }, at(actors.manager)).events).toHaveLength(1);
    });

    it('keeps a successor from starting before its finish-to-start predecessor is done', () => {
      const error = thrown(() => transitionTask(board, { taskId: 'design', to: 'in_progress' }, at(actors.designer)));
      expect(error.code).toBe('INVALID_STATE');
      expect(error.message).toBe("Cannot move task 'design' to 'in_progress': finish-to-start predecessors 'brief' must be done first");
    });

    it('lets the successor start when the guard is switched off, the link is start-to-start or the predecessor was cancelled', () => {
      const relaxed = defineStatusWorkflow({
        taskType: 'task',
        statuses: [{ name: 'todo', category: 'todo' }, { name: 'in_progress', category: 'in_progress' }],
        initial: 'todo',
        transitions: [{ from: 'todo', to: 'in_progress' }],
        guards: { predecessors: 'allow' },
      });
      expect(transitionTask(board, { taskId: 'design', to: 'in_progress' }, { ...at(actors.designer), workflows: [relaxed] }).state.tasks[1]?.status).toBe('in_progress');
      const ss = { ...board, links: [link('brief', 'design', { type: 'SS' })] };
      expect(transitionTask(ss, { taskId: 'design', to: 'in_progress' }, at(actors.designer)).state.tasks[1]?.status).toBe('in_progress');
      const cancelled = transitionTask(board, { taskId: 'brief', to: 'cancelled' }, at(actors.manager)).state;
      expect(transitionTask(cancelled, { taskId: 'design', to: 'in_progress' }, at(actors.designer)).state.tasks[1]?.status).toBe('in_progress');
    });

    it('keeps a done task from being reopened while its successor has started', () => {
      const done = transitionTask(board, { taskId: 'brief', to: 'done' }, at(actors.marketer)).state;
      const started = transitionTask(done, { taskId: 'design', to: 'in_progress' }, at(actors.designer)).state;
      expect(thrown(() => transitionTask(started, { taskId: 'brief', to: 'in_progress', comment: 'redo' }, at(actors.manager))).message).toBe(
        "Cannot move task 'brief' to 'in_progress': successors 'design' have started; move them back before reopening or restoring this task",
      );
    });

    it('keeps a cancelled predecessor from being restored while its successor has started', () => {
      const cancelled = transitionTask(board, { taskId: 'brief', to: 'cancelled' }, at(actors.manager)).state;
      const started = transitionTask(cancelled, { taskId: 'design', to: 'in_progress' }, at(actors.designer)).state;
      expect(thrown(() => transitionTask(started, { taskId: 'brief', to: 'todo' }, at(actors.manager))).message).toBe(
        "Cannot move task 'brief' to 'todo': successors 'design' have started; move them back before reopening or restoring this task",
      );
    });

    it('asks for a comment when work is sent back', () => {
      const error = thrown(() => transitionTask(board, { taskId: 'brief', to: 'in_progress' }, at(actors.marketer)));
      expect(error.message).toBe("Invalid transition: comment: moving a task from 'in_review' to 'in_progress' needs a comment saying why");
    });
  });
});

describe('availableTransitions', () => {
  it('lists each move from the current status with whether the actor may take it and why not', () => {
    expect(availableTransitions(board, 'design', at(actors.designer))).toEqual([
      { to: 'backlog', category: 'backlog', allowed: true, commentRequired: false, blockers: [] },
      {
        to: 'in_progress',
        category: 'in_progress',
        allowed: false,
        commentRequired: false,
        code: 'INVALID_STATE',
        reason: "Cannot move task 'design' to 'in_progress': finish-to-start predecessors 'brief' must be done first",
        blockers: [{ guard: 'predecessor', ids: ['brief'], message: "finish-to-start predecessors 'brief' must be done first" }],
      },
      {
        to: 'cancelled',
        category: 'cancelled',
        allowed: false,
        commentRequired: false,
        code: 'FORBIDDEN',
        reason: "only role admin, role manager may move a task from 'todo' to 'cancelled'",
        blockers: [],
      },
    ]);
  });
});

describe('setChecklistItem', () => {
  const withList = { ...board, tasks: [{ ...brief, checklist: [{ id: 'c1', text: 'Legal wording', done: false }] }, design] };

  it('ticks an item and emits an event', () => {
    const { state, events } = setChecklistItem(withList, { taskId: 'brief', itemId: 'c1', done: true }, at(actors.marketer));
    expect(state.tasks[0]?.checklist).toEqual([{ id: 'c1', text: 'Legal wording', done: true }]);
    expect(events).toEqual([{ type: 'task.checklistChanged', campaignId: 'launch', taskId: 'brief', itemId: 'c1', done: true, by: 'm-wang', at: NOW }]);
  });

  it('refuses to untick an item of a done task', () => {
    const ticked = setChecklistItem(withList, { taskId: 'brief', itemId: 'c1', done: true }, at(actors.marketer)).state;
    const done = transitionTask(ticked, { taskId: 'brief', to: 'done' }, at(actors.marketer)).state;
    expect(thrown(() => setChecklistItem(done, { taskId: 'brief', itemId: 'c1', done: false }, at(actors.marketer))).message).toBe(
      "Task 'brief' is done; reopen it before unticking 'c1'",
    );
  });

  it('refuses a viewer and an unknown item', () => {
    expect(thrown(() => setChecklistItem(withList, { taskId: 'brief', itemId: 'c1', done: true }, at(actors.viewer))).code).toBe('FORBIDDEN');
    expect(thrown(() => setChecklistItem(withList, { taskId: 'brief', itemId: 'c9', done: true }, at(actors.marketer))).code).toBe('NOT_FOUND');
  });
});
