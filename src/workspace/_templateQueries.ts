import { parseInput } from '../core/validate.js';
import { CampaignIdSchema } from '../model/ids.js';
import type { ProcessTemplate, StoredStage } from '../model/template.js';
import { TemplateFromCampaignOptionsSchema, templateFromCampaign } from '../workflow/templates/templateFromCampaign.js';
import type { WorkspaceContext } from './_context.js';
import { assertAllowed, assertCanList, readEveryStored, readOne } from './_reader.js';
import { campaignScope } from './_resources.js';
import { calendarOf } from './_workflowQueries.js';
import type { SaveAsTemplateOptions } from './campaignService.js';

/** `campaigns.stages`: the campaign's stage plans, in the order they were instantiated. */
export async function stagesOf(ctx: WorkspaceContext, id: string): Promise<StoredStage[]> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  assertCanList(ctx, 'task', campaignId);
  await readOne(ctx, 'campaign', campaignId);
  const stages = await readEveryStored(ctx, 'stage', campaignId);
  const first = (s: StoredStage) => s.plannedStart ?? '';
  return stages.sort((a, b) => first(a).localeCompare(first(b)) || a.id.localeCompare(b.id));
}

const OptionsSchema = TemplateFromCampaignOptionsSchema.omit({ members: true }).strict();

/**
 * `campaigns.saveAsTemplate`: `templateFromCampaign` on the stored campaign: its tasks, links,
 * approvals, stage plans and lessons learned (oldest first), the member directory for roles, and
 * the campaign's calendar for durations. Nothing is stored; the host keeps the template where it keeps its templates.
 */
export async function saveAsTemplateOf(ctx: WorkspaceContext, id: string, options: SaveAsTemplateOptions): Promise<ProcessTemplate> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const parsed = parseInput(OptionsSchema, options, 'template options');
  const scope = campaignScope('task', campaignId);
  assertAllowed(ctx, 'task.read', scope);
  assertAllowed(ctx, 'template.read', scope);
  await readOne(ctx, 'campaign', campaignId);
  const [tasks, links, approvals, stages, lessons, members, calendar] = await Promise.all([
    readEveryStored(ctx, 'task', campaignId),
    readEveryStored(ctx, 'dependency', campaignId),
    readEveryStored(ctx, 'approval', campaignId),
    stagesOf(ctx, campaignId),
    readEveryStored(ctx, 'lesson', campaignId),
    readEveryStored(ctx, 'member', undefined),
    calendarOf(ctx, campaignId),
  ]);
  // Stages come in the order of their first tasks, so the tasks go in schedule order.
  const ordered = tasks.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.id.localeCompare(b.id));
  // Lessons go in the order they were recorded.
  const recorded = lessons.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  return templateFromCampaign({ tasks: ordered, links, approvals, stages, lessons: recorded }, { ...parsed, members, calendars: calendar.calendars, ...(calendar.calendar === undefined ? {} : { calendar: calendar.calendar }) });
}
