import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import type { Workspace } from '../../src/workspace/createWorkspace.js';
import { LAUNCH, setup } from './_setup.js';

/** A workspace with one campaign, two linked tasks and a budget line, and its storage. */
async function seeded() {
  const context = setup();
  const { workspace } = context;
  await workspace.campaigns.create(LAUNCH);
  await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '2d' });
  await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '3d' });
  await workspace.dependencies.add({ id: 'link', from: 'brief', to: 'design' });
  await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
  return context;
}

/** Values no field of these commands accepts where they are put below. */
const wrongTypes = fc.oneof(fc.constant(null), fc.boolean(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), fc.constant({ nested: true }));

type Command = [name: string, run: (w: Workspace) => Promise<unknown>];

/** One command with one field made invalid. */
const invalidCommand: fc.Arbitrary<Command> = fc.oneof<fc.Arbitrary<Command>[]>(
  fc.tuple(fc.constantFrom('name', 'plannedStart', 'currency', 'ownerId'), wrongTypes).map(([key, value]): Command => [
    `campaigns.create ${key}`,
    (w: Workspace) => w.campaigns.create({ ...LAUNCH, id: 'c2', [key]: value }),
  ]),
  fc.constantFrom('2026-02-30', '02/03/2026', '', '2026-3-2').map((date): Command => [`campaigns.update plannedStart ${date}`, (w: Workspace) => w.campaigns.update('launch', { plannedStart: date })]),
  fc.tuple(fc.constantFrom('duration', 'priority', 'percentComplete', 'assigneeIds', 'constraint'), fc.oneof(wrongTypes, fc.constantFrom('soon', -5, 101, 'urgentest'))).map(([key, value]): Command => [
    `tasks.create ${key}`,
    (w: Workspace) => w.tasks.create({ id: 'new', campaignId: 'launch', name: 'New', [key]: value }),
  ]),
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['name', 'description', 'type', 'ownerId', 'assigneeIds', 'stageId', 'duration', 'milestone', 'priority', 'checklist', 'constraint', 'deadline', 'calendarId', 'percentComplete', 'actualStart', 'actualFinish', 'channel', 'tags', 'parentId', '__proto__', 'constructor'].includes(k)), fc.jsonValue()).map(([key, value]): Command => [
    `tasks.update unknown key ${key}`,
    (w: Workspace) => w.tasks.update('brief', { [key]: value } as never),
  ]),
  fc.tuple(fc.constantFrom('name', 'duration', 'percentComplete', 'checklist'), wrongTypes).map(([key, value]): Command => [`tasks.update ${key}`, (w: Workspace) => w.tasks.update('brief', { [key]: value })]),
  fc.constantFrom('FF+', 'XX', 7).map((type): Command => [`dependencies.add type ${String(type)}`, (w: Workspace) => w.dependencies.add({ from: 'design', to: 'brief', type: type as never })]),
  fc.constant<Command>(['dependencies.add self-link', (w) => w.dependencies.add({ from: 'brief', to: 'brief' })]),
  fc.tuple(fc.constantFrom(12.5, -100, '100'), fc.constantFrom('amount' as const, 'planned' as const)).map(([value, key]): Command => [
    `money ${key} ${String(value)}`,
    (w: Workspace) =>
      key === 'amount'
        ? w.budgets.recordExpense({ campaignId: 'launch', category: 'venue', kind: 'actual', amount: value as number, currency: 'CNY', date: '2026-03-03' })
        : w.budgets.createLine({ campaignId: 'launch', category: 'venue', planned: value as number, currency: 'CNY' }),
  ]),
  fc.constantFrom({ leads: 'many' }, { Leads: 1 }, [1]).map((values): Command => [`kpis.recordMeasurement ${JSON.stringify(values)}`, (w: Workspace) => w.kpis.recordMeasurement({ campaignId: 'launch', date: '2026-03-02', values: values as never })]),
  fc.constantFrom('', 42).map((body): Command => [`comments.add body ${String(body)}`, (w: Workspace) => w.comments.add({ campaignId: 'launch', body: body as never })]),
);

/** Anything at all in place of a whole input. */
const anyInput = fc.anything().filter((value) => !(typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0));

describe('invalid commands', () => {
  it('are rejected with VALIDATION and leave the store byte for byte as it was', async () => {
    const { workspace, storage } = await seeded();
    const before = JSON.stringify(storage.snapshot());
    await fc.assert(
      fc.asyncProperty(invalidCommand, async ([, run]) => {
        const outcome = await run(workspace).then(
          () => 'accepted',
          (error: unknown) => (isCampaignKitError(error) ? error.code : String(error)),
        );
        expect(outcome).toBe('VALIDATION');
        expect(JSON.stringify(storage.snapshot())).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('reject any value passed as a whole input with VALIDATION and change nothing', async () => {
    const { workspace, storage } = await seeded();
    const before = JSON.stringify(storage.snapshot());
    const commands: ((input: unknown) => Promise<unknown>)[] = [
      (input) => workspace.campaigns.create(input as never),
      (input) => workspace.campaigns.update('launch', input as never),
      (input) => workspace.tasks.create(input as never),
      (input) => workspace.tasks.update('brief', input as never),
      (input) => workspace.dependencies.add(input as never),
      (input) => workspace.budgets.recordExpense(input as never),
      (input) => workspace.kpis.recordMeasurement(input as never),
      (input) => workspace.approvals.create(input as never),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands.keys()), anyInput, async (index, input) => {
        const run = commands[index];
        if (run === undefined) return;
        const outcome = await run(input).then(
          () => 'accepted',
          (error: unknown) => (isCampaignKitError(error) ? error.code : String(error)),
        );
        expect(outcome).toBe('VALIDATION');
        expect(JSON.stringify(storage.snapshot())).toBe(before);
      }),
      { numRuns: 400 },
    );
  });
});

describe('every workspace method', () => {
  it('lets only CampaignKitError escape, and a refused call changes nothing', async () => {
    const { workspace, storage } = await seeded();
    const methods: [string, (...args: unknown[]) => unknown][] = [];
    for (const [service, value] of Object.entries(workspace)) {
      if (typeof value === 'object' && value !== null && service !== 'actor') {
        for (const [method, fn] of Object.entries(value as Record<string, unknown>)) {
          if (typeof fn === 'function') methods.push([`${service}.${method}`, fn as (...args: unknown[]) => unknown]);
        }
      } else if (typeof value === 'function' && !['on', 'once', 'off'].includes(service)) {
        methods.push([service, value as (...args: unknown[]) => unknown]);
      }
    }
    expect(methods.length).toBeGreaterThan(60);
    const argument = fc.oneof(fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true }), fc.constantFrom('launch', 'brief', 'venue', 'link', undefined, null, {}));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.array(argument, { maxLength: 3 }), async ([name, fn], args) => {
        const before = JSON.stringify(storage.snapshot());
        const outcome = await Promise.resolve()
          .then(() => fn(...args))
          .then(
            () => 'ok',
            (error: unknown) => (isCampaignKitError(error) ? error.code : `raw ${String(error)}`),
          );
        expect(`${name}: ${outcome}`).not.toMatch(/: raw /);
        if (outcome !== 'ok') expect(JSON.stringify(storage.snapshot())).toBe(before);
      }),
      { numRuns: 1500 },
    );
  });
});
