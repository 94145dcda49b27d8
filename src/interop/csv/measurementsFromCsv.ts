import { parseInput } from '../../core/validate.js';
import { MeasurementSchema, type Measurement } from '../../model/kpi.js';
import { importRows } from './_importRows.js';
import { inputColumnOf, MEASUREMENT_COLUMNS } from './_measurementColumns.js';
import { MoneyInputsSchema } from './_schemas.js';
import type { CsvImportResult } from './csvImportResult.js';
import type { CsvImportOptions } from './csvOptions.js';
import type { MeasurementCsvOptions } from './measurementsToCsv.js';

/**
 * Reads measurements from CSV: the fixed columns in English or Chinese, and every other column
 * whose header is an input name (lower case, `a-z0-9_`) as that input; other headers are listed in
 * `warnings`. An empty input cell means the measurement lacks the input. Money inputs of a row with
 * a currency are read in its major units. Ids come from the `ID` column, or are `row-<n>` for the
 * n-th data row. Rows are validated with `MeasurementSchema`; with any error none is returned
 * unless `partial` is set.
 *
 * Throws `VALIDATION` for arguments of the wrong type and `LIMIT_EXCEEDED` for a text longer than
 * `maxCharacters`; problems inside the file are reported in `errors`.
 *
 * @example
 * ```ts
 * measurementsFromCsv('日期,币种,clicks,spend\r\n2026-03-02,CNY,120,1250.00\r\n', { campaignId: 'c1' });
 * // { rows: [{ id: 'row-1', campaignId: 'c1', date: '2026-03-02', period: 'day', currency: 'CNY',
 * //            values: { clicks: 120, spend: 125000 } }], errors: [], warnings: [] }
 * ```
 */
export function measurementsFromCsv(text: string, options: CsvImportOptions & MeasurementCsvOptions): CsvImportResult<Measurement> {
  const money = new Set(parseInput(MoneyInputsSchema, options, 'CSV options').moneyInputs);
  return importRows(text, options, {
    columns: MEASUREMENT_COLUMNS,
    schema: MeasurementSchema,
    candidate: (draft, campaignId) => ({ values: {}, ...draft, campaignId }),
    extraColumn: (header) => inputColumnOf(header, money),
    keyOf: (path) => (path[0] === 'values' && typeof path[1] === 'string' ? `values.${path[1]}` : typeof path[0] === 'string' ? path[0] : undefined),
  });
}
