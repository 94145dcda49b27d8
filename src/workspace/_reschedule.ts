import { NIGHT_SHIFT_CALENDAR, STANDARD_CALENDAR, TWENTY_FOUR_HOUR_CALENDAR } from '../calendar/standardCalendars.js';
import { invalidField } from '../core/validate.js';
import type { CalendarInput } from '../model/calendar.js';
import type { Campaign } from '../model/campaign.js';
import type { Dependency } from '../model/dependency.js';
import type { DurationInput } from '../model/primitives.js';
import type { Constraint, Task } from '../model/task.js';
import { prepareSchedule, type PreparedSchedule } from '../schedule/prepareSchedule.js';
import type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from '../schedule/scheduleInput.js';
import type { ScheduledTask } from '../schedule/scheduleProject.js';
import type { RecordData } from './_records.js';
import { scheduleLabel } from './_scheduleCache.js';
import type { CommandSession } from './_session.js';

/** What a command changed that the schedule depends on. */
export type ScheduleTouch =
  | { readonly kind: 'duration'; readonly taskId: string; readonly duration: DurationInput }
  | { readonly kind: 'constraint'; readonly taskId: string; readonly constraint: Constraint | undefined }
  | { readonly kind: 'addLink'; readonly link: ScheduleLinkInput }
  | { readonly kind: 'removeLink'; readonly from: string; readonly to: string }
  /** Anything else: tasks added or removed, parents, calendars, actual dates, the campaign's start. */
  | { readonly kind: 'rebuild' };

type CalendarRecord = RecordData<'calendar'>;

const BUILT_IN_CALENDARS: readonly CalendarInput[] = [STANDARD_CALENDAR, TWENTY_FOUR_HOUR_CALENDAR, NIGHT_SHIFT_CALENDAR];

/** What a reschedule did. */
export interface Rescheduled {
  readonly prepared: PreparedSchedule;
  /** Tasks whose start or finish changed. */
  readonly moved: readonly string[];
}

/**
 * Brings the campaign's stored dates up to date after the command's own change, in the same
 * transaction. When the prepared schedule cached for the campaign was built for exactly the
 * `schedule` document just loaded, only the touches are applied to it, and only the tasks it
 * reports as changed are loaded and compared; otherwise every task, dependency and calendar of the
 * campaign is loaded and the schedule is built anew. Either way, exactly the tasks whose start or
 * finish moved are written, the `schedule` document gets a new stamp (so concurrent commands on
 * the campaign conflict, and other servers' caches stop matching), and the prepared schedule is
 * cached again once the transaction commits.
 *
 * Throws `CYCLE` for a link that would close a loop and `VALIDATION` for a duplicate link or a
 * duration on a summary task; the command then stores nothing.
 */
export async function reschedule(session: CommandSession, campaignId: string, touches: readonly ScheduleTouch[]): Promise<Rescheduled> {
  const { ctx } = session;
  await session.require('campaign', campaignId);
  await session.load('schedule', [campaignId]);
  const doc = session.get('schedule', campaignId);
  const incremental = doc !== undefined && touches.every((t) => t.kind !== 'rebuild');
  let prepared = incremental ? ctx.schedules.take(campaignId, scheduleLabel(session.versionOf('schedule', campaignId), doc.stamp)) : undefined;
  let candidates: readonly string[];
  if (prepared !== undefined) {
    const changed = new Set<string>();
    for (const touch of touches) for (const id of applyTouch(prepared, touch)) changed.add(id);
    candidates = [...changed];
    await session.load('task', candidates);
  } else {
    await session.loadCampaignTypes(['task', 'dependency', 'calendar'], campaignId);
    prepared = prepareSchedule(
      scheduleInputOf(session.get('campaign', campaignId), session.all('calendar', campaignId), session.all('task', campaignId), session.all('dependency', campaignId)),
    );
    // The same checks the incremental path makes, so a command fails alike with or without a cache.
    for (const touch of touches) if (touch.kind === 'duration' || touch.kind === 'constraint') applyTouch(prepared, touch);
    candidates = session.all('task', campaignId).map((t) => t.id);
  }
  const result = prepared.result();
  const byId = new Map<string, ScheduledTask>(result.tasks.map((t) => [t.id, t]));
  const stamp = ctx.ids.next('schedule');
  const moved: { id: string; start: string; finish: string; previousStart?: string; previousFinish?: string }[] = [];
  session.change((draft) => {
    for (const id of candidates) {
      const task = draft.task[id];
      const scheduled = byId.get(id);
      if (task === undefined || scheduled === undefined) continue;
      if (task.start === scheduled.start && task.finish === scheduled.finish) continue;
      moved.push({
        id,
        start: scheduled.start,
        finish: scheduled.finish,
        ...(task.start === undefined ? {} : { previousStart: task.start }),
        ...(task.finish === undefined ? {} : { previousFinish: task.finish }),
      });
      task.start = scheduled.start;
      task.finish = scheduled.finish;
    }
    const schedule = draft.schedule[campaignId];
    if (schedule === undefined) draft.schedule[campaignId] = { campaignId: campaignId as Task['campaignId'], stamp, finish: result.finish };
    else {
      schedule.stamp = stamp;
      schedule.finish = result.finish;
    }
  });
  // A task scheduled for the first time (just created) is announced by its own event, not as moved.
  for (const { id, ...dates } of moved) {
    if (dates.previousStart !== undefined) session.emitDerived('task.rescheduled', { type: 'task', id }, { taskId: id, ...dates });
  }
  const version = session.versionOf('schedule', campaignId) + 1;
  const cached = prepared;
  session.afterCommit(() => ctx.schedules.put(campaignId, scheduleLabel(version, stamp), cached));
  return { prepared, moved: moved.map((m) => m.id) };
}

