import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkspaceEvent } from '../../src/events/workspaceEvents.js';
import { startService, type Service } from '../../examples/http-service.js';
import { postgres, runPrefix } from './_databases.js';

/**
 * The HTTP example, started on a free port against PostgreSQL and called over real HTTP: members
 * sign in by bearer token, writes carry If-Match, errors come back with their code and status, and
 * the relay publishes every event once.
 */
const prefix = runPrefix('http');
const probe = await postgres.server(prefix, 1);
await probe?.end();

describe.skipIf(probe === null)('examples/http-service.ts on PostgreSQL', () => {
  const pool = new pg.Pool({ connectionString: process.env['CAMPAIGNKIT_PG_URL'], max: 4 });
  const published: WorkspaceEvent[] = [];
  let service: Service | undefined;
  afterAll(async () => {
    await service?.close();
    await pool.end();
    await postgres.drop(prefix);
  });

  async function call(method: string, path: string, member: string, body?: unknown, headers: Record<string, string> = {}) {
    if (service === undefined) throw new Error('service not started');
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as Record<string, unknown> & { error?: { code: string; details: Record<string, unknown> } } };
  }

  it('serves campaigns and tasks with permissions, versions and typed errors over HTTP', async () => {
    service = await startService({ pool, port: 0, tablePrefix: prefix, relayEveryMs: 20, publish: async (events) => void published.push(...events) });
    const members = service.workspace.members;
    await members.create({ id: 'm-root', name: 'Root', roles: [{ role: 'admin' }] });
    await members.create({ id: 'm-li', name: 'Li', roles: [{ role: 'manager', campaignId: 'launch' }] });
    await members.create({ id: 'm-ad', name: 'Agency', department: 'agency', roles: [{ role: 'external', campaignId: 'launch' }] });

    expect((await call('GET', '/campaigns/launch', 'nobody')).status).toBe(401);
    const created = await call('POST', '/campaigns', 'm-root', { id: 'launch', name: 'Spring launch', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY' });
    expect([created.status, created.body['status']]).toEqual([201, 'draft']);
    expect((await call('POST', '/campaigns', 'm-li', { id: 'other', name: 'x', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY' })).status).toBe(403);

    const brief = await call('POST', '/campaigns/launch/tasks', 'm-li', { id: 'brief', name: 'Brief', duration: '2d' });
    expect([brief.status, brief.body['start'], brief.body['finish']]).toEqual([201, '2026-03-02T08:00', '2026-03-03T17:00']);
    await call('POST', '/campaigns/launch/tasks', 'm-li', { id: 'design', name: 'Design', duration: '3d', assigneeIds: ['m-ad'] });
    expect((await call('POST', '/dependencies', 'm-li', { from: 'brief', to: 'design' })).status).toBe(201);
    const cycle = await call('POST', '/dependencies', 'm-li', { from: 'design', to: 'brief' });
    expect([cycle.status, cycle.body.error?.code, cycle.body.error?.details['cycle']]).toEqual([422, 'CYCLE', ['design', 'brief', 'design']]);

    const read = await call('GET', '/tasks/brief', 'm-li');
    expect(read.etag).toBe('"1"');
    const patched = await call('PATCH', '/tasks/brief', 'm-li', { duration: '3d' }, { 'if-match': '"1"' });
    expect([patched.status, patched.etag, patched.body['finish']]).toEqual([200, '"2"', '2026-03-04T17:00']);
    const stale = await call('PATCH', '/tasks/brief', 'm-li', { duration: '1d' }, { 'if-match': '"1"' });
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect((await call('GET', '/tasks/design', 'm-li')).body['start']).toBe('2026-03-05T08:00');

    const invalid = await call('PATCH', '/tasks/brief', 'm-li', { duration: 'soon' });
    expect([invalid.status, invalid.body.error?.code]).toEqual([400, 'VALIDATION']);
    const undo = await call('POST', '/undo', 'm-li');
    expect([undo.status, undo.body['undoneCommand']]).toEqual([200, 'task.update']);
    expect((await call('GET', '/tasks/design', 'm-li')).body['start']).toBe('2026-03-04T08:00');

    const agency = await call('PATCH', '/tasks/brief', 'm-ad', { description: 'Booth ready' });
    expect([agency.status, agency.body.error?.details['permission']]).toEqual([403, 'task.update']);
    expect((await call('PATCH', '/tasks/design', 'm-ad', { description: 'Booth ready' })).status).toBe(200);
    const budget = await call('GET', '/campaigns/launch/budget/lines', 'm-ad');
    expect([budget.status, budget.body.error?.details['permission']]).toEqual([403, 'budget.read']);

    await expect.poll(() => published.length, { timeout: 5000 }).toBe(13);
    expect(published.map((e) => e.type)).toEqual([
      'member.created',
      'member.created',
      'member.created',
      'campaign.created',
      'task.created',
      'task.created',
      'dependency.added',
      'task.rescheduled',
      'task.updated',
      'task.rescheduled',
      'task.rescheduled',
      'command.undone',
      'task.updated',
    ]);
    expect(new Set(published.map((e) => e.id)).size).toBe(published.length);
  }, 60_000);
});
