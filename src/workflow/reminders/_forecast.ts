import type { Task } from '../../model/task.js';
import { scheduleProject, type ScheduledTask } from '../../schedule/scheduleProject.js';
import type { ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import type { CalendarContext } from '../calendarOptions.js';
import { normalizeLocal } from '../_time.js';
import { isStarted } from '../status/transitionBlockers.js';
import type { RiskState } from './risks.js';

const DATED = new Set(['SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO']);

function planTask(task: Task): ScheduleTaskInput {
  return {
    id: task.id,
    name: task.name,
    duration: task.duration,
    milestone: task.milestone,
    ...(task.parentId === undefined ? {} : { parent: task.parentId }),
    ...(task.constraint === undefined ? {} : { constraint: task.constraint }),
    ...(task.deadline === undefined ? {} : { deadline: task.deadline }),
    ...(task.calendarId === undefined ? {} : { calendar: task.calendarId }),
  };
}

/**
 * How a task is forecast at `local`: done tasks at their actual dates; started tasks finish their
 * remaining work (duration × (1 − percent complete)) counted from now; unstarted tasks start no
 * earlier than now, unless their own dated constraint is later.
 */
function forecastTask(task: Task, planned: ScheduledTask, context: CalendarContext, local: string): ScheduleTaskInput {
  const base = planTask(task);
  if (task.statusCategory === 'cancelled') return { id: task.id, name: task.name, duration: '0m', ...(task.parentId === undefined ? {} : { parent: task.parentId }) };
  if (task.statusCategory === 'done') {
    const actualStart = normalizeLocal(task.actualStart ?? planned.start);
    const finish = normalizeLocal(task.actualFinish ?? planned.finish);
    return { ...base, actualStart, actualFinish: finish < actualStart ? actualStart : finish };
  }
  if (task.actualStart !== undefined || isStarted(task.statusCategory)) {
    const actualStart = normalizeLocal(task.actualStart ?? planned.start);
    const remaining = Math.round(planned.duration * (1 - task.percentComplete / 100));
    const worked = Math.max(0, context.calendar.workingMinutesBetween(actualStart, local));
    return { ...base, duration: `${worked + remaining}m`, actualStart };
  }
  const own = task.constraint;
  if (own !== undefined && 'date' in own && DATED.has(own.type) && normalizeLocal(own.date) > local) return base;
  return { ...base, constraint: { type: 'SNET', date: local } };
}

/** The plan (no progress) and the forecast (progress at `local`) of the same tasks, by task id. */
export function forecastSchedules(
  state: RiskState,
  context: CalendarContext,
  projectStart: string,
  local: string,
): { plan: Map<string, ScheduledTask>; forecast: Map<string, ScheduledTask> } {
  const common = {
    start: projectStart,
    calendar: context.spec,
    calendars: [...context.calendars],
    links: state.links.map((l) => ({ from: l.from, to: l.to, type: l.type, lag: l.lag })),
  };
  const plan = new Map(scheduleProject({ ...common, tasks: state.tasks.map(planTask) }).tasks.map((t) => [t.id, t]));
  // Summary tasks roll up from their subtasks; their own progress fields are not scheduled.
  const summaries = new Set(state.tasks.map((t) => t.parentId).filter((p) => p !== undefined));
  const tasks = state.tasks.map((t) => (summaries.has(t.id) ? planTask(t) : forecastTask(t, plan.get(t.id) as ScheduledTask, context, local)));
  const forecast = new Map(scheduleProject({ ...common, tasks }).tasks.map((t) => [t.id, t]));
  return { plan, forecast };
}
