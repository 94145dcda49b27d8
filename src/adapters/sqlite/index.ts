/**
 * `campaignkit/adapters/sqlite`: storage in a SQLite file through the better-sqlite3 database you
 * pass in. This module never imports `better-sqlite3`, so it loads whether or not it is installed.
 *
 * @packageDocumentation
 */

export { createSqliteStorage } from './createSqliteStorage.js';
export type { SqliteDatabase, SqliteStatement, SqliteStorageOptions } from './createSqliteStorage.js';
export type { SqlStorage, SqlStorageOptions } from '../_sql/createSqlStorage.js';
export type { MigrationReport } from '../_sql/runMigrations.js';
export type { Migration } from '../_sql/schema.js';
export type { SqlRow, SqlValue } from '../_sql/sqlDriver.js';
