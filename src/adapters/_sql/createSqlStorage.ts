import * as z from 'zod';
import { systemClock, type Clock } from '../../core/clock.js';
import { parseInput } from '../../core/validate.js';
import type {
  AuditInput,
  AuditQuery,
  ListQuery,
  PutInput,
  StorageAdapter,
  StorageTransaction,
  WriteOptions,
} from '../../store/storageAdapter.js';
import {
  parseAudit,
  parseAuditQuery,
  parseClaim,
  parseDelete,
  parseGetMany,
  parseKey,
  parseList,
  parseOutbox,
  parsePut,
  parseSeqs,
} from '../../store/storageInput.js';
import { ClockSchema } from '../../store/storageSchemas.js';
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

  // The same methods serve the adapter (autocommit statements) and each transaction.
  const operations = (exec: SqlExecutor) => ({
    get: (type: string, id: string) => mapErrors(dialect, () => getRecord(ctx, exec, parseKey(type, id))),
    getMany: (type: string, ids: readonly string[]) =>
      mapErrors(dialect, () => {
        const query = parseGetMany(type, ids);
        return getRecords(ctx, exec, query.type, query.ids);
      }),
    list: (query: ListQuery) => mapErrors(dialect, () => listRecords(ctx, exec, parseList(query))),
    readAudit: (query?: AuditQuery) =>
      mapErrors(dialect, () => readAudit(ctx, exec, parseAuditQuery(query))),
    put: (record: PutInput, options: WriteOptions) =>
      mapErrors(dialect, () => putRecord(ctx, exec, parsePut(record, options))),
    delete: (type: string, id: string, options: WriteOptions) =>
      mapErrors(dialect, () => {
        const parsed = parseDelete(type, id, options);
        return deleteRecord(ctx, exec, parsed, parsed.expectedVersion);
      }),
    appendAudit: (entry: AuditInput) =>
      mapErrors(dialect, () => appendAudit(ctx, exec, parseAudit(entry))),
  });

  function makeView(exec: SqlExecutor, nested: StorageTransaction['transaction']): StorageTransaction {
    return {
      ...operations(exec),
      appendOutbox: (events) => mapErrors(dialect, () => appendOutbox(ctx, exec, parseOutbox(events))),
      transaction: nested,
    };
  }

  return {
    ...operations(driver),
    // Several events are several inserts: outside a transaction they still go in all or none.
    appendOutbox: (events) =>
      mapErrors(dialect, () => {
        const parsed = parseOutbox(events);
        if (parsed.length <= 1) return appendOutbox(ctx, driver, parsed);
        return transaction((tx) => tx.appendOutbox(events));
      }),
    transaction,
    claimOutbox: (options) =>
      mapErrors(dialect, async () => {
        const claim = parseClaim(options);
        const connection = await driver.connect();
        return runTransaction(dialect, connection, makeView, (_tx, exec) => claimOutbox(ctx, exec, claim));
      }),
    acknowledgeOutbox: (seqs) => mapErrors(dialect, () => acknowledgeOutbox(ctx, driver, parseSeqs(seqs))),
    migrate: () => mapErrors(dialect, () => runMigrations(driver, all, tablePrefix, ctx.now)),
    migrations: all,
  };
}
