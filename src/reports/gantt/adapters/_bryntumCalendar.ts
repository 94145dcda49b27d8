import { formatDay, parseDay, weekdayOf } from '../../../calendar/localTime.js';
import type { GanttViewInput } from '../readGanttView.js';
import type { BryntumCalendar, BryntumCalendarInterval } from './toBryntumProject.js';

/**
 * The calendar Bryntum's engine measures durations and lags on, rebuilt from what a Gantt view
 * knows: the working periods of a day (an option, since the view does not carry them) on Monday to
 * Friday, the view's shaded non-working days as exceptions, and any weekend day inside the view
 * that the view does not shade as a working day.
 */

/** Microsoft Project's Standard working day. */
export const STANDARD_WORKING_HOURS: readonly { readonly from: string; readonly to: string }[] = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

const PROJECT_CALENDAR = 'campaignkit-project';
const ELAPSED_CALENDAR = 'campaignkit-elapsed';

/** The project calendar, and the around-the-clock one elapsed lags need when there are any. */
export function bryntumCalendars(
  view: GanttViewInput,
  workingHours: readonly { readonly from: string; readonly to: string }[],
  elapsedLags: boolean,
): { project: string; elapsed: string | undefined; all: BryntumCalendar[] } {
  const week = workingHours.map((p): BryntumCalendarInterval => ({ recurrentStartDate: `on Mon-Fri at ${p.from}`, recurrentEndDate: `on Mon-Fri at ${p.to}`, isWorking: true }));
  const offDays = new Set<number>();
  const exceptions: BryntumCalendarInterval[] = [];
  for (const run of view.scale.nonWorking) {
    const first = parseDay(run.start);
    const last = parseDay(run.end);
    for (let day = first; day <= last; day++) offDays.add(day);
    exceptions.push({ startDate: run.start, endDate: formatDay(last + 1), isWorking: false });
  }
  for (let day = parseDay(view.from), last = parseDay(view.to); day <= last; day++) {
    // weekdayOf counts from Monday (0), so 5 and 6 are Saturday and Sunday.
    const weekday = weekdayOf(day);
    if (weekday >= 5 && !offDays.has(day)) {
      const date = formatDay(day);
      for (const p of workingHours) exceptions.push({ startDate: `${date}T${p.from}`, endDate: `${date}T${p.to}`, isWorking: true });
    }
  }
  const project: BryntumCalendar = { id: PROJECT_CALENDAR, name: 'Project calendar', unspecifiedTimeIsWorking: false, intervals: [...week, ...exceptions] };
  const elapsed: BryntumCalendar = { id: ELAPSED_CALENDAR, name: 'Around the clock', unspecifiedTimeIsWorking: true, intervals: [] };
  return { project: PROJECT_CALENDAR, elapsed: elapsedLags ? ELAPSED_CALENDAR : undefined, all: elapsedLags ? [project, elapsed] : [project] };
}
