/**
 * campaignkit embedded in a small HTTP service on PostgreSQL: one workspace per process, one view
 * per request for the member making it, optimistic concurrency through ETag / If-Match, errors
 * mapped to status codes by their stable code, and an outbox relay that publishes the events.
 * Run several copies against one database: they stay consistent, and their relays never publish
 * the same event at the same time.
 *
 * Run with `CAMPAIGNKIT_PG_URL=postgres://postgres@127.0.0.1:5432/test npx tsx examples/http-service.ts`
 * (PORT defaults to 3000), then for example:
 *
 *   curl -H 'Authorization: Bearer m-root' -d '{"id":"launch","name":"Spring launch","ownerId":"m-root","plannedStart":"2026-03-02","currency":"CNY"}' localhost:3000/campaigns
 *   curl -H 'Authorization: Bearer m-root' -d '{"id":"brief","name":"Brief","duration":"2d"}' localhost:3000/campaigns/launch/tasks
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createPostgresStorage } from '../src/adapters/postgres/index.js';
import { createWorkspace, isCampaignKitError, type ErrorCode, type Workspace, type WorkspaceEvent } from '../src/index.js';

/** Options of {@link startService}. */
export interface ServiceOptions {
  /** Your `pg` pool; the service never ends it. */
  readonly pool: pg.Pool;
  /** Port to listen on; 0 picks a free one. */
  readonly port?: number;
  /** Prefix of the campaignkit tables. */
  readonly tablePrefix?: string;
  /** Where the relay sends events (your broker); default: print them. */
  readonly publish?: (events: readonly WorkspaceEvent[]) => Promise<void>;
  /** How often the relay looks for events, in ms; default 200. */
  readonly relayEveryMs?: number;
}

/** A running service. */
export interface Service {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** The workspace as the trusted `system` actor, for set-up (members, imports). */
  readonly workspace: Workspace;
  /** Stops the relay and the server. */
  close(): Promise<void>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  PARSE: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  CYCLE: 422,
  CONSTRAINT_CONFLICT: 422,
  LIMIT_EXCEEDED: 422,
  CURRENCY_MISMATCH: 422,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new HttpError(413, 'request body larger than 1 MB');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not JSON');
  }
}

function send(response: ServerResponse, status: number, payload: unknown, version?: number): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (version !== undefined) headers['etag'] = `"${version}"`;
  response.writeHead(status, headers);
  response.end(payload === undefined ? '' : JSON.stringify(payload));
}

/** `If-Match: "3"` → 3. */
function expectedVersion(request: IncomingMessage): number | undefined {
  const match = /^"(\d+)"$/.exec(request.headers['if-match'] ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * The member making the request. A real service gets them from its own sign-in; here the bearer
 * token is the member id, looked up in the workspace's member directory for department and roles.
 */
async function actorOf(system: Workspace, request: IncomingMessage): Promise<Workspace> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined) throw new HttpError(401, 'send Authorization: Bearer <member id>');
  const member = await system.members.get(token).catch(() => null);
  if (member === null) throw new HttpError(401, `unknown member ${token}`);
  return system.withActor({ id: member.id, ...(member.department === undefined ? {} : { department: member.department }), roles: member.roles });
}

type Handler = (ws: Workspace, params: string[], request: IncomingMessage, response: ServerResponse) => Promise<void>;

