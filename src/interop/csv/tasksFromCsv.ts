import { parseInput } from '../../core/validate.js';
import type { LinkType } from '../../model/dependency.js';
import { TaskSchema, type Task } from '../../model/task.js';
import type { PredecessorRef } from './_predecessors.js';
import { byLine, readTable, validateRow, type ReadRow } from './_readTable.js';
import { CsvImportOptionsSchema, CsvTextSchema } from './_schemas.js';
import { TASK_COLUMNS } from './_taskColumns.js';
import type { CsvImportError, CsvImportResult } from './csvImportResult.js';
import type { CsvImportOptions } from './csvOptions.js';

/** A link read from a `Predecessors` cell, between the ids of the imported tasks. */
export interface ImportedDependency {
  /** Predecessor task id. */
  readonly from: string;
  /** Successor task id. */
  readonly to: string;
  /** Link type. */
  readonly type: LinkType;
  /** Lag (negative for a lead), e.g. `'2d'`, `'-1d'`, `'50%'`, `'0d'`. */
  readonly lag: string;
}

/** What {@link tasksFromCsv} returns: tasks and the links between them. */
export interface TasksFromCsvResult extends CsvImportResult<Task> {
  /** Links between imported tasks, in file order; with `partial`, only links between valid rows. */
  readonly dependencies: ImportedDependency[];
}

const keyOf = (path: readonly PropertyKey[]): string | undefined => {
  const [field, sub] = path;
  if (field === 'constraint') return sub === 'date' ? 'constraintDate' : 'constraintType';
  if (field === 'parentId') return 'parent';
  return typeof field === 'string' ? field : undefined;
};

/**
 * Reads tasks from CSV written by {@link tasksToCsv}, by Excel or by hand, with English or Chinese
 * headers in any order (a UTF-8 byte order mark, CRLF or LF line ends). Rows are referred to by
 * their `ID` cell, or by their position among the data rows when there is no `ID` column; task ids
 * come from the `Unique ID` column, or are `row-<ID>` when it is absent or the cell is empty.
 * `Parent ID` and `Predecessors` name rows by ID and are returned as `parentId` and as
 * `dependencies`. Each row is validated with `TaskSchema`; errors give the file's physical line.
 * With any error no task is returned unless `partial` is set.
 *
 * Throws `VALIDATION` for arguments of the wrong type and `LIMIT_EXCEEDED` for a text longer than
 * `maxCharacters`; every problem inside the file is reported in `errors` instead.
 *
 * @example
 * ```ts
 * const csv = '任务名称,工期,前置任务\r\nBrief,2d,\r\nKey visual,3d,1FS+1d\r\n';
 * tasksFromCsv(csv, { campaignId: 'c1' });
 * // { rows: [{ id: 'row-1', name: 'Brief', duration: '2d', … }, { id: 'row-2', name: 'Key visual', … }],
 * //   dependencies: [{ from: 'row-1', to: 'row-2', type: 'FS', lag: '1d' }], errors: [], warnings: [] }
 * ```
 */
export function tasksFromCsv(text: string, options: CsvImportOptions): TasksFromCsvResult {
  const source = parseInput(CsvTextSchema, text, 'CSV text');
  const { campaignId, partial, delimiter, decimalSeparator, maxCharacters } = parseInput(CsvImportOptionsSchema, options, 'CSV options');
  const table = readTable(source, TASK_COLUMNS, { delimiter, decimal: decimalSeparator, maxCharacters });
  const { errors, warnings } = table;
  const fail = (row: ReadRow, field: string, message: string) => {
    row.failed.add(field);
    errors.push({ line: row.line, field, column: table.headers.get(field) ?? field, message });
  };

  // Row IDs and task ids first: parents and predecessors may name later rows.
  const byRowId = new Map<number, { row: ReadRow; id: string }>();
  const ids = new Set<string>();
  for (const row of table.rows) {
    const rowId = typeof row.draft['row'] === 'number' ? row.draft['row'] : table.headers.has('row') ? undefined : row.position;
    if (rowId === undefined) {
      if (!row.failed.has('row')) fail(row, 'row', 'a row ID is required when the file has an ID column');
      continue;
    }
    if (byRowId.has(rowId)) {
      fail(row, 'row', `the row ID ${rowId} is used by an earlier row`);
      continue;
    }
    const id = typeof row.draft['id'] === 'string' ? row.draft['id'] : `row-${rowId}`;
    if (ids.has(id)) fail(row, 'id', `the id '${id}' is used by an earlier row`);
    ids.add(id);
    byRowId.set(rowId, { row, id });
  }

  const tasks = new Map<ReadRow, Task>();
  const links: { row: ReadRow; from: ReadRow; link: ImportedDependency }[] = [];
  for (const { row, id } of byRowId.values()) {
    const { draft } = row;
    const parentRow = typeof draft['parent'] === 'number' ? draft['parent'] : undefined;
    const parent = parentRow === undefined ? undefined : byRowId.get(parentRow);
    if (parentRow !== undefined && parent === undefined) fail(row, 'parent', `no row has the ID ${parentRow}`);
    for (const ref of (draft['predecessors'] ?? []) as PredecessorRef[]) {
      const from = byRowId.get(ref.row);
      if (from === undefined) fail(row, 'predecessors', `no row has the ID ${ref.row}`);
      else if (from.row === row) fail(row, 'predecessors', 'a task cannot be its own predecessor');
      else links.push({ row, from: from.row, link: { from: from.id, to: id, type: ref.type, lag: ref.lag } });
    }
    const { row: _row, parent: _parent, predecessors: _predecessors, constraintType, constraintDate, ...fields } = draft;
    const constraint = constraintType === undefined && constraintDate === undefined ? {} : { constraint: { type: constraintType, ...(constraintDate === undefined ? {} : { date: constraintDate }) } };
    const candidate = { ...fields, ...constraint, id, campaignId, ...(parent === undefined ? {} : { parentId: parent.id }) };
    const task = validateRow(TaskSchema, candidate, row, table, keyOf);
    if (task !== undefined && row.failed.size === 0) tasks.set(row, task);
  }
  const sorted: CsvImportError[] = byLine(errors);
  const usable = sorted.length === 0 || partial;
  // A row with any error of its own (a bad row ID or predecessor, too many cells) is not returned.
  const wrong = new Set(errors.map((e) => e.line));
  const valid = new Set(table.rows.filter((row) => !wrong.has(row.line) && tasks.has(row)));
  return {
    rows: usable ? table.rows.flatMap((row) => (valid.has(row) ? (tasks.get(row) ?? []) : [])) : [],
    dependencies: usable ? links.filter((l) => valid.has(l.row) && valid.has(l.from)).map((l) => l.link) : [],
    errors: sorted,
    warnings,
  };
}
