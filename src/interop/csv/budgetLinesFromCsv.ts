import { BudgetLineSchema, type BudgetLine } from '../../model/budget.js';
import { BUDGET_LINE_COLUMNS } from './_budgetLineColumns.js';
import { importRows } from './_importRows.js';
import type { CsvImportResult } from './csvImportResult.js';
import type { CsvImportOptions } from './csvOptions.js';

/**
 * Reads budget lines from CSV with English or Chinese headers: amounts in major units of the
 * row's `Currency` (more digits than the currency has are an error, not rounded). Ids come from
 * the `ID` column, or are `row-<n>` for the n-th data row. Each row is validated with
 * `BudgetLineSchema`; with any error no line is returned unless `partial` is set.
 *
 * Throws `VALIDATION` for arguments of the wrong type and `LIMIT_EXCEEDED` for a text longer than
 * `maxCharacters`; problems inside the file are reported in `errors`.
 *
 * @example
 * ```ts
 * budgetLinesFromCsv('费用类别,预算金额,币种\r\nvenue,12500.00,CNY\r\n', { campaignId: 'c1' });
 * // { rows: [{ id: 'row-1', campaignId: 'c1', category: 'venue', kind: 'cost', planned: 1250000, currency: 'CNY' }],
 * //   errors: [], warnings: [] }
 * ```
 */
export function budgetLinesFromCsv(text: string, options: CsvImportOptions): CsvImportResult<BudgetLine> {
  return importRows(text, options, {
    columns: BUDGET_LINE_COLUMNS,
    schema: BudgetLineSchema,
    candidate: (draft, campaignId) => ({ ...draft, campaignId }),
  });
}
