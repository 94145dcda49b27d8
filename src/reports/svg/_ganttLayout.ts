import { MINUTES_PER_DAY, parseLocal } from '../../calendar/localTime.js';
import type * as z from 'zod';
import { plainDateTimeMinutes } from '../gantt/readGanttView.js';
import type { GanttSvgOptionsSchema } from './ganttSvgOptions.js';

/** Parsed options of the Gantt picture. */
export type GanttSettings = z.output<typeof GanttSvgOptionsSchema>;

/**
 * Where things go in the bar area of a Gantt picture. x runs on calendar minutes since the first
 * shown day, so nights, weekends and holidays take their real width and show as gaps in the bars;
 * coordinates are local to the bar area (its nested `<svg>` starts at the label column's edge).
 */
export interface GanttLayout {
  /** Width of the bar area. */
  readonly chartWidth: number;
  /** Height of the whole picture. */
  readonly height: number;
  /** x of a local date-time (or a day's midnight). */
  x(dateTime: string): number;
  /** Top of row `index`. */
  rowTop(index: number): number;
  /** Geometry inside a row, relative to its top. */
  readonly row: RowGeometry;
}

/** Fractions of the row height where each part of a bar sits. */
export interface RowGeometry {
  /** Top of a task bar. */
  readonly barTop: number;
  /** Height of a task bar. */
  readonly barHeight: number;
  /** Middle of the bar, where arrows attach. */
  readonly middle: number;
  /** Top of the baseline bar, below the task bar. */
  readonly baselineTop: number;
  /** Height of the baseline bar. */
  readonly baselineHeight: number;
  /** Half the width of a milestone diamond. */
  readonly diamond: number;
}

/** The layout for a view shown `from`–`to` (whole days) with `rows` rows. */
export function ganttLayout(from: string, to: string, rows: number, settings: GanttSettings): GanttLayout {
  const start = parseLocal(from);
  const span = parseLocal(to) + MINUTES_PER_DAY - start;
  const chartWidth = settings.width - settings.labelWidth;
  const perMinute = chartWidth / span;
  const h = settings.rowHeight;
  return {
    chartWidth,
    height: settings.headerHeight + Math.max(1, rows) * h,
    x: (dateTime) => {
      const plain = plainDateTimeMinutes(dateTime);
      return ((Number.isNaN(plain) ? parseLocal(dateTime) : plain) - start) * perMinute;
    },
    rowTop: (index) => settings.headerHeight + index * h,
    row: { barTop: h * 0.2, barHeight: h * 0.45, middle: h * 0.425, baselineTop: h * 0.7, baselineHeight: h * 0.14, diamond: h * 0.3 },
  };
}
