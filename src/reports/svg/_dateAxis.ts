import { parseDay } from '../../calendar/localTime.js';
import { element, textNode } from './_element.js';
import type { PlotArea } from './_chartFrame.js';
import type { ChartSettings } from './_chartOptions.js';
import { estimateTextWidth } from './_textWidth.js';

/** The date axis of a line chart: x of a day, and which days are labelled. */
export interface DateAxis {
  /** x of a `YYYY-MM-DD` day. */
  x(date: string): number;
  /** The labelled days, in order. */
  readonly labelled: readonly string[];
}

/**
 * A date axis over `dates` (sorted, distinct): x proportional to the day number, so uneven gaps
 * between points show as such. Labels go on the data's own days, every k-th when they would crowd,
 * always starting from the first; a single day sits in the middle.
 */
export function dateAxis(dates: readonly string[], area: PlotArea, settings: ChartSettings): DateAxis {
  const days = dates.map(parseDay);
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? first;
  const from = first === last ? first - 1 : first;
  const to = first === last ? last + 1 : last;
  const x = (date: string): number => area.left + ((parseDay(date) - from) / (to - from)) * (area.right - area.left);
  const room = estimateTextWidth('0000-00-00', settings.fontSize) + 12;
  const fit = Math.max(1, Math.floor((area.right - area.left) / room));
  const every = Math.max(1, Math.ceil(dates.length / fit));
  return { x, labelled: dates.filter((_, i) => i % every === 0) };
}

/** The bottom axis line with a tick and a label at each labelled day. */
export function dateTicks(axis: DateAxis, area: PlotArea, settings: ChartSettings): string[] {
  const { colors, fontSize } = settings;
  const parts = [element('line', { x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: colors.axis, 'stroke-width': 1 })];
  for (const date of axis.labelled) {
    const x = axis.x(date);
    parts.push(element('line', { x1: x, y1: area.bottom, x2: x, y2: area.bottom + 4, stroke: colors.axis, 'stroke-width': 1 }));
    parts.push(element('text', { 'data-date-tick': date, x, y: area.bottom + 6 + fontSize, 'text-anchor': 'middle', fill: colors.text }, textNode(date)));
  }
  return parts;
}
