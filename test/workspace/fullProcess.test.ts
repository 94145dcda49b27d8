import { expect, it } from 'vitest';
import { CAMPAIGN_FULL_PROCESS } from '../../src/workflow/templates/builtInTemplates.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { LAUNCH } from './_setup.js';

// The product brief's full campaign process through the workspace alone, on every adapter: every
// figure a manager would look at, asserted exactly.

const ASSIGNEES = { market: ['m-wang'], manager: ['m-li'], sales: ['m-zhao'], product: ['m-xu'], design: ['m-sun'], legal: ['m-zhou'] };
const manager = { id: 'm-li', department: 'market', roles: [{ role: 'manager' as const, campaignId: 'launch' }] };
const finance = { id: 'm-qian', department: 'finance', roles: [{ role: 'member' as const, campaignId: 'launch' }] };
const marketer = { id: 'm-wang', department: 'market', roles: [{ role: 'member' as const, campaignId: 'launch' }] };

describeOnEveryAdapter('the full campaign process', (open) => {
  it('runs from initiation to OKR rollup with every figure derived from stored records', async () => {
    let now = Date.parse('2026-03-02T08:00:00Z');
    const at = (instant: string) => {
      now = Date.parse(instant);
    };
    const opened = await open({ clock: { now: () => now } });
    if (opened === null) return;
    const { workspace, events } = opened;
    const lead = workspace.withActor(manager);
    try {
      // Strategy and initiation (立项).
      await workspace.objectives.create({
        id: 'o-pipeline',
        name: 'Build the Q1 pipeline',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-30',
        keyResults: [{ id: 'kr-leads', name: '500 qualified leads', metric: 'leads', target: 500 }],
      });
      await workspace.campaigns.create({ ...LAUNCH, type: 'product-launch', objectiveIds: ['o-pipeline'], keyResultIds: ['kr-leads'] });
      const plan = await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, { assignees: ASSIGNEES });
      await workspace.approvals.create({ id: 'initiation', campaignId: 'launch', subject: { type: 'campaign', id: 'launch' }, stages: [{ name: 'Director', approvers: ['m-li'] }] });
      await workspace.approvals.submit('initiation');
      await lead.approvals.decide('initiation', { decision: 'approved' });
      await lead.campaigns.transition('launch', { to: 'approved' });
      await lead.campaigns.transition('launch', { to: 'active' });
      await workspace.campaigns.saveBaseline('launch');

      // Money and its governance: spending above 10,000 CNY needs finance.
      await workspace.budgets.createLine({ id: 'research-fee', campaignId: 'launch', taskId: 'research', category: 'agency', planned: 3_000_00, currency: 'CNY' });
      await workspace.budgets.createLine({ id: 'media', campaignId: 'launch', category: 'media', planned: 50_000_00, currency: 'CNY' });
      await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 20_000_00, currency: 'CNY' });
      await workspace.budgets.setThresholds('launch', { approvalPolicy: { rules: [{ threshold: { amount: 10_000_00, currency: 'CNY' }, name: 'Finance approval', approverRole: 'finance' }] } });
      await workspace.kpis.createTarget({ id: 't-roi', campaignId: 'launch', metric: 'roi', target: 2 });
      await workspace.kpis.createTarget({ id: 't-leads', campaignId: 'launch', metric: 'leads', target: 500 });

      // A weekly stand-up every Monday at 09:30.
      const standup = await workspace.tasks.createSeries({ id: 'standup', campaignId: 'launch', name: 'Stand-up', duration: '15m', ownerId: 'm-li', recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', start: '2026-03-02T09:30' } });
      expect(standup.occurrences.map((t) => t.start)).toEqual(['2026-03-02T09:30', '2026-03-09T09:30', '2026-03-16T09:30', '2026-03-23T09:30']);

      // Research starts Monday 09:00; the research report is attached; it runs past its 3-day SLA.
      at('2026-03-02T09:00:00Z');
      await lead.tasks.transition('research', { to: 'in_progress' });
      await workspace.withActor(marketer).attachments.add({ id: 'report', campaignId: 'launch', taskId: 'research', name: 'research.pdf', ref: 's3://launch/research-v1.pdf', contentType: 'application/pdf' });
      at('2026-03-05T10:00:00Z');
      const breached = (await workspace.campaigns.reminders('launch')).filter((r) => r.kind === 'stage.slaBreached');
      expect(breached.map((r) => [r.stageId, r.dueAt, r.workingMinutesLeft])).toEqual([['research', '2026-03-05T09:00', -60]]);
      await workspace.withActor(marketer).attachments.add({ id: 'report', campaignId: 'launch', taskId: 'research', name: 'research.pdf', ref: 's3://launch/research-v2.pdf' });
      at('2026-03-05T12:00:00Z');
      for (const itemId of ['c1', 'c2', 'c3', 'accept-1']) await workspace.withActor(marketer).tasks.setChecklistItem('research', { itemId, done: true });
      await lead.tasks.transition('research', { to: 'done' });
      expect((await workspace.attachments.latest({ campaignId: 'launch', taskId: 'research' })).map((a) => [a.id, a.version])).toEqual([['report', 2]]);
      const board = await workspace.tasks.kanban('launch');
      expect(board.columns.find((c) => c.status === 'done')?.taskIds).toEqual(['research']);

      // Spending: an invoice recorded, then corrected; a booth commitment through finance.
      await workspace.budgets.recordExpense({ id: 'research-invoice', campaignId: 'launch', taskId: 'research', budgetLineId: 'research-fee', category: 'agency', kind: 'actual', amount: 3_200_00, currency: 'CNY', date: '2026-03-05' });
      await workspace.budgets.recordExpense({ id: 'ads', campaignId: 'launch', category: 'media', kind: 'actual', amount: 8_000_00, currency: 'CNY', date: '2026-03-05' });
      await workspace.budgets.updateExpense('ads', { amount: 9_000_00 }, { reason: 'Invoice was 9,000, not 8,000' });
      const booth = await lead.budgets.requestExpense({ id: 'booth', campaignId: 'launch', category: 'venue', kind: 'commitment', amount: 15_000_00, currency: 'CNY', date: '2026-03-05' });
      expect(booth.expense).toBeNull();
      await workspace.withActor(finance).approvals.decide(booth.approval?.id ?? '', { decision: 'approved' });
      const money = await workspace.budgets.summary('launch');
      expect([money.cost.planned, money.cost.committed, money.cost.actual]).toEqual([73_000_00, 15_000_00, 12_200_00]);

      // Results: ROI from the recorded spend, leads from the CRM.
      await workspace.kpis.recordMeasurement({ id: 'crm-w10', campaignId: 'launch', date: '2026-03-05', currency: 'CNY', values: { revenue: 36_600_00, leads: 300 } });
      const kpis = await workspace.kpis.trackingTable('launch');
      expect(kpis.map((r) => [r.metric, r.actual, r.status, r.inputSources])).toEqual([
        ['leads', 300, 'offTrack', { leads: 'measurements' }],
        ['roi', 2, 'onTrack', { cost: 'expenses', revenue: 'measurements' }],
      ]);

      // The plan against its baseline, earned value, the OKR and the team.
      const slip = (await workspace.campaigns.compareToBaseline('launch')).tasks.find((t) => t.id === 'research');
      expect([slip?.startVariance, slip?.finishVariance]).toEqual([60, 240]);
      const evm = await workspace.campaigns.evm('launch', { statusDate: '2026-03-05' });
      expect([evm.campaign.bac, evm.campaign.pv, evm.campaign.ev, evm.campaign.ac, evm.campaign.cpi]).toEqual([3_000_00, 3_000_00, 3_000_00, 3_200_00, 0.9375]);
      const [okr] = await workspace.objectives.rollup({ asOf: '2026-03-05' });
      expect([okr?.keyResults[0]?.current, okr?.progress]).toEqual([300, 0.6]);
      // Research, owned by marketing, ran from Monday 09:00 to Thursday 12:00.
      const team = await workspace.teamMetrics({ groupBy: 'team' });
      expect(team.find((g) => g.key === 'market')).toMatchObject({ completed: 1, averageCycleHours: 75, cycleTimeByStage: { research: { averageHours: 75, count: 1 } } });
      expect(plan.stageIds).toHaveLength(6);
      expect(events.filter((e) => e.type === 'kpi.offTrack').map((e) => (e.type === 'kpi.offTrack' ? e.targetId : ''))).toEqual(['t-leads']);
    } finally {
      await opened.close();
    }
  });
});
