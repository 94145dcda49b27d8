import Papa from 'papaparse';
import type * as z from 'zod';
import { CampaignKitError } from '../../core/errors.js';
import { SKIPPED, type Column, type Draft, type RowContext } from './_column.js';
import { unneutralise } from './_neutralise.js';
import type { CsvImportError, CsvImportWarning } from './csvImportResult.js';

/** One data row, read cell by cell but not yet validated. */
export interface ReadRow {
  /** Physical line where the row starts. */
  readonly line: number;
  /** 1-based position among the data rows. */
  readonly position: number;
  /** The fields read. */
  readonly draft: Draft;
  /** Keys of the columns already reported (or unreadable because of another), so the schema does not report them again. */
  readonly failed: Set<string>;
}

/** A file read into rows. */
export interface ReadTable {
  readonly rows: ReadRow[];
  readonly errors: CsvImportError[];
  readonly warnings: CsvImportWarning[];
  /** The header of each column present, as the file writes it, by key. */
  readonly headers: ReadonlyMap<string, string>;
  /** A problem with the header: no row can be read. */
  readonly fatal: boolean;
}

/** How a file is read. */
export interface ReadOptions {
  readonly delimiter: ',' | ';';
  readonly decimal: '.' | ',';
  readonly maxCharacters: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const normal = (header: string) => header.trim().replace(/\s+/g, ' ').toLowerCase();
const blank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Reads CSV text into rows of drafts. papaparse splits the records; the physical line of each
 * record is 1 plus the line breaks of every record before it (a record spans one line more per
 * line break inside its quoted cells), so a quoted cell spanning lines moves later rows down.
 * Rows whose cells are all blank are skipped.
 */
export function readTable<E>(source: string, columns: readonly Column<E>[], options: ReadOptions, extraColumn?: (header: string) => Column<E> | undefined): ReadTable {
  if (source.length > options.maxCharacters) {
    throw new CampaignKitError('LIMIT_EXCEEDED', `The CSV text has ${source.length} characters, more than the limit of ${options.maxCharacters}; raise maxCharacters to read it`);
  }
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const parsed = Papa.parse<string[]>(text, { delimiter: options.delimiter, header: false, skipEmptyLines: false, dynamicTyping: false });
  const lines: number[] = [];
  let line = 1;
  for (const record of parsed.data) {
    lines.push(line);
    line += 1 + record.reduce((sum, cell) => sum + (cell.match(LINE_BREAK)?.length ?? 0), 0);
  }
  const errors: CsvImportError[] = [];
  const warnings: CsvImportWarning[] = [];
  const headers = new Map<string, string>();
  const result = (fatal: boolean, rows: ReadRow[] = []): ReadTable => ({ rows, errors, warnings, headers, fatal });
  const first = parsed.data.findIndex((record) => !blank(record));
  const headerCells = parsed.data[first];
  if (first < 0 || headerCells === undefined) {
    errors.push({ line: 1, message: 'The file is empty: it needs a header row naming its columns' });
    return result(true);
  }
  const headerLine = lines[first] ?? 1;
  const byHeader = new Map<string, Column<E>>();
  for (const column of columns) (byHeader.set(normal(column.en), column), byHeader.set(normal(column.zh), column));
  const layout: (Column<E> | undefined)[] = headerCells.map((cell, index) => {
    const header = cell.trim();
    const column = byHeader.get(normal(header)) ?? (header === '' ? undefined : extraColumn?.(header));
    if (column === undefined) {
      const used = parsed.data.slice(first + 1).some((record) => (record[index] ?? '').trim() !== '');
      if (header !== '' || used) warnings.push({ line: headerLine, column: header, message: header === '' ? `Column ${index + 1} has no header; its cells are left out` : `Unknown column '${header}'; its cells are left out` });
      return undefined;
    }
    if (headers.has(column.key)) {
      errors.push({ line: headerLine, field: column.key, column: header, message: `The column '${header}' appears twice (as '${headers.get(column.key) ?? ''}' before)` });
      return undefined;
    }
    headers.set(column.key, header);
    return column;
  });
  for (const column of columns) {
    if (column.required === true && !headers.has(column.key)) {
      errors.push({ line: headerLine, field: column.key, message: `The file has no '${column.en}' (${column.zh}) column, which every row needs` });
    }
  }
  const quoteErrors = new Map<number, string>();
  for (const error of parsed.errors) if (error.row !== undefined && !quoteErrors.has(error.row)) quoteErrors.set(error.row, error.message);
  if (errors.length > 0) return result(true);

  const rows: ReadRow[] = [];
  for (let index = first + 1; index < parsed.data.length; index++) {
    const record = parsed.data[index] ?? [];
    const at = lines[index] ?? line;
    const quoteError = quoteErrors.get(index);
    if (quoteError !== undefined) errors.push({ line: at, message: `Malformed quotes: ${quoteError}` });
    if (blank(record)) continue;
    const cells = record.map(unneutralise);
    const row: ReadRow = { line: at, position: rows.length + 1, draft: {}, failed: new Set() };
    rows.push(row);
    if (cells.slice(layout.length).some((cell) => cell.trim() !== '')) {
      errors.push({ line: at, message: `The row has ${cells.length} cells but the header names ${layout.length} columns` });
    }
    const keyed = new Map<string, string>();
    layout.forEach((column, i) => column !== undefined && keyed.set(column.key, cells[i] ?? ''));
    const context: RowContext = { decimal: options.decimal, text: (key) => { const t = keyed.get(key)?.trim(); return t === '' ? undefined : t; } };
    for (const [i, column] of layout.entries()) {
      const cell = cells[i] ?? '';
      if (column === undefined || cell.trim() === '') continue;
      const problem = column.read(cell, row.draft, context);
      if (problem === undefined) continue;
      row.failed.add(column.key);
      if (problem !== SKIPPED) errors.push({ line: at, field: column.key, column: headers.get(column.key) ?? column.en, message: problem });
    }
  }
  return result(false, rows);
}

/**
 * Validates one row's candidate entity with its schema; reports each issue on the column its path
 * starts with (`keyOf` maps a field to its column), except on columns already reported.
 */
export function validateRow<S extends z.ZodType>(
  schema: S,
  candidate: Readonly<Record<string, unknown>>,
  row: ReadRow,
  table: ReadTable,
  keyOf: (path: readonly PropertyKey[]) => string | undefined = (path) => (typeof path[0] === 'string' ? path[0] : undefined),
): z.output<S> | undefined {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    const key = keyOf(issue.path);
    if (key !== undefined && (row.failed.has(key) || seen.has(key))) continue;
    if (key !== undefined) seen.add(key);
    const missing = issue.code === 'invalid_type' && field !== undefined && candidate[field] === undefined && issue.path.length === 1;
    const column = key === undefined ? undefined : table.headers.get(key);
    table.errors.push({
      line: row.line,
      ...(key === undefined ? {} : { field: key }),
      ...(column === undefined ? {} : { column }),
      message: missing ? 'a value is required' : issue.message,
    });
  }
  return undefined;
}

/** Errors in file order (a row's own problems before the schema's come out in read order). */
export function byLine(errors: readonly CsvImportError[]): CsvImportError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}
