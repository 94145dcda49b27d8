import { addDays } from '../../calendar/periods.js';
import type { GanttViewInput as GanttView } from '../gantt/readGanttView.js';
import { element, textNode, tooltip } from './_element.js';
import type { GanttLayout, GanttSettings } from './_ganttLayout.js';
import { estimateTextWidth } from './_textWidth.js';

/** Labels of a column, longest first: the first that fits its width is shown. */
function tickLabels(key: string, unit: GanttView['scale']['unit']): string[] {
  // Days: `03-02`, then `2`; weeks and months: `2026-W10` / `2026-03`, then without the year.
  return unit === 'day' ? [key.slice(5), String(Number(key.slice(8)))] : [key, key.slice(5)];
}

/** The shaded non-working days, behind everything else in the bar area. */
export function nonWorkingShading(view: GanttView, layout: GanttLayout, settings: GanttSettings): string[] {
  return view.scale.nonWorking.map((run) => {
    const x = layout.x(run.start);
    return element('rect', {
      'data-non-working': `${run.start}/${run.end}`,
      x,
      y: settings.headerHeight,
      width: layout.x(addDays(run.end, 1)) - x,
      height: layout.height - settings.headerHeight,
      fill: settings.colors.nonWorking,
    });
  });
}

/** The header band with a label per column, and the column lines through the rows. */
export function timeScale(view: GanttView, layout: GanttLayout, settings: GanttSettings): string[] {
  const { headerHeight, fontSize, colors } = settings;
  const parts = [element('rect', { x: 0, y: 0, width: layout.chartWidth, height: headerHeight, fill: colors.header })];
  for (const tick of view.scale.ticks) {
    const x = layout.x(tick.start);
    const width = layout.x(addDays(tick.end, 1)) - x;
    parts.push(element('line', { x1: x, y1: 0, x2: x, y2: layout.height, stroke: colors.grid, 'stroke-width': 1 }));
    const label = tickLabels(tick.key, view.scale.unit).find((text) => estimateTextWidth(text, fontSize) + 6 <= width);
    if (label !== undefined) {
      parts.push(element('text', { 'data-tick': tick.key, x: x + 3, y: headerHeight / 2 + fontSize * 0.35, fill: colors.text }, textNode(label)));
    }
  }
  parts.push(element('line', { x1: 0, y1: headerHeight, x2: layout.chartWidth, y2: headerHeight, stroke: colors.grid, 'stroke-width': 1 }));
  return parts;
}

/** A line under each row, across the labels and the bars. */
export function rowLines(rows: number, width: number, layout: GanttLayout, settings: GanttSettings): string[] {
  return Array.from({ length: rows }, (_, i) => {
    const y = layout.rowTop(i + 1);
    return element('line', { x1: 0, y1: y, x2: width, y2: y, stroke: settings.colors.grid, 'stroke-width': 0.5 });
  });
}

/** The today line across the rows, when the view has one. */
export function todayLine(view: GanttView, layout: GanttLayout, settings: GanttSettings): string[] {
  if (view.today === null) return [];
  const x = layout.x(view.today);
  if (x < 0 || x > layout.chartWidth) return [];
  return [
    element('line', { 'data-today': view.today, x1: x, y1: settings.headerHeight, x2: x, y2: layout.height, stroke: settings.colors.today, 'stroke-width': 2 }, [
      tooltip(view.today.replace('T', ' ')),
    ]),
  ];
}
