/**
 * Workspace benchmarks: commands per second through the whole pipeline (parse, authorize, load,
 * immer patches, versioned save, command log, audit entry, outbox events, commit, listeners), on the
 * memory adapter and on PostgreSQL with one writer and with eight concurrent writers, plus the
 * price of rescheduling a large campaign with and without the cached prepared schedule.
 *
 * `workspaceBenchmarks()` returns Markdown table rows `[benchmark, result, compared with, note]`;
 * `bench/run.ts` prints them. PostgreSQL rows need CAMPAIGNKIT_PG_URL (they say so otherwise).
 */
import pg from 'pg';
import { createPostgresStorage } from '../src/adapters/postgres/index.js';
import { createMemoryStorage, createWorkspace, type StorageAdapter, type Workspace } from '../src/index.js';

/** Options of {@link workspaceBenchmarks}. */
export interface WorkspaceBenchmarkOptions {
  /** Commands per writer; default 2000 on memory, 500 on PostgreSQL. */
  readonly commands?: number;
  /** PostgreSQL URL; default CAMPAIGNKIT_PG_URL. */
  readonly pgUrl?: string;
}

const CAMPAIGN = { id: 'bench', name: 'Benchmark', ownerId: 'm-bench', plannedStart: '2026-03-02', currency: 'CNY' };

async function seeded(storage: StorageAdapter, tasks: number): Promise<Workspace> {
  const workspace = createWorkspace({ storage });
  await workspace.campaigns.create(CAMPAIGN);
  for (let i = 0; i < tasks; i++) await workspace.tasks.create({ id: `t${i}`, campaignId: 'bench', name: `Task ${i}`, description: '0' });
  return workspace;
}

/** Runs `commands` updates of `taskId` one after another; returns commands per second. */
async function writer(workspace: Workspace, taskId: string, commands: number): Promise<number> {
  const started = performance.now();
  for (let n = 1; n <= commands; n++) await workspace.tasks.update(taskId, { description: String(n) });
  return (commands / (performance.now() - started)) * 1000;
}

const rate = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en-US')} commands/s`;

async function memoryRows(commands: number): Promise<string[][]> {
  const workspace = await seeded(createMemoryStorage(), 1);
  await writer(workspace, 't0', 200);
  const single = await writer(workspace, 't0', commands);

  // A 500-task finish-to-start chain: one duration change with the prepared schedule cached on this
  // server, and the same change on a second server whose cache the first one keeps invalidating.
  const storage = createMemoryStorage();
  const chain = await seeded(storage, 500);
  for (let i = 1; i < 500; i++) await chain.dependencies.add({ from: `t${i - 1}`, to: `t${i}` });
  const other = createWorkspace({ storage });
  const changes = 50;
  let started = performance.now();
  for (let n = 0; n < changes; n++) await chain.tasks.update('t480', { duration: `${1 + (n % 3)}d` });
  const warm = (performance.now() - started) / changes;
  started = performance.now();
  for (let n = 0; n < changes; n++) await (n % 2 === 0 ? other : chain).tasks.update('t480', { duration: `${1 + (n % 3)}d` });
  const cold = (performance.now() - started) / changes;
  return [
    ['workspace, memory adapter, 1 writer (task.update)', rate(single), '—', `${commands} commands, each with audit entry, command log and outbox event`],
    [
      'workspace, memory, duration change in a 500-task chain',
      `${warm.toFixed(2)} ms per command (cached schedule)`,
      `${cold.toFixed(2)} ms with the cache invalidated by another server`,
      `${(cold / warm).toFixed(1)}× faster incremental; the 20 tasks after it move each time`,
    ],
  ];
}

async function postgresRows(url: string | undefined, commands: number): Promise<string[][]> {
  if (!url) return [['workspace, PostgreSQL', 'skipped', '—', 'set CAMPAIGNKIT_PG_URL to measure']];
  const prefix = `ckbench_${Date.now().toString(36)}_`;
  const pools: pg.Pool[] = [];
  const pool = () => {
    const created = new pg.Pool({ connectionString: url, max: 2 });
    pools.push(created);
    return created;
  };
  try {
    const first = createPostgresStorage({ pool: pool(), tablePrefix: prefix });
    await first.migrate();
    const workspace = await seeded(first, 8);
    await writer(workspace, 't0', 50);
    const single = await writer(workspace, 't0', commands);
    // Eight app servers, each with its own pool and workspace, each writing its own task.
    const servers = Array.from({ length: 8 }, () => createWorkspace({ storage: createPostgresStorage({ pool: pool(), tablePrefix: prefix }) }));
    const started = performance.now();
    await Promise.all(servers.map((server, i) => writer(server, `t${i}`, commands)));
    const concurrent = ((8 * commands) / (performance.now() - started)) * 1000;
    return [
      ['workspace, PostgreSQL, 1 writer (task.update)', rate(single), '—', `${commands} commands, one transaction each`],
      ['workspace, PostgreSQL, 8 concurrent writers', rate(concurrent), `1 writer ${rate(single)}`, `8 pools × ${commands} commands on their own tasks`],
    ];
  } finally {
    await pools[0]?.query(`DROP TABLE IF EXISTS ${['records', 'audit', 'outbox', 'migrations'].map((t) => prefix + t).join(', ')}`);
    await Promise.all(pools.map((p) => p.end()));
  }
}

/** Measures the workspace and returns Markdown table rows. */
export async function workspaceBenchmarks(options: WorkspaceBenchmarkOptions = {}): Promise<string[][]> {
  return [
    ...(await memoryRows(options.commands ?? 2000)),
    ...(await postgresRows(options.pgUrl ?? process.env['CAMPAIGNKIT_PG_URL'], options.commands ?? 500)),
  ];
}
