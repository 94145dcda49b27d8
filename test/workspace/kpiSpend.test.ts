import { afterAll, describe, expect, it } from 'vitest';
import { defineAccessPolicy } from '../../src/access/accessPolicy.js';
import { isCampaignKitError } from '../../src/core/errors.js';
import type { WorkspaceEvent } from '../../src/events/workspaceEvents.js';
import { createWorkspace, type Workspace } from '../../src/workspace/createWorkspace.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { mariadb, postgres, runPrefix, type Server } from './_databases.js';
import { LAUNCH, seedDirectory } from './_setup.js';

// Recorded spend flows into ROI, ROAS and CPL; a KPI crossing is announced once, even when two
// app servers record at the same moment.

const expense = (id: string, category: string, amount: number) => ({ id, campaignId: 'launch', category, kind: 'actual' as const, amount, currency: 'CNY', date: '2026-03-03' });

async function withTargets(workspace: Workspace): Promise<void> {
  await workspace.campaigns.create(LAUNCH);
  for (const [category, planned] of [['media', 2_000_00], ['venue', 20_000_00], ['agency', 1_000_00]] as const) {
    await workspace.budgets.createLine({ id: category, campaignId: 'launch', category, planned, currency: 'CNY' });
  }
  await workspace.kpis.createTarget({ id: 'roi', campaignId: 'launch', metric: 'roi', target: 2 });
  await workspace.kpis.createTarget({ id: 'roas', campaignId: 'launch', metric: 'roas', target: 4 });
  await workspace.kpis.createTarget({ id: 'cpl', campaignId: 'launch', metric: 'cpl', target: 1_000 });
  await workspace.kpis.recordMeasurement({ id: 'm1', campaignId: 'launch', date: '2026-03-03', currency: 'CNY', values: { revenue: 5_000_00, leads: 100 } });
}

describeOnEveryAdapter('KPIs from recorded spend', (open) => {
  it('reads cost from every actual expense and spend from media, saying where each input came from', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      await withTargets(workspace);
      await workspace.budgets.recordExpense(expense('ads', 'media', 1_000_00));
      await workspace.budgets.recordExpense({ ...expense('po', 'venue', 0), kind: 'commitment', amount: 9_000_00 });
      expect(events.filter((e) => e.type === 'kpi.offTrack')).toEqual([]);
      // A venue invoice raises cost (ROI falls below target) but not ad spend.
      await workspace.budgets.recordExpense(expense('hall', 'venue', 1_000_00));
      // Rows come in target id order.
      const rows = await workspace.kpis.trackingTable('launch');
      expect(rows.map((r) => [r.metric, r.actual, r.status, r.inputSources])).toEqual([
        ['cpl', 1_000, 'onTrack', { leads: 'measurements', spend: 'expenses' }],
        ['roas', 5, 'onTrack', { revenue: 'measurements', spend: 'expenses' }],
        ['roi', 1.5, 'offTrack', { cost: 'expenses', revenue: 'measurements' }],
      ]);
      // The invoice that crossed announced it.
      expect(events.filter((e) => e.type === 'kpi.offTrack').map((e) => [e.commandId, e.type === 'kpi.offTrack' ? e.targetId : ''])).toEqual([
        [events.find((e) => e.type === 'expense.recorded' && e.expense.id === 'hall')?.commandId, 'roi'],
      ]);

      // Spend reported by the ad platform wins over the budget's; the two are never added.
      await workspace.kpis.recordMeasurement({ id: 'm2', campaignId: 'launch', date: '2026-03-03', currency: 'CNY', values: { spend: 500_00 } });
      const reported = await workspace.kpis.trackingTable('launch');
      expect(reported.map((r) => [r.metric, r.actual, r.inputSources['spend'] ?? null])).toEqual([
        ['cpl', 500, 'measurements'],
        ['roas', 10, 'measurements'],
        ['roi', 1.5, null],
      ]);
    } finally {
      await opened.close();
    }
  });

  it('takes spend from the categories the workspace names, and only for actors who may read expenses', async () => {
    const policy = defineAccessPolicy({ roles: { viewer: ['campaign.read', 'kpi.read'] } });
    const opened = await open({ spendCategories: ['media', 'agency'], policy });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await withTargets(workspace);
      await workspace.budgets.recordExpense(expense('ads', 'media', 1_000_00));
      await workspace.budgets.recordExpense(expense('kol', 'agency', 250_00));
      const roas = (await workspace.kpis.trackingTable('launch')).find((r) => r.metric === 'roas');
      expect(roas?.actual).toBe(4);
      const viewer = { id: 'm-wu', roles: [{ role: 'viewer' as const, campaignId: 'launch' }] };
      const hidden = (await workspace.withActor(viewer).kpis.trackingTable('launch')).find((r) => r.metric === 'roi');
      expect([hidden?.actual, hidden?.inputSources]).toEqual([null, { cost: 'missing', revenue: 'measurements' }]);
    } finally {
      await opened.close();
    }
  });
});

