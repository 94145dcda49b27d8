import { buildGanttView } from '../../../src/reports/gantt/buildGanttView.js';
import type { GanttView } from '../../../src/reports/gantt/ganttView.js';
import type { ScheduleProjectInput } from '../../../src/schedule/scheduleInput.js';

/**
 * A small launch on the Standard calendar: a summary with two subtasks, a task with a constraint,
 * a milestone, a missed deadline, a baseline, and one link of each type (the first with a lag). It
 * crosses a weekend and, in New York, the March daylight-saving change (2026-03-08).
 */
export const launchPlan: ScheduleProjectInput = {
  start: '2026-03-02T08:00',
  tasks: [
    { id: 'launch', name: 'Launch' },
    { id: 'brief', name: 'Brief', parent: 'launch', duration: '2d', percentComplete: 50 },
    { id: 'design', name: 'Design', parent: 'launch', duration: '3d', deadline: '2026-03-05T17:00' },
    { id: 'review', name: 'Review', duration: '1d', constraint: { type: 'SNET', date: '2026-03-10T08:00' } },
    { id: 'golive', name: 'Go live', milestone: true, duration: '0d' },
  ],
  links: [
    { from: 'brief', to: 'design', type: 'FS', lag: '1d' },
    { from: 'brief', to: 'review', type: 'SS' },
    { from: 'design', to: 'review', type: 'FF' },
    { from: 'review', to: 'golive', type: 'SF' },
  ],
};

/** The Gantt view of {@link launchPlan}, with a baseline for the brief. */
export function launchView(): GanttView {
  return buildGanttView(launchPlan, { baseline: { tasks: { brief: { start: '2026-03-02T08:00', finish: '2026-03-03T12:00' } } }, today: '2026-03-04T12:00' });
}
