import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { CampaignIdSchema, MemberIdSchema } from '../model/ids.js';
import { DurationInputSchema } from '../model/primitives.js';
import type { ProcessTemplateInput, StoredStage } from '../model/template.js';
import { defineTemplate } from '../workflow/templates/defineTemplate.js';
import { instantiateTemplate } from '../workflow/templates/instantiateTemplate.js';
import type { WorkspaceContext } from './_context.js';
import type { InstantiatedPlan, InstantiateTemplateOptions } from './campaignService.js';
import { reschedule } from './_reschedule.js';
import { resourceOf } from './_resources.js';
import { loadActiveDirectory, requireMembers } from './_references.js';
import { runCommand } from './_runCommand.js';

const OptionsSchema = z.object({
  /** Role assignments. */
  assignees: z.record(z.string(), z.array(MemberIdSchema)).default({}),
  /** Durations. */
  durations: z.record(z.string(), DurationInputSchema).default({}),
  /** Id prefix. */
  idPrefix: z.string().max(100).default(''),
});

/**
 * `campaigns.instantiateTemplate`: the workflow engine's `instantiateTemplate` turns a process
 * template into tasks (owners from the role assignments or the member directory, acceptance
 * criteria as checklists), dependencies, draft approvals and stage plans (name, owner role, inputs,
 * outputs, SLA, acceptance criteria, tasks); the command stores them all at once and schedules the
 * campaign from its planned start on its own calendar.
 */
export async function instantiateTemplateCommand(ctx: WorkspaceContext, id: string, template: ProcessTemplateInput, options: InstantiateTemplateOptions = {}): Promise<InstantiatedPlan> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const valid = defineTemplate(template);
  const parsed = parseInput(OptionsSchema, options, 'instantiate options');
  return runCommand(ctx, { name: 'campaign.instantiateTemplate', target: { type: 'campaign', id: campaignId } }, async (session) => {
    const campaign = await session.require('campaign', campaignId);
    session.authorize('task.create', resourceOf('campaign', campaign));
    const members = await loadActiveDirectory(session);
    for (const [role, ids] of Object.entries(parsed.assignees)) await requireMembers(session, ids, ['assignees', role], 'instantiate options');
    const plan = instantiateTemplate(valid, {
      campaignId,
      start: campaign.plannedStart,
      directory: { assignees: parsed.assignees, members },
      durations: parsed.durations,
      idPrefix: parsed.idPrefix,
      workflows: [...ctx.workflows],
    });
    await session.load('task', plan.tasks.map((t) => t.id));
    await session.load('dependency', plan.links.map((l) => l.id));
    await session.load('approval', plan.approvals.map((a) => a.id));
    const stages: StoredStage[] = plan.stages.map((stage) => ({ ...stage, id: `${parsed.idPrefix}${stage.stageId}` as StoredStage['id'], campaignId: campaign.id }));
    await session.load('stage', stages.map((s) => s.id));
    const keys = [
      ...plan.tasks.map((t) => ['task', t.id] as const),
      ...plan.links.map((l) => ['dependency', l.id] as const),
      ...plan.approvals.map((a) => ['approval', a.id] as const),
      ...stages.map((s) => ['stage', s.id] as const),
    ];
    const taken = keys.filter(([type, key]) => session.versionOf(type, key) !== 0).map(([, key]) => key);
    if (taken.length > 0) {
      throw new CampaignKitError('CONFLICT', `Ids ${taken.join(', ')} are already used (ids are unique across campaigns); instantiate with an idPrefix such as '${campaignId}-'`, {
        details: { ids: taken },
      });
    }
    session.change((state) => {
      for (const task of plan.tasks) state.task[task.id] = task;
      for (const link of plan.links) state.dependency[link.id] = link;
      for (const approval of plan.approvals) state.approval[approval.id] = approval;
      for (const stage of stages) state.stage[stage.id] = stage;
    });
    await reschedule(session, campaignId, [{ kind: 'rebuild' }]);
    for (const { id: taskId } of plan.tasks) {
      const task = session.get('task', taskId);
      if (task !== undefined) session.emit('task.created', { type: 'task', id: taskId }, { task });
    }
    for (const dependency of plan.links) session.emit('dependency.added', { type: 'dependency', id: dependency.id }, { dependency });
    for (const approval of plan.approvals) session.emit('approval.created', { type: 'approval', id: approval.id }, { approval });
    return {
      taskIds: plan.tasks.map((t) => t.id),
      dependencyIds: plan.links.map((l) => l.id),
      approvalIds: plan.approvals.map((a) => a.id),
      stageIds: stages.map((s) => s.id),
      unassignedRoles: plan.unassignedRoles,
    };
  });
}
