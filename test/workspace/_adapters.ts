import Database from 'better-sqlite3';
import { describe } from 'vitest';
import { createSqliteStorage } from '../../src/adapters/sqlite/index.js';
import { fixedClock, sequentialIds } from '../../src/core/clock.js';
import type { WorkspaceEvent } from '../../src/events/workspaceEvents.js';
import { createMemoryStorage } from '../../src/store/memoryStorage.js';
import type { StorageAdapter } from '../../src/store/storageAdapter.js';
import { createWorkspace, type Workspace, type WorkspaceOptions } from '../../src/workspace/createWorkspace.js';
import { mariadb, postgres, runPrefix, type Database as ServerDatabase } from './_databases.js';
import { actors, NOW, seedDirectory } from './_setup.js';

/**
 * Runs workspace tests on every storage adapter: memory, SQLite (in memory), and the PostgreSQL and
 * MariaDB servers when their URLs are set (skipped with a notice otherwise, failing in CI).
 */

/** A fresh, migrated storage and how to dispose of it. */
export interface OpenedStorage {
  readonly storage: StorageAdapter;
  close(): Promise<void>;
}

/** One adapter the tests run on. */
export interface AdapterCase {
  readonly name: string;
  /** A fresh empty storage, or `null` when the database is unavailable. */
  open(): Promise<OpenedStorage | null>;
}

function onServer(database: ServerDatabase): AdapterCase {
  return {
    name: database.name,
    async open() {
      const prefix = runPrefix('ad');
      const server = await database.server(prefix);
      if (server === null) return null;
      await server.storage.migrate();
      return {
        storage: server.storage,
        async close() {
          await server.end();
          await database.drop(prefix);
        },
      };
    },
  };
}

/** Every adapter, in the order the tests run on them. */
export const ADAPTERS: readonly AdapterCase[] = [
  { name: 'memory', open: async () => ({ storage: createMemoryStorage({ clock: fixedClock(NOW) }), close: async () => {} }) },
  {
    name: 'SQLite',
    async open() {
      const db = new Database(':memory:');
      const storage = createSqliteStorage({ database: db, clock: fixedClock(NOW) });
      await storage.migrate();
      return { storage, close: async () => void db.close() };
    },
  },
  onServer(postgres),
  onServer(mariadb),
];

/** A workspace on a fresh storage, with the test clock and sequential ids, acting as the admin. */
export interface AdapterWorkspace {
  readonly workspace: Workspace;
  readonly storage: StorageAdapter;
  /** Every event the workspace announced, in order. */
  readonly events: WorkspaceEvent[];
}

/**
 * Declares `body`'s tests once per adapter. `open` gives a fresh workspace (closed after the test
 * by the returned `close`), or `null` when the adapter is unavailable and the test should return.
 */
export function describeOnEveryAdapter(
  title: string,
  body: (open: (options?: Partial<WorkspaceOptions>) => Promise<(AdapterWorkspace & { close(): Promise<void> }) | null>) => void,
): void {
  for (const adapter of ADAPTERS) {
    describe(`${title} (${adapter.name})`, () => {
      body(async (options = {}) => {
        const opened = await adapter.open();
        if (opened === null) return null;
        await seedDirectory(opened.storage);
        const workspace = createWorkspace({ storage: opened.storage, clock: fixedClock(NOW), ids: sequentialIds(), actor: actors.admin, ...options });
        const events: WorkspaceEvent[] = [];
        workspace.on('*', (event) => {
          events.push(event);
        });
        return { workspace, storage: opened.storage, events, close: () => opened.close() };
      });
    });
  }
}
