/**
 * `campaignkit/adapters/mysql`: storage on MySQL or MariaDB through the `mysql2/promise` pool you
 * pass in. This module never imports `mysql2`, so it loads whether or not the driver is installed.
 *
 * @packageDocumentation
 */

export { createMysqlStorage } from './createMysqlStorage.js';
export type { MysqlPool, MysqlPoolConnection, MysqlQueryable, MysqlStorageOptions } from './createMysqlStorage.js';
export type { SqlStorage, SqlStorageOptions } from '../_sql/createSqlStorage.js';
export type { MigrationReport } from '../_sql/runMigrations.js';
export type { Migration } from '../_sql/schema.js';
export type { SqlRow, SqlValue } from '../_sql/sqlDriver.js';
