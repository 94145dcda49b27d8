import type * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { chartDocument, noDataMessage, plotArea, valueAxisName, widestLabel, type PlotArea } from './_chartFrame.js';
import { element, textNode, tooltip } from './_element.js';
import { legend, legendHeight, type LegendItem } from './_legend.js';
import { formatValue } from './_numberFormat.js';
import { seriesColor } from './_theme.js';
import { valueAxis, valueGrid, yOf, type ValueAxis } from './_valueAxis.js';
import { num } from './_xml.js';
import { BarChartSchema, type BarChart } from './barChart.js';

type Settings = z.output<typeof BarChartSchema>;

// A group fills 80 % of its category's width, leaving a gap between neighbouring groups.
const GROUP = 0.8;

/** Category labels under the plot; turned 45° when the longest would not fit its column. */
function categoryLabels(settings: Settings, area: PlotArea, band: number, turned: boolean): string[] {
  return settings.categories.map((label, i) => {
    const x = area.left + band * (i + 0.5);
    const y = area.bottom + settings.fontSize + 6;
    return element(
      'text',
      { 'data-category': i, x, y, 'text-anchor': turned ? 'end' : 'middle', transform: turned ? `rotate(-45 ${num(x)} ${num(y)})` : undefined, fill: settings.colors.text },
      textNode(label),
    );
  });
}

function bars(settings: Settings, area: PlotArea, axis: ValueAxis, band: number): string[] {
  const count = settings.series.length;
  const width = (band * GROUP) / count;
  const zero = yOf(0, axis, area);
  return settings.series.map((s, j) => {
    const color = seriesColor(s.color, j);
    const rects = s.values.flatMap((value, i) => {
      if (value === null) return [];
      const y = yOf(value, axis, area);
      const shown = formatValue(value, settings.valuePrefix, settings.valueSuffix);
      const outline = s.fill === 'outline';
      return [
        element(
          'rect',
          {
            'data-category': i,
            x: area.left + band * i + (band * (1 - GROUP)) / 2 + width * j + 0.5,
            y: Math.min(y, zero),
            width: Math.max(0.5, width - 1),
            height: Math.abs(zero - y),
            fill: outline ? settings.colors.background : color,
            stroke: outline ? color : undefined,
            'stroke-width': outline ? 1.5 : undefined,
          },
          [tooltip(`${settings.categories[i] ?? ''} · ${s.name}: ${shown}`)],
        ),
      ];
    });
    return element('g', { 'data-series': j }, rects);
  });
}

function thresholdLines(settings: Settings, area: PlotArea, axis: ValueAxis): string[] {
  return settings.thresholds.map((t, i) => {
    const y = yOf(t.value, axis, area);
    const label = t.label === undefined ? [] : [element('text', { x: area.right, y: y - 4, 'text-anchor': 'end', fill: t.color }, textNode(t.label))];
    return element('g', { 'data-threshold': i }, [
      element('line', { x1: area.left, y1: y, x2: area.right, y2: y, stroke: t.color, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }),
      ...label,
    ]);
  });
}

/**
 * A grouped bar chart as an SVG string: categories along x with one bar per series in each
 * (planned, actual, forecast per budget category or period), bars up from zero and down for
 * negative values, optional dashed threshold lines, a value axis at 1-2-5 steps, category labels
 * (turned when they would crowd), a legend, per-bar tooltips, and a `<title>` with `role="img"` and
 * `aria-label`. Values are plain numbers and every label is the caller's text. With no category or
 * no series it draws the empty frame with `noDataLabel`.
 *
 * @throws `VALIDATION` for input that does not fit {@link BarChartSchema} (e.g. a series without one value per category).
 * @example
 * ```ts
 * barChartSvg({
 *   categories: ['Media', 'Events'],
 *   series: [{ name: 'Planned', values: [1200, 800] }, { name: 'Actual', values: [1350, 640] }],
 *   thresholds: [{ value: 1300, label: 'Cap' }],
 *   valuePrefix: '¥',
 * });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="Bar chart" …>'
 * ```
 */
export function barChartSvg(chart: BarChart): string {
  const settings = parseInput(BarChartSchema, chart, 'bar chart');
  const { categories, series, fontSize } = settings;
  const empty = categories.length === 0 || series.length === 0;
  const values = [...series.flatMap((s) => s.values.filter((v): v is number => v !== null)), ...settings.thresholds.map((t) => t.value)];
  const axis = valueAxis(values, settings);
  const items = empty ? [] : series.map((s, j): LegendItem => ({ name: s.name, color: seriesColor(s.color, j), swatch: s.fill === 'outline' ? 'outline' : 'bar' }));
  const longest = widestLabel(categories, fontSize);
  const roughBand = (settings.width * 0.8) / Math.max(1, categories.length);
  const turned = longest > roughBand - 4;
  const labelSpace = turned ? Math.min(settings.height * 0.35, longest * 0.72 + fontSize) + 8 : fontSize * 2 + 4;
  const area = plotArea(settings, empty ? 0 : widestLabel(axis.ticks.map((t) => t.label), fontSize), labelSpace, legendHeight(items, settings));
  if (empty) {
    return chartDocument(settings, 'Bar chart', [
      element('line', { x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: settings.colors.axis, 'stroke-width': 1 }),
      noDataMessage(area, settings),
    ]);
  }
  const band = (area.right - area.left) / categories.length;
  return chartDocument(settings, 'Bar chart', [
    ...valueGrid(axis, area, settings),
    ...valueAxisName(area, settings),
    ...bars(settings, area, axis, band),
    ...thresholdLines(settings, area, axis),
    ...categoryLabels(settings, area, band, turned),
    ...legend(items, area.bottom + labelSpace, settings),
  ]);
}
