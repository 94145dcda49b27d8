import * as z from 'zod';
import { invalidField, parseInput } from '../../core/validate.js';
import { DependencySchema, type Dependency, type DependencyInput } from '../../model/dependency.js';
import { TaskSchema, type TaskInput } from '../../model/task.js';
import { TASK_COLUMNS } from './_taskColumns.js';
import { CsvExportOptionsSchema } from './_schemas.js';
import { writeTable } from './_writeTable.js';
import type { CsvExportOptions } from './csvOptions.js';

/** Options of {@link tasksToCsv}. */
export interface TasksToCsvOptions extends CsvExportOptions {
  /** Links between the tasks, written into each successor's `Predecessors` cell. */
  readonly dependencies?: readonly DependencyInput[];
}

const OptionsSchema = CsvExportOptionsSchema.extend({ dependencies: z.array(DependencySchema).default([]) });

/**
 * Writes tasks as CSV, one row per task in the order given. `ID` is the row's position (1-based),
 * `Unique ID` the task's id, `Parent ID` the parent's row ID, and `Predecessors` lists the links
 * into the task in Microsoft Project's notation (`3`, `3FS+2d`, `2SS`, `4FF-1d`, `5SF+50%`). The
 * text starts with a UTF-8 byte order mark and ends every row with CRLF; text cells starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`. Checklists and recurrence rules
 * are not written. See docs/interop-csv.md for every column.
 *
 * Throws `VALIDATION` for tasks or links the schemas refuse, a duplicate task id, a parent that is
 * not among the tasks, or a link whose tasks are not both among them.
 *
 * @example
 * ```ts
 * tasksToCsv(
 *   [
 *     { id: 'brief', campaignId: 'c1', name: 'Brief', duration: '2d' },
 *     { id: 'kv', campaignId: 'c1', name: 'Key visual', duration: '3d' },
 *   ],
 *   { dependencies: [{ id: 'l1', campaignId: 'c1', from: 'brief', to: 'kv', lag: '1d' }] },
 * );
 * // '\uFEFFID,Unique ID,Parent ID,Task Name,Duration,…,Predecessors,…\r\n'
 * // + '1,brief,,Brief,2d,…\r\n'
 * // + '2,kv,,Key visual,3d,…,1FS+1d,…\r\n'
 * ```
 */
export function tasksToCsv(tasks: readonly TaskInput[], options: TasksToCsvOptions = {}): string {
  const rows = parseInput(z.array(TaskSchema), tasks, 'tasks');
  const { headers, delimiter, decimalSeparator, dependencies } = parseInput(OptionsSchema, options, 'CSV options');
  const rowOf = new Map<string, number>();
  rows.forEach((task, index) => {
    if (rowOf.has(task.id)) throw invalidField('tasks', [index, 'id'], `duplicate task id '${task.id}'`);
    rowOf.set(task.id, index + 1);
  });
  rows.forEach((task, index) => {
    if (task.parentId !== undefined && !rowOf.has(task.parentId)) throw invalidField('tasks', [index, 'parentId'], `the parent '${task.parentId}' is not among the tasks written`);
  });
  const into = new Map<string, Dependency[]>();
  dependencies.forEach((link, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!rowOf.has(link[end])) throw invalidField('CSV options', ['dependencies', index, end], `the task '${link[end]}' is not among the tasks written`);
    }
    into.set(link.to, [...(into.get(link.to) ?? []), link]);
  });
  return writeTable(TASK_COLUMNS, rows, { language: headers, decimal: decimalSeparator, rowOf, into }, delimiter);
}
