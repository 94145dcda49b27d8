import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { ExpenseSchema, type ExpenseInput } from '../../model/budget.js';
import { EXPENSE_COLUMNS } from './_expenseColumns.js';
import { CsvExportOptionsSchema } from './_schemas.js';
import { writeTable } from './_writeTable.js';
import type { CsvExportOptions } from './csvOptions.js';

/**
 * Writes expenses and commitments as CSV, one row each: the amount as a decimal in major units
 * with exactly the currency's digits next to a `Currency` column. Corrections are not written.
 * BOM, CRLF and formula-injection rule as {@link tasksToCsv}.
 *
 * Throws `VALIDATION` for expenses `ExpenseSchema` refuses or options of the wrong type.
 *
 * @example
 * ```ts
 * expensesToCsv([{ id: 'e1', campaignId: 'c1', category: 'media', kind: 'actual', amount: 150, currency: 'JPY', date: '2026-03-02', vendor: '=HYPERLINK("x")' }]);
 * // '\uFEFFID,Date,Kind,Category,Amount,Currency,Vendor,…\r\n'
 * // + 'e1,2026-03-02,actual,media,150,JPY,"\'=HYPERLINK(""x"")",…\r\n'
 * ```
 */
export function expensesToCsv(expenses: readonly ExpenseInput[], options: CsvExportOptions = {}): string {
  const rows = parseInput(z.array(ExpenseSchema), expenses, 'expenses');
  const { headers, delimiter, decimalSeparator } = parseInput(CsvExportOptionsSchema, options, 'CSV options');
  return writeTable(EXPENSE_COLUMNS, rows, { language: headers, decimal: decimalSeparator }, delimiter);
}