const INCREMENTAL = new Set(['duration', 'constraint']);
const SCHEDULING = new Set(['duration', 'constraint', 'parentId', 'milestone', 'deadline', 'calendarId', 'actualStart', 'actualFinish', 'percentComplete']);

/**
 * The scheduling touches of a change to a task's `fields`: none when no scheduling field changed,
 * incremental for a duration or constraint alone, else a rebuild.
 */
export function taskTouches(task: Task, fields: readonly string[]): ScheduleTouch[] {
  const scheduling = fields.filter((f) => SCHEDULING.has(f));
  if (scheduling.length === 0) return [];
  if (!scheduling.every((f) => INCREMENTAL.has(f))) return [{ kind: 'rebuild' }];
  return scheduling.map((f): ScheduleTouch =>
    f === 'duration' ? { kind: 'duration', taskId: task.id, duration: task.duration } : { kind: 'constraint', taskId: task.id, constraint: task.constraint },
  );
}

/** Applies one touch to a prepared schedule; returns the ids it reports as changed. */
function applyTouch(prepared: PreparedSchedule, touch: ScheduleTouch): readonly string[] {
  switch (touch.kind) {
    case 'duration':
      return prepared.setDuration(touch.taskId, touch.duration).changed;
    case 'constraint':
      return prepared.setConstraint(touch.taskId, touch.constraint).changed;
    case 'addLink': {
      const { from, to } = touch.link;
      if ((prepared.input().links ?? []).some((l) => l.from === from && l.to === to)) {
        throw invalidField('dependency', ['to'], `task '${from}' already has a dependency to '${to}'; change that one instead`);
      }
      return prepared.addLink(touch.link).changed;
    }
    case 'removeLink':
      return prepared.removeLink(touch.from, touch.to).changed;
    case 'rebuild':
      return [];
  }
}

/**
 * The scheduling input of a campaign: the project starts on its planned start day (at the first
 * working time of its calendar, default Standard), and the built-in calendars are available by id
 * unless the campaign stores its own under the same id.
 */
export function scheduleInputOf(
  campaign: Campaign | undefined,
  calendars: readonly CalendarRecord[],
  tasks: readonly Task[],
  dependencies: readonly Dependency[],
): ScheduleProjectInput {
  return {
    start: `${campaign?.plannedStart ?? '1970-01-01'}T00:00`,
    ...(campaign?.calendarId === undefined ? {} : { calendar: campaign.calendarId }),
    calendars: withBuiltInCalendars(calendars),
    tasks: tasks.map(scheduleTaskOf),
    links: dependencies.map((d) => ({ from: d.from, to: d.to, type: d.type, lag: d.lag })),
  };
}

/** A campaign's stored calendars (without their campaign), then the built-in ones it does not shadow. */
export function withBuiltInCalendars(calendars: readonly CalendarRecord[]): CalendarInput[] {
  const stored: CalendarInput[] = calendars.map(({ campaignId: _campaign, ...calendar }) => calendar);
  return [...stored, ...BUILT_IN_CALENDARS.filter((b) => !stored.some((c) => c.id === b.id))];
}

function scheduleTaskOf(task: Task): ScheduleTaskInput {
  return {
    id: task.id,
    name: task.name,
    duration: task.duration,
    ...(task.parentId === undefined ? {} : { parent: task.parentId }),
    // A task not marked as a milestone still becomes one when its duration is zero.
    ...(task.milestone ? { milestone: true } : {}),
    ...(task.constraint === undefined ? {} : { constraint: task.constraint }),
    ...(task.deadline === undefined ? {} : { deadline: task.deadline }),
    ...(task.calendarId === undefined ? {} : { calendar: task.calendarId }),
    ...(task.actualStart === undefined ? {} : { actualStart: task.actualStart }),
    ...(task.actualFinish === undefined ? {} : { actualFinish: task.actualFinish }),
    percentComplete: task.percentComplete,
  };
}
