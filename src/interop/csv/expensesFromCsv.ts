import { ExpenseSchema, type Expense } from '../../model/budget.js';
import { EXPENSE_COLUMNS } from './_expenseColumns.js';
import { importRows } from './_importRows.js';
import type { CsvImportResult } from './csvImportResult.js';
import type { CsvImportOptions } from './csvOptions.js';

/**
 * Reads expenses and commitments from CSV with English or Chinese headers: the amount in major
 * units of the row's `Currency`. Ids come from the `ID` column, or are `row-<n>` for the n-th data
 * row. Each row is validated with `ExpenseSchema`; with any error no expense is returned unless
 * `partial` is set.
 *
 * Throws `VALIDATION` for arguments of the wrong type and `LIMIT_EXCEEDED` for a text longer than
 * `maxCharacters`; problems inside the file are reported in `errors`.
 *
 * @example
 * ```ts
 * expensesFromCsv('日期,类型,费用类别,金额,币种\r\n2026-03-02,actual,media,1.234,CNY\r\n', { campaignId: 'c1' });
 * // { rows: [], warnings: [],
 * //   errors: [{ line: 2, field: 'amount', column: '金额', message: 'CNY has 2 decimal digits; \'1.234\' has 3' }] }
 * ```
 */
export function expensesFromCsv(text: string, options: CsvImportOptions): CsvImportResult<Expense> {
  return importRows(text, options, {
    columns: EXPENSE_COLUMNS,
    schema: ExpenseSchema,
    candidate: (draft, campaignId) => ({ ...draft, campaignId }),
  });
}
