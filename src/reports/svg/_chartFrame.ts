import { element, textNode } from './_element.js';
import type { ChartSettings } from './_chartOptions.js';
import { estimateTextWidth } from './_textWidth.js';
import { num } from './_xml.js';

/** The plot rectangle inside a chart, in px. */
export interface PlotArea {
  /** Left edge. */
  readonly left: number;
  /** Top edge. */
  readonly top: number;
  /** Right edge. */
  readonly right: number;
  /** Bottom edge. */
  readonly bottom: number;
}

/** The root `<svg>` of a chart: accessible name, fonts, background and the visible title, around `body`. */
export function chartDocument(settings: ChartSettings, fallbackName: string, body: readonly string[]): string {
  const { width, height, fontSize, colors } = settings;
  const name = settings.title ?? fallbackName;
  const title =
    settings.title === undefined
      ? []
      : [element('text', { x: width / 2, y: fontSize * 1.6, 'text-anchor': 'middle', 'font-size': fontSize * 1.25, 'font-weight': 'bold', fill: colors.text }, textNode(settings.title))];
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'aria-label': name,
      'font-family': settings.fontFamily,
      'font-size': fontSize,
    },
    [element('title', {}, textNode(name)), element('rect', { x: 0, y: 0, width, height, fill: colors.background }), ...title, ...body],
  );
}

/** The caller's "no data" text in the middle of the plot. */
export function noDataMessage(area: PlotArea, settings: ChartSettings): string {
  return element(
    'text',
    { 'data-no-data': true, x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2, 'text-anchor': 'middle', fill: settings.colors.text },
    textNode(settings.noDataLabel),
  );
}

/**
 * The plot rectangle left after the title, the value labels on the left (`valueLabelWidth`), the
 * labels under the plot (`bottomSpace`), the legend, and `rightSpace` for a label centred on the
 * right edge.
 */
export function plotArea(settings: ChartSettings, valueLabelWidth: number, bottomSpace: number, legendHeight: number, rightSpace = 0): PlotArea {
  const { width, height, fontSize } = settings;
  const top = settings.title === undefined ? fontSize : fontSize * 3;
  const axisName = settings.valueLabel === undefined ? 0 : fontSize * 1.6;
  const left = Math.min(width * 0.4, axisName + valueLabelWidth + 10);
  const bottom = Math.max(top + 20, height - bottomSpace - legendHeight - 4);
  return { left, top, right: Math.max(left + 20, width - Math.max(fontSize * 1.5, rightSpace)), bottom };
}

/** The value axis's name, turned along its left side. */
export function valueAxisName(area: PlotArea, settings: ChartSettings): string[] {
  if (settings.valueLabel === undefined) return [];
  const x = settings.fontSize;
  const y = (area.top + area.bottom) / 2;
  return [element('text', { x, y, transform: `rotate(-90 ${num(x)} ${num(y)})`, 'text-anchor': 'middle', fill: settings.colors.text }, textNode(settings.valueLabel))];
}

/** Widest of `labels` at the chart's font size. */
export function widestLabel(labels: readonly string[], fontSize: number): number {
  return labels.reduce((widest, label) => Math.max(widest, estimateTextWidth(label, fontSize)), 0);
}
