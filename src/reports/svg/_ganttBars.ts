import type { GanttRowInput as GanttRow } from '../gantt/readGanttView.js';
import { element, polyline, tooltip } from './_element.js';
import type { GanttLayout, GanttSettings } from './_ganttLayout.js';
import { num } from './_xml.js';

// Constraints that hold the start; the others hold the finish (ALAP pulls the finish late).
const START_CONSTRAINTS = new Set(['SNET', 'SNLT', 'MSO']);

function shown(dateTime: string): string {
  return dateTime.replace('T', ' ');
}

/** The tooltip of a row's bar: what it is, when, how far along. */
function barTooltip(row: GanttRow): string {
  const when = row.milestone ? shown(row.start) : `${shown(row.start)} – ${shown(row.finish)}`;
  return `${row.wbs} ${row.name}\n${when}\n${num(row.percentComplete)}%`;
}

function taskBar(row: GanttRow, x1: number, x2: number, top: number, layout: GanttLayout, settings: GanttSettings): string[] {
  const { colors } = settings;
  const { barTop, barHeight } = layout.row;
  const width = Math.max(1, x2 - x1);
  const parts = [element('rect', { 'data-part': 'bar', x: x1, y: top + barTop, width, height: barHeight, rx: 2, fill: row.critical ? colors.critical : colors.bar })];
  if (row.percentComplete > 0) {
    const done = (width * row.percentComplete) / 100;
    parts.push(element('rect', { 'data-part': 'progress', x: x1, y: top + barTop, width: done, height: barHeight, rx: 2, fill: row.critical ? colors.criticalProgress : colors.progress }));
  }
  return parts;
}

/** A summary bracket: a thin bar with a point down at each end, and its progress on top. */
function summaryBar(row: GanttRow, x1: number, x2: number, top: number, layout: GanttLayout, settings: GanttSettings): string[] {
  const { barTop, barHeight } = layout.row;
  const y = top + barTop + barHeight * 0.15;
  const thick = barHeight * 0.45;
  const tip = Math.min(barHeight * 0.5, Math.max(0, (x2 - x1) / 2));
  const outline: [number, number][] = [
    [x1, y],
    [x2, y],
    [x2, y + thick + tip],
    [x2 - tip, y + thick],
    [x1 + tip, y + thick],
    [x1, y + thick + tip],
  ];
  const parts = [element('path', { 'data-part': 'summary', d: polyline(outline, true), fill: settings.colors.summary })];
  if (row.percentComplete > 0) {
    const done = ((x2 - x1) * row.percentComplete) / 100;
    parts.push(element('rect', { 'data-part': 'progress', x: x1, y: y + thick * 0.3, width: done, height: thick * 0.4, fill: settings.colors.progress }));
  }
  return parts;
}

function milestoneDiamond(row: GanttRow, x: number, top: number, layout: GanttLayout, settings: GanttSettings): string {
  const { middle, diamond } = layout.row;
  const y = top + middle;
  const points: [number, number][] = [
    [x, y - diamond],
    [x + diamond, y],
    [x, y + diamond],
    [x - diamond, y],
  ];
  return element('path', { 'data-part': 'milestone', d: polyline(points, true), fill: row.critical ? settings.colors.critical : settings.colors.milestone });
}

/** The baseline beneath the bar: a thin bar, or a small diamond for a milestone. */
function baselineBar(row: GanttRow, top: number, layout: GanttLayout, settings: GanttSettings): string[] {
  if (row.baseline === null) return [];
  const { baselineTop, baselineHeight } = layout.row;
  const fill = settings.colors.baseline;
  const x1 = layout.x(row.baseline.start);
  const start = shown(row.baseline.start);
  if (row.milestone) {
    const y = top + baselineTop + baselineHeight / 2;
    const r = baselineHeight;
    const points: [number, number][] = [
      [x1, y - r],
      [x1 + r, y],
      [x1, y + r],
      [x1 - r, y],
    ];
    return [element('path', { 'data-part': 'baseline', d: polyline(points, true), fill }, [tooltip(start)])];
  }
  const width = Math.max(2, layout.x(row.baseline.finish) - x1);
  return [
    element('rect', { 'data-part': 'baseline', x: x1, y: top + baselineTop, width, height: baselineHeight, fill }, [tooltip(`${start} – ${shown(row.baseline.finish)}`)]),
  ];
}

