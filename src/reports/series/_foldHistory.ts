import { createWorkingCalendar } from '../../calendar/workingCalendar.js';
import { STANDARD_CALENDAR } from '../../calendar/standardCalendars.js';
import { invalidField } from '../../core/validate.js';
import { localDateTimeMinutes } from '../../model/primitives.js';
import type { StatusCategory } from '../../model/task.js';
import type { SeriesMeasure, TaskFact, TaskHistory } from './taskHistory.js';

/** A task as its facts so far leave it. */
export interface TaskState {
  readonly statusCategory: StatusCategory;
  readonly duration: number;
  readonly percentComplete: number;
  readonly points: number;
}

/** What one task adds to a chart on the measure: its scope and what of it is still to do. */
export interface Contribution {
  readonly scope: number;
  readonly remaining: number;
}

/** A task's contribution; a cancelled task is out of scope, a done one has nothing left. */
export function contributionOf(state: TaskState, measure: SeriesMeasure): Contribution {
  if (state.statusCategory === 'cancelled') return { scope: 0, remaining: 0 };
  const done = state.statusCategory === 'done';
  if (measure === 'tasks') return { scope: 1, remaining: done ? 0 : 1 };
  if (measure === 'points') return { scope: state.points, remaining: done ? 0 : state.points };
  // Whole minutes per task, so the day's sums are integers and completed + remaining = scope exactly.
  return { scope: state.duration, remaining: done ? 0 : Math.round((state.duration * (100 - state.percentComplete)) / 100) };
}

const WHAT = 'task history';

function apply(states: Map<string, TaskState>, fact: TaskFact, index: number): void {
  const current = states.get(fact.taskId);
  if (fact.kind === 'added') {
    if (current !== undefined) throw invalidField(WHAT, ['facts', index, 'kind'], `task '${fact.taskId}' is added again while it is still there; remove it first or record a 'changed' fact`);
    states.set(fact.taskId, {
      statusCategory: fact.statusCategory ?? 'todo',
      duration: fact.duration ?? 0,
      percentComplete: fact.percentComplete ?? 0,
      points: fact.points ?? 0,
    });
    return;
  }
  if (current === undefined) throw invalidField(WHAT, ['facts', index, 'kind'], `task '${fact.taskId}' is ${fact.kind} before it is added; start its history with an 'added' fact`);
  if (fact.kind === 'removed') {
    states.delete(fact.taskId);
    return;
  }
  states.set(fact.taskId, {
    statusCategory: fact.statusCategory ?? current.statusCategory,
    duration: fact.duration ?? current.duration,
    percentComplete: fact.percentComplete ?? current.percentComplete,
    points: fact.points ?? current.points,
  });
}

/**
 * The working days of the chart and, for each, the tasks as they stood at the end of that day.
 * A fact on a non-working day is folded in by the end of the next working day, because that is
 * the first point the chart draws after it. `visit` sees a live map: read it, do not keep it.
 */
export function foldHistory(history: TaskHistory, visit: (date: string, states: ReadonlyMap<string, TaskState>) => void): string[] {
  const calendar = createWorkingCalendar(history.calendar ?? STANDARD_CALENDAR, { calendars: history.calendars });
  const days = calendar.workingDays(history.from, history.to);
  // A stable sort: facts recorded in the same minute keep the order the trail gave them.
  const facts = history.facts.map((fact, index) => ({ fact, index, t: localDateTimeMinutes(fact.at) })).sort((a, b) => a.t - b.t);
  const states = new Map<string, TaskState>();
  let next = 0;
  for (const date of days) {
    for (; next < facts.length; next++) {
      const item = facts[next];
      if (item === undefined || item.fact.at.slice(0, 10) > date) break;
      apply(states, item.fact, item.index);
    }
    visit(date, states);
  }
  // Facts after the last day drawn still have to make sense, so a bad trail is reported the same way whatever the range.
  for (; next < facts.length; next++) {
    const item = facts[next];
    if (item !== undefined) apply(states, item.fact, item.index);
  }
  return days;
}
