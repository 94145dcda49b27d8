import { CampaignKitError } from '../core/errors.js';
import { scheduleProject, type ScheduleResult } from '../schedule/scheduleProject.js';
import type { WorkspaceContext } from './_context.js';
import type { RecordData, RecordType } from './_records.js';
import { scheduleInputOf } from './_reschedule.js';
import { scheduleLabel } from './_scheduleCache.js';

async function listAll<T extends RecordType>(ctx: WorkspaceContext, type: T, campaignId: string): Promise<RecordData<T>[]> {
  const items: RecordData<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.list({ type, campaignId, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    for (const record of page.items) items.push(record.data as RecordData<T>);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/**
 * A campaign's whole schedule for a query. The cached prepared schedule answers when it was built
 * for the stored `schedule` document; otherwise the campaign is scheduled from what storage holds
 * now. A query never fills the cache: its reads are not one transaction, so only commands (whose
 * `schedule` write is version-checked) may vouch that a prepared schedule matches storage.
 */
export async function readSchedule(ctx: WorkspaceContext, campaignId: string): Promise<ScheduleResult> {
  const [campaign, doc] = await Promise.all([ctx.storage.get('campaign', campaignId), ctx.storage.get('schedule', campaignId)]);
  if (campaign === null) throw new CampaignKitError('NOT_FOUND', `There is no campaign '${campaignId}'`, { details: { ids: [campaignId] } });
  if (doc !== null) {
    const label = scheduleLabel(doc.version, (doc.data as RecordData<'schedule'>).stamp);
    const prepared = ctx.schedules.take(campaignId, label);
    if (prepared !== undefined) {
      const result = prepared.result();
      ctx.schedules.restore(campaignId, label, prepared);
      return result;
    }
  }
  const [calendars, tasks, dependencies] = await Promise.all([
    listAll(ctx, 'calendar', campaignId),
    listAll(ctx, 'task', campaignId),
    listAll(ctx, 'dependency', campaignId),
  ]);
  return scheduleProject(scheduleInputOf(campaign.data as RecordData<'campaign'>, calendars, tasks, dependencies));
}

/** The last day a campaign's schedule reaches: its finish's day, never before `firstDay` (an empty plan finishes at its start). */
export function lastScheduledDay(schedule: Pick<ScheduleResult, 'finish'>, firstDay: string): string {
  const day = schedule.finish.slice(0, 10);
  return day < firstDay ? firstDay : day;
}
