import { expect, it } from 'vitest';
import { CAMPAIGN_FULL_PROCESS } from '../../src/workflow/templates/builtInTemplates.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Stage plans are stored by instantiation and read back by reminders and saveAsTemplate.

const ASSIGNEES = { market: ['m-wang'], manager: ['m-li'], sales: ['m-zhao'], product: ['m-qian'], design: ['m-sun'], legal: ['m-zhou'] };

describeOnEveryAdapter('stored stage plans', (open) => {
  it('stores every stage with its owner, inputs, outputs, SLA and standards, and reminds when one breaches', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const opened = await open({ clock: { now: () => now } });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const plan = await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, { assignees: ASSIGNEES });
      expect(plan.stageIds).toEqual(['research', 'plan', 'review', 'resources', 'execution', 'retro']);
      const [research] = await workspace.campaigns.stages('launch');
      expect(research).toEqual({
        id: 'research',
        campaignId: 'launch',
        stageId: 'research',
        name: 'Demand research',
        ownerRole: 'market',
        taskIds: ['research'],
        sla: '3d',
        inputs: ['campaign brief'],
        outputs: ['requirements research report'],
        acceptanceCriteria: ['Report names the target audience, their needs and the evidence for each'],
        plannedStart: '2026-03-02T08:00',
        plannedFinish: '2026-03-04T17:00',
      });

      await workspace.withActor(actors.manager).tasks.transition('research', { to: 'in_progress' });
      // Three working days from Monday 09:00 end on Thursday 09:00; at noon the stage is late.
      now = Date.parse('2026-03-05T12:00:00Z');
      const breached = (await workspace.campaigns.reminders('launch')).filter((r) => r.kind === 'stage.slaBreached');
      expect(breached.map((r) => [r.stageId, r.dueAt, r.workingMinutesLeft, r.notify])).toEqual([
        ['research', '2026-03-05T09:00', -180, { members: ['m-wang'], roles: ['market', 'manager'] }],
      ]);
      // Not a minute of it done yet: its forecast runs well past the SLA, which risks report too.
      const atRisk = (await workspace.campaigns.risks('launch')).filter((r) => r.kind === 'stage.slaAtRisk');
      expect(atRisk.map((r) => (r.kind === 'stage.slaAtRisk' ? [r.stageId, r.dueAt, r.forecastFinish, r.lateMinutes] : []))).toEqual([['research', '2026-03-05T09:00', '2026-03-10T12:00', 1620]]);
    } finally {
      await opened.close();
    }
  });

  it('saves the stored campaign as a template with its stages as instantiated', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, { assignees: ASSIGNEES });
      const template = await workspace.campaigns.saveAsTemplate('launch', { id: 'launch-2027', name: 'Launch 2027' });
      expect(template.stages.map((s) => [s.id, s.name, s.ownerRole, s.duration, s.inputs.length, s.outputs.length])).toEqual(
        CAMPAIGN_FULL_PROCESS.stages.map((s) => [s.id, s.name, s.ownerRole, s.duration, s.inputs?.length ?? 0, s.outputs?.length ?? 0]),
      );
      expect(template.stages[0]?.acceptanceCriteria).toEqual(['Report names the target audience, their needs and the evidence for each']);
      // An agency reads tasks but not templates.
      expect((await failure(workspace.withActor(actors.agency).campaigns.saveAsTemplate('launch', { id: 'x', name: 'X' }))).code).toBe('FORBIDDEN');
    } finally {
      await opened.close();
    }
  });
});
