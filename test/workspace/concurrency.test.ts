import { afterAll, describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import type { AuditEntry } from '../../src/store/storageAdapter.js';
import { createWorkspace, type Workspace } from '../../src/workspace/createWorkspace.js';
import { mariadb, postgres, runPrefix, type Server } from './_databases.js';
import { LAUNCH, seedDirectory } from './_setup.js';

/**
 * The workspace's reliability proof on real servers: 8 workers, each its own app server (its own
 * connection pool and workspace), run 500 commands each that read a shared task and write it back
 * with one more in its count, at the version they read. Conflicts surface as CONFLICT and are
 * retried; afterwards the counts add up, versions and audit versions have no gap, and the trail
 * holds exactly one entry per committed command.
 */
const WORKERS = 8;
const COMMANDS = 500;
const TASKS = ['t0', 't1', 't2', 't3', 't4'];

/** One command: read the task, write its count + 1 at the version read; returns the conflicts met. */
async function increment(workspace: Workspace, taskId: string): Promise<number> {
  for (let conflicts = 0; ; conflicts++) {
    const { data, version } = await workspace.tasks.getVersioned(taskId);
    try {
      await workspace.tasks.update(taskId, { description: String(Number(data.description ?? '0') + 1) }, { expectedVersion: version });
      return conflicts;
    } catch (error) {
      if (!isCampaignKitError(error, 'CONFLICT')) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(conflicts + 1, 5)));
    }
  }
}

async function auditOf(workspace: Workspace, taskId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await workspace.audit.list({ aggregate: { type: 'task', id: taskId }, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    entries.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return entries;
}

for (const database of [postgres, mariadb]) {
  const prefix = runPrefix('conc');
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.end()));
    await database.drop(prefix);
  });

  describe(`${database.name}: ${WORKERS} app servers × ${COMMANDS} commands on ${TASKS.length} shared tasks`, () => {
    it('loses no update, surfaces every conflict as CONFLICT, keeps versions gap-free and audits each command once', async (context) => {
      for (let i = 0; i < WORKERS; i++) {
        const server = await database.server(prefix);
        if (server === null) {
          context.skip();
          return;
        }
        servers.push(server);
      }
      const [first] = servers;
      if (first === undefined) throw new Error('no server');
      await first.storage.migrate();
      await seedDirectory(first.storage);
      const workspaces = servers.map((s) => createWorkspace({ storage: s.storage }));
      const [setup] = workspaces;
      if (setup === undefined) throw new Error('no workspace');
      await setup.campaigns.create(LAUNCH);
      for (const id of TASKS) await setup.tasks.create({ id, campaignId: 'launch', name: id, description: '0' });

      const started = performance.now();
      const conflicts = await Promise.all(
        workspaces.map(async (workspace, worker) => {
          let met = 0;
          for (let n = 0; n < COMMANDS; n++) met += await increment(workspace, TASKS[(worker * 7 + n) % TASKS.length] ?? 't0');
          return met;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const total = WORKERS * COMMANDS;

      let counted = 0;
      const commandIds = new Set<string>();
      for (const id of TASKS) {
        const { data, version } = await setup.tasks.getVersioned(id);
        const count = Number(data.description);
        counted += count;
        // Created at version 1; every committed command raised it by exactly one.
        expect(version).toBe(count + 1);
        const updates = (await auditOf(setup, id)).filter((e) => e.command === 'task.update');
        expect(updates.map((e) => e.version)).toEqual(Array.from({ length: count }, (_, i) => i + 2));
        for (const entry of updates) commandIds.add(entry.commandId);
      }
      expect(counted).toBe(total);
      expect(commandIds.size).toBe(total);
      // Four relays on four servers drain the outbox at once: FOR UPDATE SKIP LOCKED gives each its own entries.
      const delivered: string[] = [];
      await Promise.all(
        workspaces.slice(0, 4).map(async (relay, r) => {
          for (;;) {
            const batch = await relay.claimOutbox({ consumer: `relay-${r}`, limit: 100, leaseMs: 600_000 });
            if (batch.length === 0) return;
            delivered.push(...batch.map((entry) => entry.event.id));
            await relay.acknowledgeOutbox(batch.map((entry) => entry.seq));
          }
        }),
      );
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(delivered.length).toBe(total + 1 + TASKS.length);
      const retried = conflicts.reduce((a, b) => a + b, 0);
      // Eight writers on five tasks collide; every collision came back as CONFLICT and was retried.
      expect(retried).toBeGreaterThan(0);
      console.info(`${database.name}: ${total} commands in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} commands/s), ${retried} conflicts retried`);
    }, 600_000);
  });
}
