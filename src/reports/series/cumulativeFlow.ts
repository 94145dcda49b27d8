import { parseInput } from '../../core/validate.js';
import { contributionOf, foldHistory } from './_foldHistory.js';
import { TaskHistoryInputSchema, type SeriesMeasure, type TaskHistoryInput } from './taskHistory.js';

/**
 * The bands of a cumulative flow diagram, bottom to top: every status category but `cancelled`,
 * which is out of scope. Drawn in this order, finished work forms the bottom band.
 */
export const FLOW_BANDS = ['done', 'in_review', 'in_progress', 'todo', 'backlog'] as const;
/** One of {@link FLOW_BANDS}. */
export type FlowBand = (typeof FLOW_BANDS)[number];

/** One working day of a cumulative flow diagram. */
export interface FlowDay {
  /** The working day, `YYYY-MM-DD`. */
  readonly date: string;
  /** The measure in each status category at the end of the day. */
  readonly bands: Readonly<Record<FlowBand, number>>;
  /** The sum of the bands: the scope that day. */
  readonly total: number;
}

/** A cumulative flow diagram of a campaign over its working days. */
export interface CumulativeFlow {
  /** What the numbers count. */
  readonly measure: SeriesMeasure;
  /** The bands, bottom to top ({@link FLOW_BANDS}). */
  readonly bands: readonly FlowBand[];
  /** One entry per working day from `from` to `to`. */
  readonly days: readonly FlowDay[];
}

/**
 * Cumulative flow of a campaign from its task history: per working day of the calendar (what
 * happens on a non-working day shows on the next working day), how much is in each status
 * category at the end of the day, as stacked bands that sum to the day's scope.
 *
 * A task counts in the band of its status category with its whole scope on the measure: 1 for
 * `tasks`, its story points for `points`, its duration in working minutes for `work` (percent
 * complete does not split a task across bands). Cancelled and removed tasks are in no band, so
 * `total` equals the burn chart's `scope` on the same day.
 *
 * @throws CampaignKitError `VALIDATION` as {@link burnChart} does.
 * @example
 * ```ts
 * cumulativeFlow({
 *   from: '2026-03-02', to: '2026-03-03',
 *   facts: [
 *     { at: '2026-03-02T09:00', taskId: 'a', kind: 'added' },
 *     { at: '2026-03-02T09:00', taskId: 'b', kind: 'added', statusCategory: 'backlog' },
 *     { at: '2026-03-03T11:00', taskId: 'a', kind: 'changed', statusCategory: 'in_progress' },
 *   ],
 * }).days[1];
 * // { date: '2026-03-03', bands: { done: 0, in_review: 0, in_progress: 1, todo: 0, backlog: 1 }, total: 2 }
 * ```
 */
export function cumulativeFlow(input: TaskHistoryInput): CumulativeFlow {
  const history = parseInput(TaskHistoryInputSchema, input, 'task history');
  const { measure } = history;
  const days: FlowDay[] = [];
  foldHistory(history, (date, states) => {
    const bands: Record<FlowBand, number> = { done: 0, in_review: 0, in_progress: 0, todo: 0, backlog: 0 };
    let total = 0;
    for (const state of states.values()) {
      if (state.statusCategory === 'cancelled') continue;
      const { scope } = contributionOf(state, measure);
      bands[state.statusCategory] += scope;
      total += scope;
    }
    days.push({ date, bands, total });
  });
  return { measure, bands: [...FLOW_BANDS], days };
}
