import type * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { chartDocument, noDataMessage, plotArea, valueAxisName, widestLabel, type PlotArea } from './_chartFrame.js';
import { dateAxis, dateTicks, type DateAxis } from './_dateAxis.js';
import { element, polyline, textNode, tooltip } from './_element.js';
import { legend, legendHeight, type LegendItem } from './_legend.js';
import { formatValue } from './_numberFormat.js';
import { estimateTextWidth } from './_textWidth.js';
import { seriesColor } from './_theme.js';
import { valueAxis, valueGrid, yOf, type ValueAxis } from './_valueAxis.js';
import { LineChartSchema, type LineChart } from './lineChart.js';

type Settings = z.output<typeof LineChartSchema>;
type Series = Settings['series'][number];

/** A series as drawn: runs of points without a gap, each point with the base its band stands on. */
interface Plotted {
  readonly series: Series;
  readonly color: string;
  readonly runs: readonly (readonly { date: string; value: number; base: number }[])[];
}

function byDate<T extends { date: string }>(points: readonly T[]): T[] {
  return points.map((p, i) => ({ p, i })).sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i)).map(({ p }) => p);
}

/** Each series' runs; `stack` series are summed in order over the days any of them has. */
function plot(series: readonly Series[]): Plotted[] {
  const stackDays = [...new Set(series.filter((s) => s.area === 'stack').flatMap((s) => s.points.map((p) => p.date)))].sort();
  const stackTop = new Map<string, number>();
  return series.map((s, index) => {
    const color = seriesColor(s.color, index);
    if (s.area === 'stack') {
      const own = new Map(s.points.map((p) => [p.date, p.value ?? 0]));
      const run = stackDays.map((date) => {
        const base = stackTop.get(date) ?? 0;
        const value = base + (own.get(date) ?? 0);
        stackTop.set(date, value);
        return { date, value, base };
      });
      return { series: s, color, runs: run.length === 0 ? [] : [run] };
    }
    const runs: { date: string; value: number; base: number }[][] = [];
    let current: { date: string; value: number; base: number }[] = [];
    for (const point of byDate(s.points)) {
      if (point.value === null) {
        if (current.length > 0) runs.push(current);
        current = [];
      } else current.push({ date: point.date, value: point.value, base: 0 });
    }
    if (current.length > 0) runs.push(current);
    return { series: s, color, runs };
  });
}

function drawSeries(p: Plotted, index: number, x: DateAxis, axis: ValueAxis, area: PlotArea, settings: Settings): string {
  const y = (value: number): number => yOf(value, axis, area);
  const parts = [tooltip(p.series.name)];
  if (p.series.area !== 'none') {
    for (const run of p.runs) {
      const outline: [number, number][] = [...run.map((pt): [number, number] => [x.x(pt.date), y(pt.value)]), ...[...run].reverse().map((pt): [number, number] => [x.x(pt.date), y(pt.base)])];
      parts.push(element('path', { 'data-part': 'area', d: polyline(outline, true), fill: p.color, 'fill-opacity': 0.3, stroke: 'none' }));
    }
  }
  for (const run of p.runs) {
    if (run.length > 1) {
      parts.push(
        element('path', {
          'data-part': 'line',
          d: polyline(run.map((pt) => [x.x(pt.date), y(pt.value)])),
          fill: 'none',
          stroke: p.color,
          'stroke-width': 2,
          'stroke-dasharray': p.series.line === 'dashed' ? '6 4' : undefined,
          'stroke-linejoin': 'round',
        }),
      );
    }
    if (p.series.markers || run.length === 1) {
      for (const pt of run) {
        const shown = formatValue(pt.value - pt.base, settings.valuePrefix, settings.valueSuffix);
        parts.push(element('circle', { 'data-part': 'marker', 'data-date': pt.date, cx: x.x(pt.date), cy: y(pt.value), r: 3, fill: p.color }, [tooltip(`${pt.date} · ${p.series.name}: ${shown}`)]));
      }
    }
  }
  return element('g', { 'data-series': index }, parts);
}

/**
 * A line chart as an SVG string: dates along x (x proportional to the day, so uneven spacing
 * shows), named series as solid or dashed lines, optional filled areas (an S-curve) or stacked bands
 * (cumulative flow), a value axis at 1-2-5 steps including zero (negative values below it), a
 * legend, and a `<title>` with `role="img"` and `aria-label`. Values are plain numbers and every
 * label is the caller's text. With no point to plot it draws the empty frame with `noDataLabel`.
 *
 * @throws `VALIDATION` for input that does not fit {@link LineChartSchema}.
 * @example
 * ```ts
 * lineChartSvg({
 *   title: 'Burndown',
 *   series: [
 *     { name: 'Remaining', points: [{ date: '2026-03-02', value: 40 }, { date: '2026-03-09', value: 28 }] },
 *     { name: 'Ideal', line: 'dashed', points: [{ date: '2026-03-02', value: 40 }, { date: '2026-03-16', value: 0 }] },
 *   ],
 * });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="Burndown" …>'
 * ```
 */
export function lineChartSvg(chart: LineChart): string {
  const settings = parseInput(LineChartSchema, chart, 'line chart');
  const plotted = plot(settings.series);
  const drawn = plotted.filter((p) => p.runs.length > 0);
  const values = drawn.flatMap((p) => p.runs.flatMap((run) => run.flatMap((pt) => [pt.value, pt.base])));
  const axis = valueAxis(values, settings);
  const dateSpace = settings.fontSize * 2 + 8 + (settings.dateLabel === undefined ? 0 : settings.fontSize * 1.6);
  const items = drawn.map((p): LegendItem => ({ name: p.series.name, color: p.color, swatch: p.series.area !== 'none' ? 'area' : p.series.line === 'dashed' ? 'dashed' : 'line' }));
  const legendSpace = legendHeight(items, settings);
  // The last date label is centred on the right edge: half of it must fit inside the picture.
  const halfDate = estimateTextWidth('0000-00-00', settings.fontSize) / 2 + 4;
  const area = plotArea(settings, drawn.length === 0 ? 0 : widestLabel(axis.ticks.map((t) => t.label), settings.fontSize), dateSpace, legendSpace, halfDate);
  if (drawn.length === 0) {
    return chartDocument(settings, 'Line chart', [
      element('line', { x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: settings.colors.axis, 'stroke-width': 1 }),
      noDataMessage(area, settings),
    ]);
  }
  const dates = [...new Set(drawn.flatMap((p) => p.runs.flatMap((run) => run.map((pt) => pt.date))))].sort();
  const x = dateAxis(dates, area, settings);
  const dateName =
    settings.dateLabel === undefined
      ? []
      : [element('text', { x: (area.left + area.right) / 2, y: area.bottom + settings.fontSize * 3.4, 'text-anchor': 'middle', fill: settings.colors.text }, textNode(settings.dateLabel))];
  return chartDocument(settings, 'Line chart', [
    ...valueGrid(axis, area, settings),
    ...valueAxisName(area, settings),
    ...dateTicks(x, area, settings),
    ...dateName,
    ...plotted.flatMap((p, i) => (p.runs.length === 0 ? [] : [drawSeries(p, i, x, axis, area, settings)])),
    ...legend(items, area.bottom + dateSpace, settings),
  ]);
}
