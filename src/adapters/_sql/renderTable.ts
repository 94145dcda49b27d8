import type { ColumnType, TableSpec } from './sqlDriver.js';

/** How one database spells the abstract column types and table options. */
export interface DdlStyle {
  /** Full column definition per type, nullability included. */
  readonly types: Readonly<Record<ColumnType, string>>;
  /** MySQL declares indexes inside `CREATE TABLE` (its `CREATE INDEX` has no `IF NOT EXISTS`). */
  readonly inlineIndexes: boolean;
  /** Appended after the closing parenthesis, e.g. `ENGINE=InnoDB`. */
  readonly tableOptions?: string;
}

/** `CREATE TABLE IF NOT EXISTS` and its indexes, every statement safe to run twice. */
export function renderTable(table: TableSpec, style: DdlStyle): string[] {
  const parts = table.columns.map(([name, type]) => `${name} ${style.types[type]}`);
  if (table.primaryKey) parts.push(`PRIMARY KEY (${table.primaryKey.join(', ')})`);
  if (style.inlineIndexes) {
    for (const index of table.indexes) parts.push(`${index.unique ? 'UNIQUE ' : ''}KEY ${index.name} (${index.columns.join(', ')})`);
  }
  const create = `CREATE TABLE IF NOT EXISTS ${table.name} (${parts.join(', ')})${style.tableOptions ? ` ${style.tableOptions}` : ''}`;
  if (style.inlineIndexes) return [create];
  return [
    create,
    ...table.indexes.map(
      (index) => `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${index.name} ON ${table.name} (${index.columns.join(', ')})`,
    ),
  ];
}
