/**
 * `campaignkit/adapters/postgres`: storage on PostgreSQL through the `pg` pool you pass in. This
 * module never imports `pg`, so it loads whether or not the driver is installed.
 *
 * @packageDocumentation
 */

export { createPostgresStorage } from './createPostgresStorage.js';
export type { PostgresPool, PostgresPoolClient, PostgresQueryResult, PostgresStorageOptions } from './createPostgresStorage.js';
export type { SqlStorage, SqlStorageOptions } from '../_sql/createSqlStorage.js';
export type { MigrationReport } from '../_sql/runMigrations.js';
export type { Migration } from '../_sql/schema.js';
export type { SqlRow, SqlValue } from '../_sql/sqlDriver.js';
