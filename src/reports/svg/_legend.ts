import { element, textNode } from './_element.js';
import type { ChartSettings } from './_chartOptions.js';
import { estimateTextWidth } from './_textWidth.js';

/** One legend entry: the series name and how its swatch looks. */
export interface LegendItem {
  /** Series name. */
  readonly name: string;
  /** Series colour. */
  readonly color: string;
  /** `line` and `dashed` for lines, `area` for filled bands, `bar` and `outline` for bars. */
  readonly swatch: 'line' | 'dashed' | 'area' | 'bar' | 'outline';
}

const SWATCH = 18;
const GAP = 16;

/** Legend entries laid out in rows across `width`: each entry's x and row. */
function arrange(items: readonly LegendItem[], width: number, fontSize: number): { x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return items.map((item) => {
    const size = SWATCH + 6 + estimateTextWidth(item.name, fontSize);
    if (x > 0 && x + size > width) {
      x = 0;
      row += 1;
    }
    const place = { x, row };
    x += size + GAP;
    return place;
  });
}

/** Height the legend needs below the plot (0 without entries). */
export function legendHeight(items: readonly LegendItem[], settings: ChartSettings): number {
  if (items.length === 0) return 0;
  const rows = Math.max(0, ...arrange(items, settings.width - 2 * settings.fontSize, settings.fontSize).map((p) => p.row)) + 1;
  return rows * settings.fontSize * 1.8;
}

function swatch(item: LegendItem, x: number, y: number): string {
  if (item.swatch === 'line' || item.swatch === 'dashed') {
    return element('line', { x1: x, y1: y, x2: x + SWATCH, y2: y, stroke: item.color, 'stroke-width': 2, 'stroke-dasharray': item.swatch === 'dashed' ? '6 4' : undefined });
  }
  const outline = item.swatch === 'outline';
  return element('rect', {
    x,
    y: y - 5,
    width: SWATCH,
    height: 10,
    fill: outline ? 'none' : item.color,
    'fill-opacity': item.swatch === 'area' ? 0.35 : undefined,
    stroke: outline ? item.color : undefined,
    'stroke-width': outline ? 1.5 : undefined,
  });
}

/** The legend, starting at `top` under the plot. */
export function legend(items: readonly LegendItem[], top: number, settings: ChartSettings): string[] {
  const { fontSize, colors } = settings;
  const places = arrange(items, settings.width - 2 * fontSize, fontSize);
  return items.map((item, i) => {
    const place = places[i] ?? { x: 0, row: 0 };
    const x = fontSize + place.x;
    const y = top + place.row * fontSize * 1.8 + fontSize * 0.9;
    return element('g', { 'data-legend': i }, [swatch(item, x, y), element('text', { x: x + SWATCH + 6, y: y + fontSize * 0.35, fill: colors.text }, textNode(item.name))]);
  });
}
