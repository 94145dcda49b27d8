import * as z from 'zod';
import { invalidField, parseInput } from '../../core/validate.js';
import { MeasurementSchema, type MeasurementInput } from '../../model/kpi.js';
import { clashesWithFixedColumn, inputColumn, MEASUREMENT_COLUMNS } from './_measurementColumns.js';
import { CsvExportOptionsSchema, MoneyInputsSchema } from './_schemas.js';
import { writeTable } from './_writeTable.js';
import type { CsvExportOptions } from './csvOptions.js';

/** Options of {@link measurementsToCsv} and {@link measurementsFromCsv}. */
export interface MeasurementCsvOptions {
  /**
   * Inputs that are money, written in major units of the measurement's currency when it has one
   * (default `spend`, `revenue` and `cost`); their values must then be integer minor units.
   */
  readonly moneyInputs?: readonly string[];
}

/**
 * Writes measurements as CSV: `ID`, `Date`, `Period`, `Channel`, `Currency`, then one column per
 * input (headed by the input's name, in the order inputs first appear), empty where a measurement
 * lacks the input. Money inputs are decimals in major units of the row's currency. BOM, CRLF and
 * formula-injection rule as {@link tasksToCsv}; input values are numeric cells, so `-100` stays
 * a number.
 *
 * Throws `VALIDATION` for measurements `MeasurementSchema` refuses, an input named like a fixed
 * column (`date`, `channel`, `currency`, `period`, `id`), or a money input that is not an integer.
 *
 * @example
 * ```ts
 * measurementsToCsv([{ id: 'm1', campaignId: 'c1', date: '2026-03-02', currency: 'CNY', values: { clicks: 120, spend: 125000 } }]);
 * // '\uFEFFID,Date,Period,Channel,Currency,clicks,spend\r\n'
 * // + 'm1,2026-03-02,day,,CNY,120,1250.00\r\n'
 * ```
 */
export function measurementsToCsv(measurements: readonly MeasurementInput[], options: CsvExportOptions & MeasurementCsvOptions = {}): string {
  const rows = parseInput(z.array(MeasurementSchema), measurements, 'measurements');
  const { headers, delimiter, decimalSeparator } = parseInput(CsvExportOptionsSchema, options, 'CSV options');
  const money = new Set(parseInput(MoneyInputsSchema, options, 'CSV options').moneyInputs);
  const names: string[] = [];
  const seen = new Set<string>();
  rows.forEach((m, index) => {
    for (const [name, value] of Object.entries(m.values)) {
      if (clashesWithFixedColumn(name)) throw invalidField('measurements', [index, 'values', name], `the input '${name}' has the name of a fixed column; rename it to write it as CSV`);
      if (money.has(name) && m.currency !== undefined && !Number.isSafeInteger(value)) {
        throw invalidField('measurements', [index, 'values', name], `the money input '${name}' must be an integer number of minor units, got ${value}`);
      }
      if (!seen.has(name)) (seen.add(name), names.push(name));
    }
  });
  const columns = [...MEASUREMENT_COLUMNS, ...names.map((name) => inputColumn(name, money.has(name)))];
  return writeTable(columns, rows, { language: headers, decimal: decimalSeparator }, delimiter);
}
