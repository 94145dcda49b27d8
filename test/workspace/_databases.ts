import mysql from 'mysql2/promise';
import pg from 'pg';
import { createMysqlStorage } from '../../src/adapters/mysql/index.js';
import { createPostgresStorage, type SqlStorage } from '../../src/adapters/postgres/index.js';

/**
 * The real database servers the workspace's reliability tests run against, as the adapter tests
 * reach them: CAMPAIGNKIT_PG_URL and CAMPAIGNKIT_MYSQL_URL. Without one (or when the server does not
 * answer) the suite is skipped with a notice, except in CI (CAMPAIGNKIT_CI=1), where that fails.
 */

const inCi = process.env['CAMPAIGNKIT_CI'] === '1';

/** A table prefix unique to this run. */
export function runPrefix(label: string): string {
  return `ckws${label}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
}

function unavailable(what: string, variable: string, reason: string): null {
  if (inCi) throw new Error(`${what} is not available: ${reason}. In CI the server must be running (\`.ci/run\` starts it).`);
  console.warn(`${what} workspace tests skipped: ${reason}. Set ${variable} (\`.ci/run\` does) to run them.`);
  return null;
}

/** One app server's connection: a pool and a storage on it. */
export interface Server {
  readonly storage: SqlStorage;
  end(): Promise<void>;
}

/** A database the tests can open app servers on. */
export interface Database {
  readonly name: string;
  /** A new pool (as if on another app server) with a storage on `prefix`'s tables; `null` when unavailable. */
  server(prefix: string, connections?: number): Promise<Server | null>;
  /** Drops `prefix`'s tables. */
  drop(prefix: string): Promise<void>;
}

const TABLES = ['records', 'audit', 'audit_touches', 'outbox', 'migrations'];

export const postgres: Database = {
  name: 'PostgreSQL',
  async server(prefix, connections = 2) {
    const url = process.env['CAMPAIGNKIT_PG_URL'];
    if (!url) return unavailable('PostgreSQL', 'CAMPAIGNKIT_PG_URL', 'CAMPAIGNKIT_PG_URL is not set');
    const pool = new pg.Pool({ connectionString: url, max: connections });
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      return unavailable('PostgreSQL', 'CAMPAIGNKIT_PG_URL', `${url} is unreachable (${String(error)})`);
    }
    return { storage: createPostgresStorage({ pool, tablePrefix: prefix }), end: () => pool.end() };
  },
  async drop(prefix) {
    const url = process.env['CAMPAIGNKIT_PG_URL'];
    if (!url) return;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await pool.query(`DROP TABLE IF EXISTS ${TABLES.map((t) => `${prefix}${t}`).join(', ')}`);
    await pool.end();
  },
};

export const mariadb: Database = {
  name: 'MariaDB',
  async server(prefix, connections = 2) {
    const url = process.env['CAMPAIGNKIT_MYSQL_URL'];
    if (!url) return unavailable('MySQL/MariaDB', 'CAMPAIGNKIT_MYSQL_URL', 'CAMPAIGNKIT_MYSQL_URL is not set');
    const pool = mysql.createPool({ uri: url, connectionLimit: connections });
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      return unavailable('MySQL/MariaDB', 'CAMPAIGNKIT_MYSQL_URL', `${url} is unreachable (${String(error)})`);
    }
    return { storage: createMysqlStorage({ pool, tablePrefix: prefix }), end: () => pool.end() };
  },
  async drop(prefix) {
    const url = process.env['CAMPAIGNKIT_MYSQL_URL'];
    if (!url) return;
    const pool = mysql.createPool({ uri: url, connectionLimit: 1 });
    await pool.query(`DROP TABLE IF EXISTS ${TABLES.map((t) => `${prefix}${t}`).join(', ')}`);
    await pool.end();
  },
};
