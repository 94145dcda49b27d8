import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { teamMetrics, type TeamMetrics } from '../kpi/teamMetrics.js';
import type { TeamTaskRecordInput } from '../kpi/teamTaskRecord.js';
import { CampaignIdSchema } from '../model/ids.js';
import { IsoDateSchema } from '../model/primitives.js';
import { localDateTime } from '../workflow/_time.js';
import type { WorkspaceContext } from './_context.js';
import { readableCampaignIds, readEveryStored, visible } from './_reader.js';
import { taskTimelines } from './_taskTimeline.js';
import type { TeamMetricsQueryOptions } from './createWorkspace.js';

const TeamSchema = z
  .strictObject({
    /** Campaigns. */
    campaignIds: z.array(CampaignIdSchema).max(1000).optional(),
    /** First day. */
    from: IsoDateSchema.optional(),
    /** Last day. */
    to: IsoDateSchema.optional(),
    /** Grouping. */
    groupBy: z.enum(['overall', 'assignee', 'team', 'campaign']).optional(),
  })
  .refine((o) => (o.from === undefined) === (o.to === undefined), { message: 'give both from and to, or neither', path: ['to'] });

/**
 * `workspace.teamMetrics`: `teamMetrics` on records the workspace produces itself. Each task the
 * actor may see becomes a record with its assignees, stage and team (the department of its first
 * assignee, else of its owner), and with the times its audit trail holds: first assigned, first
 * moved to `in_progress`, last moved to `done`. It is due at its deadline, else at its scheduled
 * finish. Every time is the workspace time zone's wall clock, so on-time and overdue are judged
 * as the team's calendar reads.
 */
export async function teamMetricsOf(ctx: WorkspaceContext, options: TeamMetricsQueryOptions): Promise<TeamMetrics[]> {
  const { campaignIds, from, to, groupBy } = parseInput(TeamSchema, options, 'team metrics options');
  const local = (instant: string | number) => localDateTime(instant, ctx.timeZone);
  const campaigns = await readableCampaignIds(ctx, 'task', campaignIds);
  const members = new Map((await readEveryStored(ctx, 'member', undefined)).map((m) => [m.id as string, m]));
  const records: TeamTaskRecordInput[] = [];
  for (const campaignId of campaigns) {
    const [tasks, timelines] = await Promise.all([readEveryStored(ctx, 'task', campaignId), taskTimelines(ctx, campaignId, (at) => local(at).slice(0, 10))]);
    for (const task of tasks) {
      if (visible(ctx, 'task', task) === null) continue;
      const timeline = timelines.get(task.id);
      const team = members.get(task.assigneeIds[0] ?? task.ownerId ?? '')?.department;
      const due = task.deadline ?? task.finish;
      records.push({
        id: task.id,
        campaignId,
        assigneeIds: task.assigneeIds,
        statusCategory: task.statusCategory,
        ...(team === undefined ? {} : { team }),
        ...(task.stageId === undefined ? {} : { stageId: task.stageId }),
        ...(timeline?.assignedAt === undefined ? {} : { assignedAt: local(timeline.assignedAt) }),
        ...(timeline?.startedAt === undefined ? {} : { startedAt: local(timeline.startedAt) }),
        ...(timeline?.finishedAt === undefined || task.statusCategory !== 'done' ? {} : { finishedAt: local(timeline.finishedAt) }),
        ...(due === undefined ? {} : { due }),
      });
    }
  }
  // The local wall clock read as UTC, as the records' times are.
  const asOf = `${local(ctx.clock.now())}:00.000Z`;
  return teamMetrics({ tasks: records, asOf, ...(groupBy === undefined ? {} : { groupBy }), ...(from === undefined || to === undefined ? {} : { period: { from, to } }) });
}