/** Runs a command, retrying on CONFLICT as a host would. */
async function retrying(command: () => Promise<unknown>): Promise<void> {
  for (;;) {
    try {
      await command();
      return;
    } catch (error) {
      if (!isCampaignKitError(error, 'CONFLICT')) throw error;
    }
  }
}

const CAMPAIGNS = 12;

for (const database of [postgres, mariadb]) {
  const prefix = runPrefix('kpi');
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.end()));
    await database.drop(prefix);
  });

  describe(`${database.name}: two app servers record KPI measurements at once`, () => {
    it('announces each kpi.offTrack crossing exactly once', async (context) => {
      for (let i = 0; i < 2; i++) {
        const server = await database.server(prefix);
        if (server === null) {
          context.skip();
          return;
        }
        servers.push(server);
      }
      const [first, second] = servers;
      if (first === undefined || second === undefined) throw new Error('no server');
      await first.storage.migrate();
      await seedDirectory(first.storage);
      const workspaces = [createWorkspace({ storage: first.storage }), createWorkspace({ storage: second.storage })];
      const heard: WorkspaceEvent[] = [];
      for (const workspace of workspaces) workspace.on('kpi.offTrack', (event) => void heard.push(event));
      const [setup] = workspaces;
      if (setup === undefined) throw new Error('no workspace');
      for (let c = 0; c < CAMPAIGNS; c++) {
        await setup.campaigns.create({ ...LAUNCH, id: `c${c}` });
        await setup.kpis.createTarget({ id: `leads-${c}`, campaignId: `c${c}`, metric: 'leads', target: 1_000 });
      }
      // On each campaign both servers record 10 leads at once: either one alone takes the target off track.
      await Promise.all(
        Array.from({ length: CAMPAIGNS }, (_, c) =>
          Promise.all(workspaces.map((workspace, w) => retrying(() => workspace.kpis.recordMeasurement({ id: `m-${c}-${w}`, campaignId: `c${c}`, date: '2026-03-02', values: { leads: 10 } })))),
        ),
      );
      const perTarget = new Map<string, number>();
      for (const event of heard) if (event.type === 'kpi.offTrack') perTarget.set(event.targetId, (perTarget.get(event.targetId) ?? 0) + 1);
      expect([...perTarget.entries()].sort()).toEqual(Array.from({ length: CAMPAIGNS }, (_, c) => [`leads-${c}`, 1] as [string, number]).sort());
      const table = await setup.kpis.trackingTable('c0');
      expect(table.map((r) => r.actual)).toEqual([20]);
    });

    it('announces each budget.thresholdCrossed crossing exactly once', async (context) => {
      const [first, second] = servers;
      if (first === undefined || second === undefined) {
        context.skip();
        return;
      }
      const workspaces = [createWorkspace({ storage: first.storage }), createWorkspace({ storage: second.storage })];
      const heard: WorkspaceEvent[] = [];
      for (const workspace of workspaces) workspace.on('budget.thresholdCrossed', (event) => void heard.push(event));
      const [setup] = workspaces;
      if (setup === undefined) throw new Error('no workspace');
      for (let c = 0; c < CAMPAIGNS; c++) {
        await setup.campaigns.create({ ...LAUNCH, id: `b${c}` });
        await setup.budgets.createLine({ id: `media-${c}`, campaignId: `b${c}`, category: 'media', planned: 100_00, currency: 'CNY' });
      }
      // Each commitment alone stays within the line; the two together pass the warning level (+5 %).
      await Promise.all(
        Array.from({ length: CAMPAIGNS }, (_, c) =>
          Promise.all(
            workspaces.map((workspace, w) =>
              retrying(() => workspace.budgets.recordExpense({ id: `po-${c}-${w}`, campaignId: `b${c}`, category: 'media', kind: 'commitment', amount: 53_00, currency: 'CNY', date: '2026-03-02' })),
            ),
          ),
        ),
      );
      const crossings = heard.flatMap((e) => (e.type === 'budget.thresholdCrossed' && e.alert.scope === 'campaign' && e.alert.basis === 'committed' ? [e.campaignId] : []));
      expect(crossings.sort()).toEqual(Array.from({ length: CAMPAIGNS }, (_, c) => `b${c}`).sort());
    });
  });
}
