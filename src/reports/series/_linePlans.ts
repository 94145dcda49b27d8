import type { CheckedBudget } from '../../budget/budgetState.js';
import { spread, type PhasedAmount } from '../../budget/timePhase.js';
import { STANDARD_CALENDAR } from '../../calendar/standardCalendars.js';
import { createWorkingCalendar } from '../../calendar/workingCalendar.js';
import type { ErrorIssue } from '../../core/errors.js';
import { validationError } from '../../core/validate.js';
import type { BudgetLine } from '../../model/budget.js';
import type { BudgetBurnParsed } from './budgetBurnInput.js';

/** A cost line with its planned amount spread by day. */
export interface LinePlan {
  readonly line: BudgetLine;
  readonly daily: readonly PhasedAmount[];
}

type Path = (string | number)[];

function issue(path: Path, message: string): ErrorIssue {
  return { path, message, code: 'custom' };
}

/**
 * Spreads every cost line over its days with the budget's own time phasing (`spread`, the engine
 * behind `timePhase`): the days named in `lineDays`, else its task's working days, else the
 * campaign's working days from its planned start to its planned finish. Revenue lines are left
 * out: they are not spend.
 */
export function linePlans(input: BudgetBurnParsed, budget: CheckedBudget): LinePlan[] {
  const issues: ErrorIssue[] = [];
  const tasks = new Map<string, { days: readonly string[]; index: number }>();
  input.tasks.forEach((task, index) => {
    if (tasks.has(task.id)) issues.push(issue(['tasks', index, 'id'], `duplicate task '${task.id}'`));
    else tasks.set(task.id, { days: task.workingDays, index });
  });
  for (const id of Object.keys(input.lineDays)) {
    if (!budget.lines.has(id)) issues.push(issue(['lineDays', id], `no budget line '${id}'`));
  }
  const { campaign } = budget.state;
  let campaignDays: string[] | undefined;
  const daysOfCampaign = (): string[] => {
    if (campaignDays === undefined) {
      const calendar = createWorkingCalendar(input.calendar ?? STANDARD_CALENDAR, { calendars: input.calendars });
      campaignDays = campaign.plannedFinish === undefined ? [] : calendar.workingDays(campaign.plannedStart, campaign.plannedFinish);
    }
    return campaignDays;
  };
  const located: { line: BudgetLine; days: readonly string[]; path: Path; profile: Path }[] = [];
  budget.state.lines.forEach((line, i) => {
    if (line.kind !== 'cost') return;
    const profile = ['budget', 'lines', i, 'phasing'];
    const own = Object.hasOwn(input.lineDays, line.id) ? input.lineDays[line.id] : undefined;
    if (own !== undefined) {
      located.push({ line, days: own, path: ['lineDays', line.id], profile });
    } else if (line.taskId !== undefined) {
      const task = tasks.get(line.taskId);
      if (task === undefined) issues.push(issue(['budget', 'lines', i, 'taskId'], `task '${line.taskId}' is not in tasks; add it with its working days, or give the line its days in lineDays`));
      else located.push({ line, days: task.days, path: ['tasks', task.index, 'workingDays'], profile });
    } else if (campaign.plannedFinish === undefined) {
      issues.push(issue(['budget', 'lines', i], `line '${line.id}' has no task and the campaign no planned finish; give the line a taskId, its days in lineDays, or the campaign a plannedFinish`));
    } else {
      located.push({ line, days: daysOfCampaign(), path: ['budget', 'campaign'], profile });
    }
  });
  if (issues.length > 0) throw validationError('budget burn input', issues);
  return located.map(({ line, days, path, profile }) => ({ line, daily: spread(line.planned, days, line.phasing ?? 'even', { days: path, profile }) }));
}