/** The deadline: a stem through the row with a flag on top; a missed one also marks the overrun above the bar. */
function deadlineMarker(row: GanttRow, top: number, layout: GanttLayout, settings: GanttSettings): string[] {
  if (row.deadline === null) return [];
  const h = settings.rowHeight;
  const x = layout.x(row.deadline.date);
  const color = row.deadline.missed ? settings.colors.missedDeadline : settings.colors.deadline;
  const flag = h * 0.14;
  const d = `M${num(x)},${num(top + 1)} V${num(top + h - 1)} M${num(x - flag)},${num(top + 1)} H${num(x + flag)} L${num(x)},${num(top + 1 + flag * 1.4)} Z`;
  const parts = [element('path', { 'data-part': 'deadline', d, fill: color, stroke: color, 'stroke-width': 1.5 }, [tooltip(shown(row.deadline.date))])];
  if (row.deadline.missed) {
    const finish = layout.x(row.finish);
    const y = top + layout.row.barTop - Math.max(2, h * 0.08);
    parts.push(element('rect', { 'data-part': 'overrun', x, y, width: Math.max(1, finish - x), height: Math.max(1.5, h * 0.06), fill: color }));
  }
  return parts;
}

/** A constraint: a bracket at its date, opening towards the bar for a start constraint, away for a finish one. */
function constraintMarker(row: GanttRow, top: number, layout: GanttLayout, settings: GanttSettings): string[] {
  if (row.constraint === null) return [];
  const atStart = START_CONSTRAINTS.has(row.constraint.type);
  const date = row.constraint.date ?? (atStart ? row.start : row.finish);
  const x = layout.x(date);
  const arm = settings.rowHeight * 0.12 * (atStart ? 1 : -1);
  const y1 = top + settings.rowHeight * 0.08;
  const y2 = top + settings.rowHeight * 0.92;
  const d = `M${num(x + arm)},${num(y1)} H${num(x)} V${num(y2)} H${num(x + arm)}`;
  const label = row.constraint.date === null ? row.constraint.type : `${row.constraint.type} ${shown(row.constraint.date)}`;
  return [element('path', { 'data-part': 'constraint', 'data-constraint': row.constraint.type, d, fill: 'none', stroke: settings.colors.constraint, 'stroke-width': 1.5 }, [tooltip(label)])];
}

/**
 * Everything drawn for one row, in one `<g data-task-id>` whose `<title>` is the tooltip: the
 * baseline beneath, the bar (task, summary bracket or milestone diamond) with its progress, and the
 * deadline and constraint markers. Each shape names its part in `data-part`.
 */
export function rowBar(row: GanttRow, index: number, layout: GanttLayout, settings: GanttSettings): string {
  const top = layout.rowTop(index);
  const x1 = layout.x(row.start);
  const x2 = layout.x(row.finish);
  const shape = row.milestone
    ? [milestoneDiamond(row, x1, top, layout, settings)]
    : row.summary
      ? summaryBar(row, x1, x2, top, layout, settings)
      : taskBar(row, x1, x2, top, layout, settings);
  const kind = row.milestone ? 'milestone' : row.summary ? 'summary' : 'task';
  return element('g', { 'data-task-id': row.id, 'data-kind': kind, 'data-critical': row.critical ? 'true' : undefined }, [
    tooltip(barTooltip(row)),
    ...baselineBar(row, top, layout, settings),
    ...shape,
    ...deadlineMarker(row, top, layout, settings),
    ...constraintMarker(row, top, layout, settings),
  ]);
}
