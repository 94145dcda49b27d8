import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { BudgetLineSchema, type BudgetLineInput } from '../../model/budget.js';
import { BUDGET_LINE_COLUMNS } from './_budgetLineColumns.js';
import { CsvExportOptionsSchema } from './_schemas.js';
import { writeTable } from './_writeTable.js';
import type { CsvExportOptions } from './csvOptions.js';

/**
 * Writes budget lines as CSV, one row per line: amounts as decimals in major units with exactly
 * the currency's digits (`1250.00` CNY, `1500` JPY) next to a `Currency` column, phasing as
 * `even`/`front`/`back` or explicit periods. BOM, CRLF and formula-injection rule as
 * {@link tasksToCsv}.
 *
 * Throws `VALIDATION` for lines `BudgetLineSchema` refuses or options of the wrong type.
 *
 * @example
 * ```ts
 * budgetLinesToCsv([{ id: 'b1', campaignId: 'c1', category: 'venue', name: 'Booth', planned: 1250000, currency: 'CNY' }], { headers: 'zh-CN' });
 * // '\uFEFF编号,名称,费用类别,收支类型,任务编号,阶段,预算金额,预测金额,币种,分摊方式\r\n'
 * // + 'b1,Booth,venue,cost,,,12500.00,,CNY,\r\n'
 * ```
 */
export function budgetLinesToCsv(lines: readonly BudgetLineInput[], options: CsvExportOptions = {}): string {
  const rows = parseInput(z.array(BudgetLineSchema), lines, 'budget lines');
  const { headers, delimiter, decimalSeparator } = parseInput(CsvExportOptionsSchema, options, 'CSV options');
  return writeTable(BUDGET_LINE_COLUMNS, rows, { language: headers, decimal: decimalSeparator }, delimiter);
}
