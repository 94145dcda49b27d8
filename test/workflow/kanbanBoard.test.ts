import { describe, expect, it } from 'vitest';
import { kanbanBoard } from '../../src/workflow/status/kanbanBoard.js';
import { CREATIVE_STATUS_WORKFLOW, defineStatusWorkflow } from '../../src/workflow/status/statusWorkflow.js';
import { task } from './_fixtures.js';

const tasks = [
  task({ id: 'a', name: 'Landing page', status: 'in_progress', statusCategory: 'in_progress', ownerId: 'm-wang', channel: 'search', priority: 'low', finish: '2026-03-10T17:00' }),
  task({ id: 'b', name: 'Short video', status: 'in_progress', statusCategory: 'in_progress', ownerId: 'm-sun', channel: 'short-video', priority: 'urgent' }),
  task({ id: 'c', name: 'Booth', status: 'in_progress', statusCategory: 'in_progress', ownerId: 'm-wang', priority: 'low', finish: '2026-03-06T17:00' }),
  task({ id: 'd', name: 'Brief', status: 'done', statusCategory: 'done', ownerId: 'm-wang', channel: 'search' }),
  task({ id: 'e', name: 'Key visual', type: 'creative', status: 'Internal review', statusCategory: 'in_review' }),
];

describe('kanbanBoard', () => {
  it('puts tasks in category columns, urgent first then earliest finish, and flags a column over its WIP limit', () => {
    const board = kanbanBoard(tasks, { wipLimits: { in_progress: 2 } });
    expect(board.columns.map((c) => [c.status, c.wipLimit, c.taskIds, c.overLimit])).toEqual([
      ['backlog', null, [], false],
      ['todo', null, [], false],
      ['in_progress', 2, ['b', 'c', 'a'], true],
      ['in_review', null, ['e'], false],
      ['done', null, ['d'], false],
      ['cancelled', null, [], false],
    ]);
    expect(board.violations).toEqual([{ status: 'in_progress', limit: 2, count: 3, excess: 1 }]);
    expect(board.swimlanes).toEqual([]);
    expect(board.unmapped).toEqual([]);
  });

  it('draws swimlanes by owner, unassigned last', () => {
    const board = kanbanBoard(tasks, { swimlane: 'owner' });
    expect(board.swimlanes.map((l) => [l.key, l.cells.filter((c) => c.taskIds.length > 0).map((c) => [c.status, c.taskIds])])).toEqual([
      ['m-sun', [['in_progress', ['b']]]],
      ['m-wang', [['in_progress', ['c', 'a']], ['done', ['d']]]],
      [null, [['in_review', ['e']]]],
    ]);
  });

  it('draws swimlanes by channel and by priority', () => {
    expect(kanbanBoard(tasks, { swimlane: 'channel' }).swimlanes.map((l) => l.key)).toEqual(['search', 'short-video', null]);
    expect(kanbanBoard(tasks, { swimlane: 'priority' }).swimlanes.map((l) => l.key)).toEqual(['urgent', 'medium', 'low']);
  });

  it('gives a status no WIP limit unless one is set, whatever the status is called', () => {
    const workflow = defineStatusWorkflow({
      taskType: 'build',
      statuses: [{ name: 'constructor', category: 'in_progress' }, { name: 'toString', category: 'done' }],
      initial: 'constructor',
      transitions: [{ from: 'constructor', to: 'toString' }],
    });
    const board = kanbanBoard([task({ id: 'x', name: 'Stand', type: 'build', status: 'constructor', statusCategory: 'in_progress' })], { workflow });
    expect(board.columns.map((c) => [c.status, c.wipLimit, c.taskIds, c.overLimit])).toEqual([
      ['constructor', null, ['x'], false],
      ['toString', null, [], false],
    ]);
  });

  it('uses a workflow’s own statuses and WIP limits, and lists tasks of other workflows as unmapped', () => {
    const board = kanbanBoard(tasks, { workflow: CREATIVE_STATUS_WORKFLOW });
    expect(board.columns.map((c) => [c.status, c.category, c.wipLimit, c.taskIds])).toEqual([
      ['Briefed', 'todo', null, []],
      ['Drafting', 'in_progress', null, []],
      ['Internal review', 'in_review', 3, ['e']],
      ['Client review', 'in_review', null, []],
      ['Approved', 'done', null, []],
      ['Dropped', 'cancelled', null, []],
    ]);
    expect(board.unmapped).toEqual(['b', 'd', 'c', 'a']);
  });
});
