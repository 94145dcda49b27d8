/** The language of a CSV header row. */
export type CsvHeaderLanguage = 'en' | 'zh-CN';

/** Options every CSV export accepts. */
export interface CsvExportOptions {
  /** Header row language: `'en'` (default) or `'zh-CN'`; Yes/No cells follow it (是/否). */
  readonly headers?: CsvHeaderLanguage;
  /** Cell separator: `','` (default) or `';'`, which Excel uses where the decimal separator is a comma. */
  readonly delimiter?: ',' | ';';
  /** Decimal separator of numeric cells (amounts, percentages): `'.'` (default) or `','`. */
  readonly decimalSeparator?: '.' | ',';
}

/** Options every CSV import accepts. */
export interface CsvImportOptions {
  /** The campaign every imported row belongs to (the files carry no campaign column). */
  readonly campaignId: string;
  /** Return the valid rows even when other rows have errors (default false: all or nothing). */
  readonly partial?: boolean;
  /** Cell separator: `','` (default) or `';'`. Not guessed: the host says which. */
  readonly delimiter?: ',' | ';';
  /** Decimal separator of numeric cells: `'.'` (default) or `','`. */
  readonly decimalSeparator?: '.' | ',';
  /** Refuse texts longer than this many characters with `LIMIT_EXCEEDED` (default 50 MiB). */
  readonly maxCharacters?: number;
}
