import type Database from 'better-sqlite3';
import type mysql from 'mysql2/promise';
import type pg from 'pg';
import { describe, expect, expectTypeOf, it, test } from 'vitest';
import type { MysqlPool } from '../../src/adapters/mysql/index.js';
import type { PostgresPool } from '../../src/adapters/postgres/index.js';
import type { SqliteDatabase } from '../../src/adapters/sqlite/index.js';
import type { ConformanceTestApi } from '../../src/testing/index.js';

// The adapters describe the clients they need structurally (so they never import a driver); the
// real drivers' clients must fit those descriptions as they are.
describe('driver clients fit the adapters', () => {
  test('a pg Pool is a PostgresPool', () => {
    expectTypeOf<pg.Pool>().toExtend<PostgresPool>();
  });

  test('a mysql2/promise Pool is a MysqlPool', () => {
    expectTypeOf<mysql.Pool>().toExtend<MysqlPool>();
  });

  test('a better-sqlite3 Database is a SqliteDatabase', () => {
    expectTypeOf<Database.Database>().toExtend<SqliteDatabase>();
  });

  test("vitest's describe, it and expect run the conformance suite", () => {
    expectTypeOf({ describe, it, expect }).toExtend<ConformanceTestApi>();
  });
});
