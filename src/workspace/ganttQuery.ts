import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { BaselineNameSchema } from '../model/baseline.js';
import { CampaignIdSchema } from '../model/ids.js';
import { IsoDateSchema, LocalDateTimeSchema } from '../model/primitives.js';
import { buildGanttView } from '../reports/gantt/buildGanttView.js';
import type { GanttView } from '../reports/gantt/ganttView.js';
import { localDateTime } from '../workflow/_time.js';
import type { WorkspaceContext } from './_context.js';
import { assertCanList, readEvery, readEveryStored, readOne, visible } from './_reader.js';
import { readSchedule } from './_readSchedule.js';
import { scheduleInputOf } from './_reschedule.js';
import { scheduleProject, type ScheduledTask } from '../schedule/scheduleProject.js';

/** Options of `workspace.reports.gantt`. */
export const GanttQuerySchema = z.strictObject({
  /** The today line, local `YYYY-MM-DDTHH:mm`; default now on the workspace's clock and time zone. */
  today: LocalDateTimeSchema.optional(),
  /** Column size of the time scale (default `'week'`). */
  scale: z.enum(['day', 'week', 'month']).optional(),
  /** First day to show (default the campaign's start). */
  from: IsoDateSchema.optional(),
  /** Last day to show (default the campaign's finish). */
  to: IsoDateSchema.optional(),
  /** The stored baseline to draw bars of (default `Baseline` when the campaign has one; none otherwise). */
  baseline: BaselineNameSchema.optional(),
});
/** Options of `workspace.reports.gantt`. */
export type GanttQueryOptions = z.input<typeof GanttQuerySchema>;

/**
 * `reports.gantt`: the campaign's Gantt view from its stored plan and current schedule, with the
 * bars of a stored baseline. Stored tasks have no order of their own, so siblings are listed by
 * scheduled start, then id. Tasks the actor may not see are left out, with the links that touch
 * them; the others keep the outline numbers of the whole plan, so numbers never shift between actors.
 */
export async function ganttOf(ctx: WorkspaceContext, id: string, options: GanttQueryOptions): Promise<GanttView> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const opts = parseInput(GanttQuerySchema, options, 'Gantt options');
  assertCanList(ctx, 'task', campaignId);
  const campaign = await readOne(ctx, 'campaign', campaignId);
  const [calendars, tasks, links, baselines, schedule] = await Promise.all([
    readEvery(ctx, 'calendar', campaignId),
    readEveryStored(ctx, 'task', campaignId),
    readEveryStored(ctx, 'dependency', campaignId),
    readEvery(ctx, 'baseline', campaignId),
    readSchedule(ctx, campaignId),
  ]);
  const name = opts.baseline ?? 'Baseline';
  const baseline = baselines.find((b) => b.name === name);
  if (opts.baseline !== undefined && baseline === undefined) {
    throw new CampaignKitError('NOT_FOUND', `Campaign '${campaignId}' has no baseline named '${name}'`, { details: { ids: [name], type: 'baseline' } });
  }
  const stored = scheduleInputOf(campaign, calendars, tasks, links);
  // The stored schedule and the plan are read apart; when a command lands between, schedule again.
  const fresh = schedule.tasks.length === stored.tasks.length && schedule.tasks.every((t, i) => t.id === stored.tasks[i]?.id);
  const dated = fresh ? schedule : scheduleProject(stored);
  // Tasks have no stored order: siblings are listed by scheduled start, then id, as a plan reads.
  const order = dated.tasks.map((_, i) => i).sort((a, b) => compareRows(dated.tasks[a], dated.tasks[b]));
  const input = { ...stored, tasks: order.flatMap((i) => stored.tasks[i] ?? []) };
  const view = buildGanttView(input, {
    schedule: { ...dated, tasks: order.flatMap((i) => dated.tasks[i] ?? []) },
    ...(baseline === undefined ? {} : { baseline }),
    today: opts.today ?? localDateTime(ctx.clock.now(), ctx.timeZone),
    ...(opts.scale === undefined ? {} : { scale: opts.scale }),
    ...(opts.from === undefined ? {} : { from: opts.from }),
    ...(opts.to === undefined ? {} : { to: opts.to }),
  });
  const seen = new Set(tasks.filter((t) => visible(ctx, 'task', t) !== null).map((t) => t.id as string));
  if (seen.size === tasks.length) return view;
  return {
    ...view,
    rows: view.rows.filter((r) => seen.has(r.id)),
    links: view.links.filter((l) => seen.has(l.from) && seen.has(l.to)),
    criticalPath: view.criticalPath.filter((t) => seen.has(t)),
  };
}

function compareRows(a: ScheduledTask | undefined, b: ScheduledTask | undefined): number {
  const x = `${a?.start ?? ''}\u0000${a?.id ?? ''}`;
  const y = `${b?.start ?? ''}\u0000${b?.id ?? ''}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
