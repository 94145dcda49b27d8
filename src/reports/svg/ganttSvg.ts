import { invalidField, parseInput } from '../../core/validate.js';
import { parseLocal } from '../../calendar/localTime.js';
import type { GanttView } from '../gantt/ganttView.js';
import { element, textNode } from './_element.js';
import { rowBar } from './_ganttBars.js';
import { nonWorkingShading, rowLines, timeScale, todayLine } from './_ganttGrid.js';
import { ganttLayout, type GanttLayout, type GanttSettings } from './_ganttLayout.js';
import { linkArrows } from './_ganttLinks.js';
import { GanttSvgOptionsSchema, type GanttSvgOptions } from './ganttSvgOptions.js';
import { readGanttView, type GanttRowInput } from '../gantt/readGanttView.js';
import { num } from './_xml.js';

/** The label column: WBS and name per row, indented by outline level, summaries in bold. */
function labelColumn(rows: readonly GanttRowInput[], layout: GanttLayout, settings: GanttSettings): string {
  const { labelWidth, fontSize, indent, colors } = settings;
  const texts = rows.map((row, i) =>
    element(
      'text',
      {
        x: 6 + (row.level - 1) * indent,
        y: layout.rowTop(i) + settings.rowHeight / 2 + fontSize * 0.35,
        fill: colors.text,
        'font-weight': row.summary ? 'bold' : undefined,
      },
      textNode(`${row.wbs} ${row.name}`),
    ),
  );
  const header = settings.labelHeader === '' ? [] : [element('text', { x: 6, y: settings.headerHeight / 2 + fontSize * 0.35, fill: colors.text, 'font-weight': 'bold' }, textNode(settings.labelHeader))];
  // A nested <svg> clips what overflows it, so a long name stops at the column's edge.
  return element('svg', { x: 0, y: 0, width: labelWidth, height: layout.height }, [
    element('rect', { x: 0, y: 0, width: labelWidth, height: settings.headerHeight, fill: colors.header }),
    ...header,
    ...rowLines(rows.length, labelWidth, layout, settings),
    ...texts,
    element('line', { x1: labelWidth - 0.5, y1: 0, x2: labelWidth - 0.5, y2: layout.height, stroke: colors.grid, 'stroke-width': 1 }),
  ]);
}

/**
 * A Gantt chart as an SVG string, with no DOM and no canvas: a label column (WBS and name, indented
 * by level), the time-scale header from the view's columns, shaded non-working days, bars placed by
 * start and finish on calendar time (so nights and weekends show as gaps), summary brackets,
 * milestone diamonds, progress, critical bars in their own colour, baseline bars beneath, deadline
 * markers (with the overrun of a missed one), constraint brackets, dependency arrows by link type
 * and the today line.
 *
 * The same view and options always give the same string. The root has `role="img"`, an
 * `aria-label` and a `<title>`; each row's shapes sit in one `<g data-task-id="…">` with a
 * `<title>` tooltip, and each shape names its part in `data-part` (`bar`, `progress`, `summary`,
 * `milestone`, `baseline`, `deadline`, `overrun`, `constraint`).
 *
 * @param view - what `buildGanttView` returns.
 * @throws `VALIDATION` for a view or options that do not fit their schemas.
 * @example
 * ```ts
 * const svg = ganttSvg(buildGanttView(plan, { scale: 'day' }), { width: 800, title: 'Launch plan' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="…" viewBox="0 0 800 …" role="img" aria-label="Launch plan" …>'
 * ```
 */
export function ganttSvg(view: GanttView, options: GanttSvgOptions = {}): string {
  const checked = readGanttView(view);
  const settings = parseInput(GanttSvgOptionsSchema, options, 'Gantt picture options');
  if (parseLocal(checked.to) < parseLocal(checked.from)) {
    throw invalidField('Gantt view', ['to'], `the last day shown (${checked.to}) is before the first (${checked.from})`);
  }
  const { rows } = checked;
  const layout = ganttLayout(checked.from, checked.to, rows.length, settings);
  const { width, labelWidth, colors } = settings;
  const bars = element('svg', { x: labelWidth, y: 0, width: layout.chartWidth, height: layout.height }, [
    ...nonWorkingShading(checked, layout, settings),
    ...timeScale(checked, layout, settings),
    ...rowLines(rows.length, layout.chartWidth, layout, settings),
    ...rows.map((row, i) => rowBar(row, i, layout, settings)),
    ...(settings.links ? linkArrows(checked.links, rows, layout, settings) : []),
    ...todayLine(checked, layout, settings),
  ]);
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height: layout.height,
      viewBox: `0 0 ${num(width)} ${num(layout.height)}`,
      role: 'img',
      'aria-label': settings.title,
      'font-family': settings.fontFamily,
      'font-size': settings.fontSize,
    },
    [
      element('title', {}, textNode(settings.title)),
      element('rect', { x: 0, y: 0, width, height: layout.height, fill: colors.background }),
      ...(labelWidth > 0 ? [labelColumn(rows, layout, settings)] : []),
      bars,
    ],
  );
}
