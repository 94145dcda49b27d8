import { resolveDuration } from '../../calendar/duration.js';
import type { WorkingCalendar } from '../../calendar/workingCalendar.js';
import type { Dependency } from '../../model/dependency.js';
import type { ScheduledTask } from '../../schedule/scheduleProject.js';

/** How a predecessor's slip reaches its successor through one link. */
export interface LinkPush {
  /** The predecessor's date the link reads: its finish (FS, FF) or its start (SS, SF). */
  readonly end: 'start' | 'finish';
  /** That date in the plan and in the forecast. */
  readonly planned: string;
  readonly forecast: string;
  /** Working minutes the predecessor's date moved later. */
  readonly slip: number;
  /** Working minutes the slip moves the successor: the slip less the slack the link had in the plan. */
  readonly push: number;
}

/**
 * The push a link passes on. In the plan, the successor's date the link drives (its start for FS
 * and SS, its finish for FF and SF) may sit later than the predecessor's date plus the lag; that
 * gap is slack the slip uses up first. The lag is counted as working time (a percent lag as that
 * share of the predecessor's duration), which is exact for working lags on the project calendar.
 */
export function linkPush(link: Dependency, pred: { plan: ScheduledTask; forecast: ScheduledTask }, succ: ScheduledTask, calendar: WorkingCalendar): LinkPush {
  const end = link.type === 'SS' || link.type === 'SF' ? 'start' : 'finish';
  const planned = end === 'start' ? pred.plan.start : pred.plan.finish;
  const forecast = end === 'start' ? pred.forecast.start : pred.forecast.finish;
  const driven = link.type === 'FS' || link.type === 'SS' ? succ.earlyStart : succ.earlyFinish;
  const lag = resolveDuration(link.lag);
  const lagMinutes = lag.percent === undefined ? lag.minutes : Math.round((pred.plan.duration * lag.percent) / 100);
  const slack = Math.max(0, calendar.workingMinutesBetween(planned, driven) - lagMinutes);
  const slip = calendar.workingMinutesBetween(planned, forecast);
  return { end, planned, forecast, slip, push: slip - slack };
}
