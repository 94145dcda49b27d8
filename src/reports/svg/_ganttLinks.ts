import type { GanttLinkInput as GanttLink, GanttRowInput as GanttRow } from '../gantt/readGanttView.js';
import { element, polyline } from './_element.js';
import type { GanttLayout, GanttSettings } from './_ganttLayout.js';

/** Where an arrow leaves or enters a bar: its x, its row's middle, and the side (-1 start, +1 finish). */
interface Anchor {
  readonly x: number;
  readonly y: number;
  readonly side: -1 | 1;
}

const GAP = 6;
const HEAD = 5;

function anchor(row: GanttRow, index: number, end: 'start' | 'finish', layout: GanttLayout): Anchor {
  const side = end === 'start' ? -1 : 1;
  const y = layout.rowTop(index) + layout.row.middle;
  // A diamond's edges are half its width either side of its date.
  if (row.milestone) return { x: layout.x(row.start) + side * layout.row.diamond, y, side };
  return { x: layout.x(end === 'start' ? row.start : row.finish), y, side };
}

/** Whether a vertical at `x` stands at least the gap out from `end`'s bar, on its side. */
function clears(end: Anchor, x: number): boolean {
  // A function of its own rather than two closures made in `route` for each of 10,000 links (under
  // tsx, as the benchmark runs, each closure also gets its name set with `defineProperty`).
  return end.side * (x - end.x) >= GAP - 1e-9;
}

/**
 * The elbow route from a bar's end to another's: out of the source on its side, into the target
 * from its side. One bend (near the source when it can) when a vertical between them fits,
 * otherwise around through the gap between the rows.
 */
function route(from: Anchor, to: Anchor, rowHeight: number): [number, number][] {
  const exitX = from.x + from.side * GAP;
  const entryX = to.x + to.side * GAP;
  const bend = clears(from, exitX) && clears(to, exitX) ? exitX : clears(from, entryX) && clears(to, entryX) ? entryX : undefined;
  const headBase = to.x + to.side * HEAD;
  if (bend !== undefined) {
    return [
      [from.x, from.y],
      [bend, from.y],
      [bend, to.y],
      [headBase, to.y],
    ];
  }
  const between = from.y + (Math.sign(to.y - from.y) * rowHeight) / 2;
  return [
    [from.x, from.y],
    [exitX, from.y],
    [exitX, between],
    [entryX, between],
    [entryX, to.y],
    [headBase, to.y],
  ];
}

/**
 * The dependency arrows, each a `<g data-link-id data-link-type>`: FS from the predecessor's finish
 * to the successor's start, SS start to start, FF finish to finish, SF start to finish. Links to
 * tasks that are not rows are left out.
 */
export function linkArrows(links: readonly GanttLink[], rows: readonly GanttRow[], layout: GanttLayout, settings: GanttSettings): string[] {
  const index = new Map<string, number>();
  rows.forEach((row, i) => index.set(row.id, i));
  const arrows: string[] = [];
  for (const link of links) {
    const i = index.get(link.from);
    const j = index.get(link.to);
    const predecessor = i === undefined ? undefined : rows[i];
    const successor = j === undefined ? undefined : rows[j];
    if (i === undefined || j === undefined || predecessor === undefined || successor === undefined || i === j) continue;
    const from = anchor(predecessor, i, link.type[0] === 'S' ? 'start' : 'finish', layout);
    const to = anchor(successor, j, link.type[1] === 'S' ? 'start' : 'finish', layout);
    const color = settings.colors.link;
    const head: [number, number][] = [
      [to.x, to.y],
      [to.x + to.side * HEAD, to.y - HEAD * 0.7],
      [to.x + to.side * HEAD, to.y + HEAD * 0.7],
    ];
    arrows.push(
      element('g', { 'data-link-id': link.id, 'data-link-type': link.type }, [
        element('path', { d: polyline(route(from, to, settings.rowHeight)), fill: 'none', stroke: color, 'stroke-width': 1 }),
        element('path', { d: polyline(head, true), fill: color }),
      ]),
    );
  }
  return arrows;
}
