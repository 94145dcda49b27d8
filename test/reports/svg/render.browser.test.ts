import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChartSvg } from '../../../src/reports/svg/barChartSvg.js';
import { ganttSvg } from '../../../src/reports/svg/ganttSvg.js';
import { lineChartSvg } from '../../../src/reports/svg/lineChartSvg.js';
import { HAS_CHROMIUM, launchChromium } from '../../_support/browser.js';
import { row, weekView } from './_ganttFixture.js';

type Rgb = [number, number, number];

// Runs in the page: draws the SVG (as the browser renders an <img>) on a canvas and reads pixels,
// so no PNG decoder is needed here.
const PIXELS_IN_PAGE = `async ({ svg, points }) => {
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  return points.map(([x, y]) => Array.from(context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)));
}`;

async function pixels(page: Page, svg: string, points: readonly (readonly [number, number])[]): Promise<Rgb[]> {
  return (await page.evaluate(`(${PIXELS_IN_PAGE})(${JSON.stringify({ svg, points })})`)) as Rgb[];
}

/** The boxes (`getBBox`, in the nearest viewport's units) of the elements `selector` finds in the page's SVG. */
async function boxes(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => { const b = e.getBBox(); return { x: b.x, y: b.y, width: b.width, height: b.height }; })`)) as {
    x: number;
    y: number;
    width: number;
    height: number;
  }[];
}

function hex(color: string): Rgb {
  return [Number.parseInt(color.slice(1, 3), 16), Number.parseInt(color.slice(3, 5), 16), Number.parseInt(color.slice(5, 7), 16)];
}

function expectColor(actual: Rgb | undefined, expected: Rgb): void {
  expect(actual).toBeDefined();
  actual?.forEach((channel, i) => expect(Math.abs(channel - (expected[i] ?? 0))).toBeLessThanOrEqual(3));
}

describe.runIf(HAS_CHROMIUM)('the pictures as Chromium renders them', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const gantt = ganttSvg(
    weekView([
      row({ id: 'brief', name: 'Brief 简报', start: '2026-03-02T08:00', finish: '2026-03-02T17:00', percentComplete: 100 }),
      row({ id: 'design', name: 'Design', wbs: '2', start: '2026-03-03T08:00', finish: '2026-03-04T17:00', percentComplete: 40, critical: true }),
    ]),
    { width: 940, labelWidth: 240 },
  );

  it('shows the critical bar in the critical colour, the weekend shaded, and background elsewhere', async () => {
    // Design runs 373–511px (its first 40 % done), row 1 is 56–84px; the weekend is 740–940px.
    const [critical, done, weekend, empty] = await pixels(page, gantt, [
      [480, 68],
      [390, 68],
      [800, 45],
      [600, 45],
    ]);
    expectColor(critical, hex('#f28b82'));
    expectColor(done, hex('#c5221f'));
    expectColor(weekend, hex('#eceff1'));
    expectColor(empty, hex('#ffffff'));
  });

  it('finds one element per task with the bar where the markup puts it', async () => {
    await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${gantt}</body>`);
    expect(await page.evaluate(`[...document.querySelectorAll('[data-task-id]')].map((e) => e.getAttribute('data-task-id'))`)).toEqual(['brief', 'design']);
    const [bar] = await boxes(page, '[data-task-id="design"] [data-part="bar"]');
    expect(bar?.x).toBeCloseTo(133.33, 1);
    expect(bar?.width).toBeCloseTo(137.5, 1);
    expect(await page.evaluate(`document.querySelector('svg').getAttribute('aria-label')`)).toBe('Gantt chart');
    expect(await page.evaluate(`document.querySelector('svg > svg text:nth-of-type(1)').textContent`)).toBe('1 Brief 简报');
    const screenshot = await page.screenshot({ clip: { x: 0, y: 0, width: 940, height: 84 } });
    expect(screenshot.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('fills a bar chart bar with its series colour and leaves the rest background', async () => {
    const svg = barChartSvg({ width: 400, height: 300, categories: ['Media', 'Events'], series: [{ name: 'Planned', values: [100, 50] }] });
    await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${svg}</body>`);
    const [media, events] = await boxes(page, '[data-series="0"] rect');
    if (media === undefined || events === undefined) throw new Error('bars missing');
    const [inMedia, aboveEvents] = await pixels(page, svg, [
      [media.x + media.width / 2, media.y + media.height / 2],
      [events.x + events.width / 2, events.y - 20],
    ]);
    expectColor(inMedia, hex('#1a73e8'));
    expectColor(aboveEvents, hex('#ffffff'));
    expect(events.height).toBeCloseTo(media.height / 2, 0);
  });

  it('shades a line chart area at 30 % of its colour', async () => {
    const svg = lineChartSvg({ width: 400, height: 300, series: [{ name: 'EV', area: 'fill', points: [{ date: '2026-03-02', value: 10 }, { date: '2026-03-09', value: 10 }] }] });
    await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${svg}</body>`);
    const [area] = await boxes(page, '[data-part="area"]');
    if (area === undefined) throw new Error('area missing');
    const [inside] = await pixels(page, svg, [[area.x + area.width / 2, area.y + area.height / 2]]);
    expectColor(inside, hex('#1a73e8').map((c) => Math.round(0.3 * c + 0.7 * 255)) as Rgb);
  });
});
