import type * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import type { Column, Draft } from './_column.js';
import { byLine, readTable, validateRow } from './_readTable.js';
import { CsvImportOptionsSchema, CsvTextSchema } from './_schemas.js';
import type { CsvImportResult } from './csvImportResult.js';

/** How one entity's rows are read. */
export interface RowImport<E, S extends z.ZodType> {
  readonly columns: readonly Column<E>[];
  readonly schema: S;
  /** The candidate entity of a row's draft. */
  readonly candidate: (draft: Draft, campaignId: string) => Record<string, unknown>;
  /** Columns made from a header none of `columns` has (measurement inputs). */
  readonly extraColumn?: (header: string) => Column<E> | undefined;
  /** The column key a schema issue's path belongs to. */
  readonly keyOf?: (path: readonly PropertyKey[]) => string | undefined;
}

/**
 * The import every entity but tasks shares: read the table, give each row an id (`row-<n>`, n its
 * position among the data rows, when it has none), validate it with the entity's schema, and
 * return the rows only when no row has an error, or when the import is `partial`.
 */
export function importRows<E, S extends z.ZodType>(text: unknown, options: unknown, spec: RowImport<E, S>): CsvImportResult<z.output<S>> {
  const source = parseInput(CsvTextSchema, text, 'CSV text');
  const { campaignId, partial, delimiter, decimalSeparator, maxCharacters } = parseInput(CsvImportOptionsSchema, options, 'CSV options');
  const table = readTable(source, spec.columns, { delimiter, decimal: decimalSeparator, maxCharacters }, spec.extraColumn);
  const ids = new Set<string>();
  const read = table.rows.map((row) => {
    const id = typeof row.draft['id'] === 'string' ? row.draft['id'] : `row-${row.position}`;
    if (ids.has(id)) {
      row.failed.add('id');
      table.errors.push({ line: row.line, field: 'id', column: table.headers.get('id') ?? 'id', message: `the id '${id}' is used by an earlier row` });
    }
    ids.add(id);
    const value = validateRow(spec.schema, { ...spec.candidate(row.draft, campaignId), id }, row, table, spec.keyOf);
    return { row, value };
  });
  const errors = byLine(table.errors);
  const wrong = new Set(errors.map((e) => e.line));
  const rows = errors.length === 0 || partial ? read.flatMap(({ row, value }) => (value === undefined || wrong.has(row.line) ? [] : [value])) : [];
  return { rows, errors, warnings: table.warnings };
}
