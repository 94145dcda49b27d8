import { parseInput } from '../../core/validate.js';
import { contributionOf, foldHistory, type Contribution } from './_foldHistory.js';
import { TaskHistoryInputSchema, type SeriesMeasure, type TaskHistoryInput } from './taskHistory.js';

/** One working day of a burn chart, as the tasks stood at the end of the day. */
export interface BurnDay {
  /** The working day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Total scope: every task not removed or cancelled (the burnup's upper line). */
  readonly scope: number;
  /** Completed: `scope − remaining` (the burnup's lower line). */
  readonly completed: number;
  /** Still to do (the burndown line): tasks not done, their points, or their remaining working minutes. */
  readonly remaining: number;
  /** The ideal burndown: the scope of the first day falling linearly to 0 on the last. */
  readonly ideal: number;
}

/** A change of scope on one working day. */
export interface ScopeChange {
  /** The working day the change shows on. */
  readonly date: string;
  /** Scope at the end of the day minus scope at the end of the working day before. */
  readonly delta: number;
  /** Tasks whose share of the scope changed that day (added, removed, cancelled, reopened from cancelled, resized), sorted. */
  readonly taskIds: readonly string[];
}

/** Burndown and burnup of a campaign over its working days. */
export interface BurnChart {
  /** What the numbers count. */
  readonly measure: SeriesMeasure;
  /** Scope at the end of the first working day: where the ideal line starts. */
  readonly initialScope: number;
  /** One entry per working day from `from` to `to`. */
  readonly days: readonly BurnDay[];
  /** The days after the first on which the scope changed, in order. */
  readonly scopeChanges: readonly ScopeChange[];
}

/**
 * Burndown and burnup series of a campaign from its task history: per working day of the calendar
 * (non-working days are skipped; what happens on them shows on the next working day), the scope,
 * what is completed, what remains, and the ideal line, plus the days the scope changed.
 *
 * - Each point is the state at the end of its day: the fold of every fact dated up to that day.
 * - `tasks` counts tasks, `points` sums story points, `work` sums working minutes: a task's scope
 *   is its duration and what remains is duration × (1 − percent complete), rounded to the minute.
 *   A `done` task has nothing remaining whatever its percent complete; a `cancelled` task is out of
 *   scope, like a removed one, until a fact reopens it. A task moved back from `done` (reopened)
 *   counts as remaining again: the burndown rises and the scope does not move.
 * - The ideal line is the Scrum one: a straight line over the working days from the scope at the
 *   end of the first day down to 0 on the last, `initialScope × (n − 1 − i) / (n − 1)` on day `i` of
 *   `n` (0 on a chart of one day). It is not redrawn when the scope changes afterwards; those
 *   changes are listed in `scopeChanges` and show as the gap between `scope` and the ideal's start.
 * - Facts up to the end of the first working day form the initial scope and are not scope changes.
 *
 * @throws CampaignKitError `VALIDATION` for malformed input, `to` before `from`, or a fact that
 * does not fit the history (a task changed or removed before it is added, or added twice).
 * @example
 * ```ts
 * burnChart({
 *   from: '2026-03-02', to: '2026-03-06', measure: 'tasks',
 *   facts: [
 *     { at: '2026-03-02T09:00', taskId: 'a', kind: 'added' },
 *     { at: '2026-03-02T09:00', taskId: 'b', kind: 'added' },
 *     { at: '2026-03-04T15:00', taskId: 'a', kind: 'changed', statusCategory: 'done' },
 *   ],
 * }).days.map((d) => [d.date, d.remaining, d.ideal]);
 * // [['2026-03-02', 2, 2], ['2026-03-03', 2, 1.5], ['2026-03-04', 1, 1], ['2026-03-05', 1, 0.5], ['2026-03-06', 1, 0]]
 * ```
 */
export function burnChart(input: TaskHistoryInput): BurnChart {
  const history = parseInput(TaskHistoryInputSchema, input, 'task history');
  const { measure } = history;
  const totals: { date: string; scope: number; remaining: number }[] = [];
  const scopeChanges: ScopeChange[] = [];
  let previous: ReadonlyMap<string, Contribution> | undefined;
  foldHistory(history, (date, states) => {
    const shares = new Map<string, Contribution>();
    let scope = 0;
    let remaining = 0;
    for (const [id, state] of states) {
      const share = contributionOf(state, measure);
      shares.set(id, share);
      scope += share.scope;
      remaining += share.remaining;
    }
    if (previous !== undefined) {
      const before = previous;
      const changed = [...new Set([...before.keys(), ...shares.keys()])].filter((id) => (before.get(id)?.scope ?? 0) !== (shares.get(id)?.scope ?? 0)).sort();
      const last = totals[totals.length - 1];
      if (changed.length > 0 && last !== undefined) scopeChanges.push({ date, delta: scope - last.scope, taskIds: changed });
    }
    previous = shares;
    totals.push({ date, scope, remaining });
  });
  const initialScope = totals[0]?.scope ?? 0;
  const steps = totals.length - 1;
  return {
    measure,
    initialScope,
    days: totals.map((t, i) => ({
      date: t.date,
      scope: t.scope,
      completed: t.scope - t.remaining,
      remaining: t.remaining,
      ideal: steps <= 0 ? 0 : (initialScope * (steps - i)) / steps,
    })),
    scopeChanges,
  };
}
