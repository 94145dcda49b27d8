import * as z from 'zod';
import { formatLocal, parseLocal } from '../../calendar/localTime.js';
import { parseInput } from '../../core/validate.js';
import type { GanttView } from '../gantt/ganttView.js';
import { readGanttView, type GanttRowInput } from '../gantt/readGanttView.js';
import { mermaidIds, mermaidTaskName, mermaidText } from './_mermaidText.js';

/** Options of {@link toMermaidGantt}. */
export const MermaidGanttOptionsSchema = z.object({
  /** The chart title (`title …`); none by default. */
  title: z.string().max(500).optional(),
  /** Put the WBS number before each name, `1.2 Design` (default true). */
  wbs: z.boolean().default(true),
  /** Section of top-level tasks outside any summary, when the view has summaries (default `'Tasks'`). */
  ungroupedSection: z.string().min(1).max(200).default('Tasks'),
  /** Name of the today marker drawn at the view's today, when it has one (default `'Today'`). */
  todayLabel: z.string().min(1).max(200).default('Today'),
});

/** Options of {@link toMermaidGantt}, as given. */
export type MermaidGanttOptions = z.input<typeof MermaidGanttOptionsSchema>;

const INDENT = '    ';

/** `YYYY-MM-DD HH:mm`, the export's `dateFormat`. */
function mermaidDate(dateTime: string): string {
  return formatLocal(parseLocal(dateTime)).replace('T', ' ');
}

function taskTags(row: GanttRowInput): string[] {
  const tags: string[] = [];
  if (row.critical) tags.push('crit');
  if (row.percentComplete >= 100) tags.push('done');
  else if (row.percentComplete > 0) tags.push('active');
  if (row.milestone) tags.push('milestone');
  return tags;
}

/** `name :tags, id, start, finish`. */
function taskLine(name: string, id: string, tags: readonly string[], start: string, finish: string): string {
  return `${INDENT}${name} :${[...tags, id, mermaidDate(start), mermaidDate(finish)].join(', ')}`;
}

/**
 * A Gantt view as Mermaid `gantt` text, for Markdown and wikis that render Mermaid. Every task gets
 * explicit start and finish date-times (`dateFormat YYYY-MM-DD HH:mm`), so Mermaid draws the
 * scheduled dates rather than recomputing them; dependencies are therefore not written (Mermaid has
 * no arrows, and `after` chains would override the scheduled dates).
 *
 * - Top-level summaries become `section`s; top-level tasks outside any summary are grouped, run by
 *   run, in `ungroupedSection`. Nested summaries are drawn as bars over their span.
 * - Tags: `crit` for critical tasks, `done` at 100 %, `active` between, `milestone`.
 * - Ids are the task ids made safe for Mermaid (letters, digits, `_`, `-`; unique).
 * - Names, sections and the title are escaped with Mermaid's entity codes: `#58;` for `:`, `#35;`
 *   for `#`, `#59;` for `;`, also `%`, `<`, `>`, `&` and a leading keyword; Mermaid shows the
 *   characters themselves.
 * - `todayMarker off` turns off Mermaid's clock-based marker; the view's today is a `vert` marker.
 * - No `excludes`: Mermaid stretches a task whose end is a date-time by every excluded day it
 *   spans, which would move the scheduled finishes. Non-working days are not shaded.
 *
 * @param view - what `buildGanttView` returns.
 * @throws `VALIDATION` for a view or options that do not fit their schemas.
 * @example
 * ```ts
 * toMermaidGantt(buildGanttView(plan), { title: 'Launch' });
 * // gantt
 * //     title Launch
 * //     dateFormat YYYY-MM-DD HH:mm
 * //     todayMarker off
 * //     section 1 Launch
 * //     1.1 Brief#58; agency :done, brief, 2026-03-02 08:00, 2026-03-03 17:00
 * //     1.2 Design :crit, active, design, 2026-03-04 08:00, 2026-03-06 17:00
 * ```
 */
export function toMermaidGantt(view: GanttView, options: MermaidGanttOptions = {}): string {
  const checked = readGanttView(view);
  const settings = parseInput(MermaidGanttOptionsSchema, options, 'Mermaid options');
  const rows = checked.rows;
  const ids = mermaidIds([...rows.map((row) => row.id), 'today']);
  const lines = ['gantt'];
  const title = settings.title === undefined ? '' : mermaidText(settings.title);
  if (title !== '') lines.push(`${INDENT}title ${title}`);
  lines.push(`${INDENT}dateFormat YYYY-MM-DD HH:mm`, `${INDENT}todayMarker off`);
  const sectioned = rows.some((row) => row.level === 1 && row.summary);
  let section: 'summary' | 'ungrouped' | 'none' = 'none';
  rows.forEach((row, i) => {
    const label = settings.wbs ? `${row.wbs} ${row.name}` : row.name;
    // A line needs a name: one with nothing printable falls back to the WBS number, then the id.
    const fallback = [row.wbs, row.id].find((text) => mermaidText(text) !== '') ?? String(i + 1);
    if (row.level === 1 && row.summary) {
      lines.push(`${INDENT}section ${mermaidText(label) || mermaidText(fallback)}`);
      section = 'summary';
      return;
    }
    if (row.level === 1 && sectioned && section !== 'ungrouped') {
      lines.push(`${INDENT}section ${mermaidText(settings.ungroupedSection) || 'Tasks'}`);
      section = 'ungrouped';
    }
    const name = mermaidTaskName(label) || mermaidTaskName(fallback);
    lines.push(taskLine(name, ids[i] ?? `task${i + 1}`, taskTags(row), row.start, row.milestone ? row.start : row.finish));
  });
  if (checked.today !== null) {
    const label = mermaidTaskName(settings.todayLabel) || 'Today';
    lines.push(taskLine(label, ids[rows.length] ?? 'today', ['vert'], checked.today, checked.today));
  }
  return `${lines.join('\n')}\n`;
}
