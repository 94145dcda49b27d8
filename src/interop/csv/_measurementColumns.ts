import { toDecimalString } from '../../core/money.js';
import type { Measurement } from '../../model/kpi.js';
import { InputNameSchema } from '../../model/kpi.js';
import { codeColumn, readMoneyCell, readNumber, writeNumber, type Column } from './_column.js';

/** The fixed measurement columns; every input then has a column headed by its name. */
export const MEASUREMENT_COLUMNS: readonly Column<Measurement>[] = [
  codeColumn({ key: 'id', en: 'ID', zh: '编号' }, (m: Measurement) => m.id),
  codeColumn({ key: 'date', en: 'Date', zh: '日期', required: true }, (m: Measurement) => m.date),
  codeColumn({ key: 'period', en: 'Period', zh: '周期' }, (m: Measurement) => m.period),
  codeColumn({ key: 'channel', en: 'Channel', zh: '渠道' }, (m: Measurement) => m.channel),
  codeColumn({ key: 'currency', en: 'Currency', zh: '币种' }, (m: Measurement) => m.currency),
];

const FIXED = new Set(MEASUREMENT_COLUMNS.flatMap((c) => [c.en.toLowerCase(), c.zh]));

/** Whether an input name would be read as one of the fixed columns (`date`, `channel`, …). */
export function clashesWithFixedColumn(name: string): boolean {
  return FIXED.has(name.toLowerCase());
}

/**
 * The column of one input, headed by its name in both languages. A money input of a measurement
 * with a currency is written in major units of it (`spend` 1250.00 CNY for 125000 fen); every
 * other value, and money without a currency, is the number the measurement holds.
 */
export function inputColumn(name: string, money: boolean): Column<Measurement> {
  const key = `values.${name}`;
  return {
    key,
    en: name,
    zh: name,
    numeric: true,
    write: (m, { decimal }) => {
      const value = m.values[name];
      if (value === undefined) return undefined;
      if (!money || m.currency === undefined) return writeNumber(value, decimal);
      const text = toDecimalString({ amount: value, currency: m.currency });
      return decimal === ',' ? text.replace('.', ',') : text;
    },
    read: (text, draft, row) => {
      const values = (draft['values'] ?? {}) as Record<string, number>;
      draft['values'] = values;
      const currency = row.text('currency');
      if (money && currency !== undefined) return readMoneyCell(text, currency, row.decimal, (amount) => void (values[name] = amount));
      const value = readNumber(text, row.decimal);
      if (value === undefined) return `expected a number such as ${row.decimal === ',' ? '12,5' : '12.5'}, got '${text.trim()}'`;
      values[name] = value;
      return undefined;
    },
  };
}

/** The input column a header names, when it is an input name (lower case, `a-z0-9_`). */
export function inputColumnOf(header: string, moneyInputs: ReadonlySet<string>): Column<Measurement> | undefined {
  return InputNameSchema.safeParse(header).success && !clashesWithFixedColumn(header) ? inputColumn(header, moneyInputs.has(header)) : undefined;
}
