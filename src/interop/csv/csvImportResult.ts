/**
 * One problem with an imported file: which physical line of the file (the header is line 1, and a
 * quoted cell spanning lines counts every one of them), which column, and what is wrong.
 */
export interface CsvImportError {
  /** Physical line in the file where the row (or the header) starts, 1-based. */
  readonly line: number;
  /** Key of the column concerned (`name`, `duration`, `predecessors`, …); absent for a problem with the whole row or file. */
  readonly field?: string;
  /** The column's header as the file writes it; absent with `field`, or when the file has no such column. */
  readonly column?: string;
  /** What is wrong and, where it helps, what would be right. */
  readonly message: string;
}

/** Something in an imported file that was left out rather than read: a column no entity field has. */
export interface CsvImportWarning {
  /** Physical line of the header row. */
  readonly line: number;
  /** The header as the file writes it (empty for a column without a header). */
  readonly column: string;
  /** What was left out. */
  readonly message: string;
}

/**
 * What an import returns. With any error, `rows` is empty unless the import was `partial`, in
 * which case it holds every row that is valid on its own.
 */
export interface CsvImportResult<Row> {
  /** The rows read, each validated by the entity's schema, in file order. */
  readonly rows: Row[];
  /** Every problem found, in file order; empty for a sound file. */
  readonly errors: CsvImportError[];
  /** Columns that were left out; a sound file may have some. */
  readonly warnings: CsvImportWarning[];
}
