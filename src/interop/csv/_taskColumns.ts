import type { Dependency } from '../../model/dependency.js';
import type { DurationInput } from '../../model/primitives.js';
import type { Task } from '../../model/task.js';
import { booleanColumn, codeColumn, listColumn, numberColumn, textColumn, type Column, type WriteContext } from './_column.js';
import { formatPredecessor, lagParts, parsePredecessors } from './_predecessors.js';

/** What task cells are written with: each task's row ID and the links into it. */
export interface TaskWriteContext extends WriteContext {
  /** Row ID (1-based position) by task id. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** Links by successor id. */
  readonly into: ReadonlyMap<string, readonly Dependency[]>;
}

/** A duration as the cell writes it: `3d`, `0d`, `1.5w`, `-1d` (spaces and aliases normalised). */
function durationText(duration: DurationInput): string {
  const parts = lagParts(duration);
  return parts === undefined ? String(duration) : `${parts.value}${parts.unit}`;
}

const ROW_ID = /^\d+$/;

/** A row ID cell (`ID`, `Parent ID`): a whole number of at least 1. */
function rowColumn(headers: { key: string; en: string; zh: string }, get: (task: Task, context: TaskWriteContext) => number | undefined): Column<Task, TaskWriteContext> {
  return {
    ...headers,
    numeric: true,
    write: (task, context) => {
      const row = get(task, context);
      return row === undefined ? undefined : String(row);
    },
    read: (text, draft) => {
      const trimmed = text.trim();
      if (!ROW_ID.test(trimmed) || Number(trimmed) < 1) return `expected a row ID (a whole number from 1), got '${trimmed}'`;
      draft[headers.key] = Number(trimmed);
      return undefined;
    },
  };
}

/**
 * The task table: Microsoft Project's column names where Project has the column (its Chinese
 * edition's names in `zh`), the model's field names otherwise. Enum values (priority, status
 * category) are written as the model's codes in both languages.
 */
export const TASK_COLUMNS: readonly Column<Task, TaskWriteContext>[] = [
  rowColumn({ key: 'row', en: 'ID', zh: '标识号' }, (task, { rowOf }) => rowOf.get(task.id)),
  codeColumn({ key: 'id', en: 'Unique ID', zh: '唯一标识号' }, (t: Task) => t.id),
  rowColumn({ key: 'parent', en: 'Parent ID', zh: '父任务标识号' }, (task, { rowOf }) => (task.parentId === undefined ? undefined : rowOf.get(task.parentId))),
  textColumn({ key: 'name', en: 'Task Name', zh: '任务名称', required: true }, (t: Task) => t.name),
  codeColumn({ key: 'duration', en: 'Duration', zh: '工期' }, (t: Task) => durationText(t.duration)),
  codeColumn({ key: 'start', en: 'Start', zh: '开始' }, (t: Task) => t.start),
  codeColumn({ key: 'finish', en: 'Finish', zh: '完成' }, (t: Task) => t.finish),
  {
    key: 'predecessors',
    en: 'Predecessors',
    zh: '前置任务',
    write: (task, { rowOf, into }) => {
      const links = into.get(task.id) ?? [];
      return links.length === 0 ? undefined : links.map((link) => formatPredecessor(rowOf.get(link.from) ?? 0, link.type, link.lag)).join(',');
    },
    read: (text, draft) => {
      const refs = parsePredecessors(text);
      if (typeof refs === 'string') return refs;
      draft['predecessors'] = refs;
      return undefined;
    },
  },
  numberColumn({ key: 'percentComplete', en: '% Complete', zh: '完成百分比' }, (t: Task) => t.percentComplete, '%'),
  booleanColumn({ key: 'milestone', en: 'Milestone', zh: '里程碑' }, (t: Task) => t.milestone),
  codeColumn({ key: 'type', en: 'Type', zh: '任务类型' }, (t: Task) => t.type),
  codeColumn({ key: 'status', en: 'Status', zh: '状态' }, (t: Task) => t.status),
  codeColumn({ key: 'statusCategory', en: 'Status Category', zh: '状态类别' }, (t: Task) => t.statusCategory),
  codeColumn({ key: 'priority', en: 'Priority', zh: '优先级' }, (t: Task) => t.priority),
  codeColumn({ key: 'ownerId', en: 'Owner', zh: '负责人' }, (t: Task) => t.ownerId),
  listColumn({ key: 'assigneeIds', en: 'Assignees', zh: '执行人' }, (t: Task) => t.assigneeIds),
  codeColumn({ key: 'stageId', en: 'Stage', zh: '阶段' }, (t: Task) => t.stageId),
  codeColumn({ key: 'constraintType', en: 'Constraint Type', zh: '限制类型' }, (t: Task) => t.constraint?.type),
  codeColumn({ key: 'constraintDate', en: 'Constraint Date', zh: '限制日期' }, (t: Task) => (t.constraint !== undefined && 'date' in t.constraint ? t.constraint.date : undefined)),
  codeColumn({ key: 'deadline', en: 'Deadline', zh: '期限' }, (t: Task) => t.deadline),
  codeColumn({ key: 'actualStart', en: 'Actual Start', zh: '实际开始' }, (t: Task) => t.actualStart),
  codeColumn({ key: 'actualFinish', en: 'Actual Finish', zh: '实际完成' }, (t: Task) => t.actualFinish),
  codeColumn({ key: 'calendarId', en: 'Calendar', zh: '日历' }, (t: Task) => t.calendarId),
  codeColumn({ key: 'channel', en: 'Channel', zh: '渠道' }, (t: Task) => t.channel),
  numberColumn({ key: 'storyPoints', en: 'Story Points', zh: '故事点' }, (t: Task) => t.storyPoints),
  listColumn({ key: 'tags', en: 'Tags', zh: '标签' }, (t: Task) => t.tags),
  textColumn({ key: 'description', en: 'Notes', zh: '备注' }, (t: Task) => t.description),
];
