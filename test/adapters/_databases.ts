import mysql from 'mysql2/promise';
import pg from 'pg';

/**
 * Connections to the real database servers the adapter tests run against. `.ci/run` starts them
 * and exports their URLs; without a URL, or when the server does not answer, the suites are
 * skipped with a notice, except in CI (CAMPAIGNKIT_CI=1), where that is a failure.
 */

const inCi = process.env['CAMPAIGNKIT_CI'] === '1';

/** A table prefix unique to this test run, so parallel runs never touch each other's tables. */
export function runPrefix(label: string): string {
  return `ck${label}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
}

async function unavailable(what: string, variable: string, reason: string): Promise<null> {
  if (inCi) throw new Error(`${what} is not available: ${reason}. In CI the server must be running (\`.ci/run\` starts it).`);
  console.warn(`${what} adapter tests skipped: ${reason}. Set ${variable} (\`.ci/run\` does) to run them.`);
  return null;
}

/** A PostgreSQL pool, or `null` (with a printed notice) when the tests must be skipped. */
export async function connectPostgres(max = 10): Promise<pg.Pool | null> {
  const url = process.env['CAMPAIGNKIT_PG_URL'];
  if (!url) return unavailable('PostgreSQL', 'CAMPAIGNKIT_PG_URL', 'CAMPAIGNKIT_PG_URL is not set');
  const pool = new pg.Pool({ connectionString: url, max });
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end();
    return unavailable('PostgreSQL', 'CAMPAIGNKIT_PG_URL', `${url} is unreachable (${String(error)})`);
  }
}

/** A MySQL/MariaDB promise pool, or `null` (with a printed notice) when the tests must be skipped. */
export async function connectMysql(connectionLimit = 10): Promise<mysql.Pool | null> {
  const url = process.env['CAMPAIGNKIT_MYSQL_URL'];
  if (!url) return unavailable('MySQL/MariaDB', 'CAMPAIGNKIT_MYSQL_URL', 'CAMPAIGNKIT_MYSQL_URL is not set');
  const pool = mysql.createPool({ uri: url, connectionLimit });
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end();
    return unavailable('MySQL/MariaDB', 'CAMPAIGNKIT_MYSQL_URL', `${url} is unreachable (${String(error)})`);
  }
}

/** The campaignkit tables of a prefix, children first. */
export function tablesOf(prefix: string): string[] {
  return ['records', 'audit', 'outbox', 'migrations', 'audit_touches'].map((table) => `${prefix}${table}`);
}
