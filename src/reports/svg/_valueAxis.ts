import { element, textNode } from './_element.js';
import type { PlotArea } from './_chartFrame.js';
import type { ChartSettings } from './_chartOptions.js';
import { niceTicks } from './_niceTicks.js';
import { formatNumber } from './_numberFormat.js';

/** The value axis of a chart: its range and its labelled ticks. */
export interface ValueAxis {
  /** Bottom of the range. */
  readonly min: number;
  /** Top of the range. */
  readonly max: number;
  /** Ticks, bottom to top. */
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
}

/**
 * The value axis over `values` (and zero, so bars and areas stand on it and negative values show
 * below it): the caller's ticks when given, otherwise 1-2-5 steps labelled with prefix and suffix.
 */
export function valueAxis(values: readonly number[], settings: ChartSettings): ValueAxis {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  if (settings.valueTicks !== undefined && settings.valueTicks.length > 0) {
    const ticks = [...settings.valueTicks].sort((a, b) => a.value - b.value);
    const min = Math.min(low, ticks[0]?.value ?? low);
    const max = Math.max(high, ticks[ticks.length - 1]?.value ?? high);
    return { min, max: max === min ? min + 1 : max, ticks };
  }
  const scale = niceTicks(low, high, 5);
  const ticks = scale.ticks.map((value) => ({ value, label: formatNumber(value, scale.decimals, settings.valuePrefix, settings.valueSuffix) }));
  return { min: scale.min, max: scale.max, ticks };
}

/** y of `value` in the plot. */
export function yOf(value: number, axis: ValueAxis, area: PlotArea): number {
  return area.bottom - ((value - axis.min) / (axis.max - axis.min)) * (area.bottom - area.top);
}

/** Grid lines and labels at the ticks, the left axis line, and the zero line when zero is inside. */
export function valueGrid(axis: ValueAxis, area: PlotArea, settings: ChartSettings): string[] {
  const { colors, fontSize } = settings;
  const parts: string[] = [];
  for (const tick of axis.ticks) {
    const y = yOf(tick.value, axis, area);
    parts.push(element('line', { x1: area.left, y1: y, x2: area.right, y2: y, stroke: colors.grid, 'stroke-width': 1 }));
    parts.push(element('text', { 'data-value-tick': tick.value, x: area.left - 6, y: y + fontSize * 0.35, 'text-anchor': 'end', fill: colors.text }, textNode(tick.label)));
  }
  parts.push(element('line', { x1: area.left, y1: area.top, x2: area.left, y2: area.bottom, stroke: colors.axis, 'stroke-width': 1 }));
  const zero = axis.min <= 0 && axis.max >= 0 ? yOf(0, axis, area) : area.bottom;
  parts.push(element('line', { 'data-zero-line': true, x1: area.left, y1: zero, x2: area.right, y2: zero, stroke: colors.axis, 'stroke-width': 1 }));
  return parts;
}
