import type { CampaignKitError } from '../../core/errors.js';
import { transactionFinished } from '../../store/storageErrors.js';
import type { StorageTransaction } from '../../store/storageAdapter.js';
import { toStorageError } from './sqlErrors.js';
import type { SqlConnection, SqlDialect, SqlExecutor, SqlResult, SqlValue } from './sqlDriver.js';

/**
 * Runs a transaction on one connection and keeps it honest. Some failures leave a transaction
 * unusable (any error on PostgreSQL, a deadlock on MySQL, which also rolls the work back and would
 * let later statements autocommit). After one, every further statement fails with the same error
 * and the transaction refuses to commit, unless a nested transaction (a savepoint) that contained
 * the failure rolled back. Once the outer callback has settled, nothing reaches the connection any
 * more: it is being committed or rolled back, or is already back in the pool serving someone else.
 */

/** Builds the storage methods over an executor, given a way to start a nested transaction. */
export type ViewFactory = (exec: SqlExecutor, nested: StorageTransaction['transaction']) => StorageTransaction;

interface Level {
  /** Open until its callback settles. */
  open: boolean;
  /** The first failure that poisoned this level. */
  failure: CampaignKitError | null;
}

/**
 * Runs `fn` in a transaction on `connection` (it gets the storage view and the raw executor),
 * commits or rolls back, and releases the connection.
 */
export async function runTransaction<R>(
  dialect: SqlDialect,
  connection: SqlConnection,
  makeView: ViewFactory,
  fn: (tx: StorageTransaction, exec: SqlExecutor) => Promise<R>,
): Promise<R> {
  const levels: Level[] = [];
  // A failure that ended the whole transaction (contention, a lost connection).
  let dead: CampaignKitError | null = null;
  // Set once the root callback settles: from then on the connection is committing, rolling back
  // or back in the pool, so a nested callback still running must not reach it.
  let finished = false;
  let savepoints = 0;
  let broken = false;

  const control = (sql: string) =>
    connection.query(sql).catch((error: unknown) => {
      throw toStorageError(dialect, error);
    });

  const executorFor = (level: Level): SqlExecutor => ({
    async query(sql: string, params?: readonly SqlValue[]): Promise<SqlResult> {
      if (finished || !level.open) throw transactionFinished();
      const poisoned = dead ?? levels.find((each) => each.failure !== null)?.failure;
      if (poisoned) throw poisoned;
      try {
        return await connection.query(sql, params);
      } catch (error) {
        const mapped = toStorageError(dialect, error);
        if (dialect.classify(error) === 'contention') dead ??= mapped;
        else if (dialect.abortsTransaction(error)) level.failure ??= mapped;
        throw error;
      }
    },
  });

  const enter = (): { level: Level; view: StorageTransaction; exec: SqlExecutor } => {
    const level: Level = { open: true, failure: null };
    levels.push(level);
    const exec = executorFor(level);
    const view = makeView(exec, async (inner) => {
      if (finished || !level.open) throw transactionFinished();
      const name = `ck_savepoint_${++savepoints}`;
      await exec.query(`SAVEPOINT ${name}`);
      const child = enter();
      try {
        const result = await inner(child.view);
        if (finished) throw transactionFinished();
        if (child.level.failure) throw child.level.failure;
        await control(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        if (!dead && !finished) await control(`ROLLBACK TO SAVEPOINT ${name}`).catch((rollbackError: CampaignKitError) => (dead = rollbackError));
        throw error;
      } finally {
        leave(child.level);
      }
    });
    return { level, view, exec };
  };
  const leave = (level: Level) => {
    level.open = false;
    levels.splice(levels.indexOf(level), 1);
  };

  try {
    for (const statement of dialect.begin) await control(statement);
  } catch (error) {
    connection.release(true);
    throw error;
  }
  const root = enter();
  try {
    const result = await fn(root.view, root.exec);
    finished = true;
    const failure = dead ?? root.level.failure;
    if (failure) throw failure;
    await control('COMMIT');
    return result;
  } catch (error) {
    finished = true;
    await control('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    leave(root.level);
    connection.release(broken);
  }
}
