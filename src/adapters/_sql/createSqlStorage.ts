import * as z from 'zod';
import { systemClock, type Clock } from '../../core/clock.js';
import { parseInput } from '../../core/validate.js';
import type { StorageAdapter, StorageTransaction } from '../../store/storageAdapter.js';
import { parseClaim, parseSeqs } from '../../store/storageInput.js';
import { ClockSchema } from '../../store/storageSchemas.js';
import { validatedOperations, type ParsedOperations } from '../../store/validatedOperations.js';
import { runMigrations, type MigrationReport } from './runMigrations.js';
import { migrations, tableNames, type Migration } from './schema.js';
import { appendAudit, readAudit } from './sqlAudit.js';
import type { SqlDriver, SqlExecutor } from './sqlDriver.js';
import { mapErrors } from './sqlErrors.js';
import { acknowledgeOutbox, appendOutbox, claimOutbox } from './sqlOutbox.js';
import { deleteRecord, getRecord, getRecords, listRecords, putRecord, type SqlContext } from './sqlRecords.js';
import { runTransaction } from './sqlTransaction.js';

/** Options every SQL adapter accepts besides its client. */
export interface SqlStorageOptions {
  /**
   * Prefix of the table names (`<prefix>records`, `<prefix>audit`, `<prefix>outbox`,
   * `<prefix>migrations`): lower-case letters, digits and `_`, at most 30; default `campaignkit_`.
   */
  readonly tablePrefix?: string;
  /** Source of `updatedAt`, `createdAt` and outbox lease times; default `systemClock`. */
  readonly clock?: Clock;
}

/** A database-backed {@link StorageAdapter} with its schema migrations. */
export interface SqlStorage extends StorageAdapter {
  /**
   * Creates or upgrades the tables: runs every migration not yet recorded in
   * `<prefix>migrations`, in order, under a database lock so that app servers starting together
   * do not race. Safe to call on every start.
   *
   * @example
   * ```ts
   * await storage.migrate(); // { applied: [1], version: 1 } the first time, { applied: [], version: 1 } after
   * ```
   */
  migrate(): Promise<MigrationReport>;
  /**
   * The migrations as SQL, for hosts that apply schema changes with their own tool (Flyway,
   * Liquibase…). Record each applied version in `<prefix>migrations` so `migrate()` skips it.
   */
  readonly migrations: readonly Migration[];
}

/** The options schema shared by the adapters (each adds its client). */
export const SqlStorageOptionsSchema = z.object({
  /** Table name prefix. */
  tablePrefix: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, 'expected lower-case letters, digits and _ (at most 30), starting with a letter')
    .default('campaignkit_'),
  /** Clock. */
  clock: ClockSchema.optional(),
});

/** Builds a {@link SqlStorage} over a driver. */
export function createSqlStorage(driver: SqlDriver, options: SqlStorageOptions): SqlStorage {
  const { tablePrefix, clock = systemClock } = parseInput(SqlStorageOptionsSchema, options, 'storage options');
  const { dialect } = driver;
  const ctx: SqlContext = { dialect, tables: tableNames(tablePrefix), now: () => clock.now() };
  const all = migrations(dialect, tablePrefix);

  const transaction = async <R>(fn: (tx: StorageTransaction) => Promise<R>): Promise<R> => {
    const connection = await mapErrors(dialect, () => driver.connect());
    return runTransaction(dialect, connection, makeView, fn);
  };
  // Work the adapter itself needs done atomically, straight on the transaction's connection.
  const atomically = <R>(work: (exec: SqlExecutor) => Promise<R>): Promise<R> =>
    mapErrors(dialect, async () => runTransaction(dialect, await driver.connect(), makeView, (_tx, exec) => work(exec)));

  // The same statements serve the adapter (autocommit) and each transaction.
  const operations = (exec: SqlExecutor): ParsedOperations => ({
    get: (key) => mapErrors(dialect, () => getRecord(ctx, exec, key)),
    getMany: (type, ids) => mapErrors(dialect, () => getRecords(ctx, exec, type, ids)),
    list: (query) => mapErrors(dialect, () => listRecords(ctx, exec, query)),
    readAudit: (query) => mapErrors(dialect, () => readAudit(ctx, exec, query)),
    put: (command) => mapErrors(dialect, () => putRecord(ctx, exec, command)),
    delete: (key, expectedVersion) => mapErrors(dialect, () => deleteRecord(ctx, exec, key, expectedVersion)),
    appendAudit: (command) => mapErrors(dialect, () => appendAudit(ctx, exec, command)),
    appendOutbox: (commands) => mapErrors(dialect, () => appendOutbox(ctx, exec, commands)),
  });

  function makeView(exec: SqlExecutor, nested: StorageTransaction['transaction']): StorageTransaction {
    return { ...validatedOperations(operations(exec)), transaction: nested };
  }

  return {
    ...validatedOperations({
      ...operations(driver),
      // Several events are several inserts: outside a transaction they still go in all or none.
      appendOutbox: (commands) =>
        commands.length <= 1 ? mapErrors(dialect, () => appendOutbox(ctx, driver, commands)) : atomically((exec) => appendOutbox(ctx, exec, commands)),
    }),
    transaction,
    claimOutbox: async (options) => {
      const claim = parseClaim(options);
      return atomically((exec) => claimOutbox(ctx, exec, claim));
    },
    acknowledgeOutbox: async (seqs) => {
      const parsed = parseSeqs(seqs);
      return mapErrors(dialect, () => acknowledgeOutbox(ctx, driver, parsed));
    },
    migrate: () => mapErrors(dialect, () => runMigrations(driver, all, tablePrefix, ctx.now)),
    migrations: all,
  };
}