const routes: [method: string, pattern: RegExp, handler: Handler][] = [
  ['POST', /^\/campaigns$/, async (ws, _, req, res) => send(res, 201, await ws.campaigns.create((await body(req)) as never))],
  ['GET', /^\/campaigns\/([^/]+)$/, async (ws, [id = ''], _req, res) => send(res, 200, await ws.campaigns.get(id))],
  ['GET', /^\/campaigns\/([^/]+)\/tasks$/, async (ws, [id = ''], _req, res) => send(res, 200, await ws.tasks.list({ campaignId: id }))],
  [
    'POST',
    /^\/campaigns\/([^/]+)\/tasks$/,
    async (ws, [id = ''], req, res) => send(res, 201, await ws.tasks.create({ ...(await body(req) as object), campaignId: id } as never)),
  ],
  ['GET', /^\/campaigns\/([^/]+)\/schedule$/, async (ws, [id = ''], _req, res) => send(res, 200, await ws.campaigns.getSchedule(id))],
  ['GET', /^\/campaigns\/([^/]+)\/budget\/lines$/, async (ws, [id = ''], _req, res) => send(res, 200, await ws.budgets.listLines({ campaignId: id }))],
  ['GET', /^\/campaigns\/([^/]+)\/audit$/, async (ws, [id = ''], _req, res) => send(res, 200, await ws.audit.list({ campaignId: id, order: 'desc' }))],
  [
    'GET',
    /^\/tasks\/([^/]+)$/,
    async (ws, [id = ''], _req, res) => {
      const { data, version } = await ws.tasks.getVersioned(id);
      send(res, 200, data, version);
    },
  ],
  [
    'PATCH',
    /^\/tasks\/([^/]+)$/,
    async (ws, [id = ''], req, res) => {
      const version = expectedVersion(req);
      await ws.tasks.update(id, (await body(req)) as never, version === undefined ? {} : { expectedVersion: version });
      const { data, version: now } = await ws.tasks.getVersioned(id);
      send(res, 200, data, now);
    },
  ],
  ['POST', /^\/tasks\/([^/]+)\/transitions$/, async (ws, [id = ''], req, res) => send(res, 200, await ws.tasks.transition(id, (await body(req)) as never))],
  ['POST', /^\/dependencies$/, async (ws, _, req, res) => send(res, 201, await ws.dependencies.add((await body(req)) as never))],
  ['POST', /^\/undo$/, async (ws, _, _req, res) => send(res, 200, await ws.audit.undoLast())],
];

async function handle(system: Workspace, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
    if (route === undefined) throw new HttpError(404, `no route ${request.method} ${path}`);
    const [, pattern, handler] = route;
    const params = (pattern.exec(path) ?? []).slice(1).map((p) => decodeURIComponent(p));
    await handler(await actorOf(system, request), params, request, response);
  } catch (error) {
    if (error instanceof HttpError) send(response, error.status, { error: { code: 'HTTP', message: error.message } });
    else if (isCampaignKitError(error)) {
      send(response, STATUS[error.code] ?? 500, { error: { code: error.code, message: error.message, details: error.details } });
    } else {
      console.error(error);
      send(response, 500, { error: { code: 'INTERNAL', message: 'internal error' } });
    }
  }
}

/** The outbox relay: claims events (each server its own, thanks to SKIP LOCKED), publishes them, acknowledges them. */
function startRelay(system: Workspace, publish: (events: readonly WorkspaceEvent[]) => Promise<void>, everyMs: number): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const batch = await system.claimOutbox({ consumer: `relay-${process.pid}`, limit: 100, leaseMs: 30_000 });
        if (batch.length > 0) {
          await publish(batch.map((entry) => entry.event));
          await system.acknowledgeOutbox(batch.map((entry) => entry.seq));
          continue;
        }
      } catch (error) {
        console.error('relay failed; the lease runs out and the events are claimed again', error);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

/** Starts the service: migrates the tables, listens, and relays events. */
export async function startService(options: ServiceOptions): Promise<Service> {
  const storage = createPostgresStorage({ pool: options.pool, ...(options.tablePrefix === undefined ? {} : { tablePrefix: options.tablePrefix }) });
  await storage.migrate();
  const system = createWorkspace({ storage, timeZone: 'Asia/Shanghai' });
  const server = createServer((request, response) => void handle(system, request, response));
  await new Promise<void>((resolve) => server.listen(options.port ?? 3000, '127.0.0.1', resolve));
  const publish = options.publish ?? (async (events) => void console.log(events.map((e) => `${e.type} ${e.aggregateId} v${e.version}`).join('\n')));
  const stopRelay = startRelay(system, publish, options.relayEveryMs ?? 200);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    workspace: system,
    async close() {
      await stopRelay();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

// Started directly (not imported by the test): serve until interrupted.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const pool = new pg.Pool({ connectionString: process.env['CAMPAIGNKIT_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' });
  const service = await startService({ pool, port: Number(process.env['PORT'] ?? 3000) });
  // Someone has to be able to sign in: an administrator of every campaign.
  await service.workspace.members.create({ id: 'm-root', name: 'Administrator', roles: [{ role: 'admin' }] }).catch(() => undefined);
  console.log(`campaignkit service on ${service.url}; Authorization: Bearer m-root`);
  process.on('SIGINT', () => void service.close().then(() => pool.end()));
}
