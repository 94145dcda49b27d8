import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBryntumProject } from '../../../src/reports/gantt/adapters/toBryntumProject.js';
import { toDhtmlxGantt } from '../../../src/reports/gantt/adapters/toDhtmlxGantt.js';
import { toFrappeGantt } from '../../../src/reports/gantt/adapters/toFrappeGantt.js';
import { bundleForBrowser, HAS_CHROMIUM, launchChromium } from '../../_support/browser.js';
import { launchView } from './_fixture.js';

/**
 * Each adapter's output loaded into the real component in headless Chromium, asserting on what the
 * component itself reports back. The browser runs in New York time, where the fixture crosses the
 * March daylight-saving change, so a date read as UTC or shifted by the zone would show.
 */

/** What a page under ./pages reports (see window.renderGantt there). */
interface PageReport {
  readonly count: number;
  readonly tasks: readonly { readonly id: string; readonly start: string; readonly end: string; readonly [key: string]: unknown }[];
  readonly links: readonly { readonly id?: string; readonly from: string; readonly to: string; readonly type?: string | number; readonly [key: string]: unknown }[];
  readonly bars: number;
  readonly arrows: number;
  readonly [key: string]: unknown;
}

/** The global each page installs; the function runs in the page, where the project's types do not reach. */
interface PageGlobal {
  renderGantt(data: unknown): Promise<PageReport>;
}

const nodeModules = new URL('../../../node_modules/', import.meta.url);

// The pages are opened without a server, so the components' web fonts could only come from the
// network: leave those rules out (requests are refused anyway).
function localCss(path: string): string {
  return readFileSync(new URL(path, nodeModules), 'utf8').replace(/@font-face\s*\{[^}]*\}/g, '');
}

const view = launchView();
const viewDates = view.rows.map((row) => ({ id: row.id, start: row.start, end: row.finish }));

describe.runIf(HAS_CHROMIUM)('the adapters feed the real Gantt components', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const bundles = new Map<string, Promise<string>>();
  async function render(pageScript: string, css: readonly string[], data: unknown): Promise<PageReport> {
    const path = new URL(`pages/${pageScript}`, import.meta.url).pathname;
    if (!bundles.has(path)) bundles.set(path, bundleForBrowser(path));
    const script = await (bundles.get(path) ?? bundleForBrowser(path));
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // A page opened with setContent has no origin, so reading document.cookie throws; Bryntum reads it.
      const cookieShim = 'Object.defineProperty(document, "cookie", { get: () => "", set: () => {} });';
      const styles = css.map((path) => `<style>${localCss(path)}</style>`).join('');
      await page.setContent(`<!doctype html><html><head>${styles}</head><body><script>${cookieShim}</script><div id="chart" style="width:1400px;height:600px"></div><script>${script.replaceAll('</script', '<\\/script')}</script></body></html>`);
      const report = await page.evaluate((input) => (globalThis as unknown as PageGlobal).renderGantt(input), data);
      expect(errors).toEqual([]);
      return report;
    } finally {
      await context.close();
    }
  }

  it('DHTMLX Gantt holds every task at campaignkit dates, the four link types, and draws every bar and arrow', async () => {
    const report = await render('dhtmlx.js', ['dhtmlx-gantt/codebase/dhtmlxgantt.css'], toDhtmlxGantt(view));
    expect(report.count).toBe(5);
    expect(report.tasks.map(({ id, start, end }) => ({ id, start, end }))).toEqual(viewDates);
    expect(report.tasks.map((t) => [t.id, t['type'], t['parent']])).toEqual([
      ['launch', 'project', '0'],
      ['brief', 'task', 'launch'],
      ['design', 'task', 'launch'],
      ['review', 'task', '0'],
      ['golive', 'milestone', '0'],
    ]);
    expect(report.links).toEqual([
      { id: 'brief->design', from: 'brief', to: 'design', type: '0' },
      { id: 'brief->review', from: 'brief', to: 'review', type: '1' },
      { id: 'design->review', from: 'design', to: 'review', type: '2' },
      { id: 'review->golive', from: 'review', to: 'golive', type: '3' },
    ]);
    expect(report.bars).toBe(5);
    expect(report.arrows).toBe(4);
  });

  it.each(['pinned', 'engine'] as const)('Bryntum, %s, ends with campaignkit dates after its engine has run, and draws them', async (scheduling) => {
    const report = await render('bryntum.js', ['@bryntum/gantt-trial/svalbard-light.css', '@bryntum/gantt-trial/gantt.css'], toBryntumProject(view, { scheduling }));
    expect(report.count).toBe(5);
    expect(report.tasks.map(({ id, start, end }) => ({ id, start, end }))).toEqual(viewDates);
    // Durations measured on the calendar the adapter built equal campaignkit's working days.
    expect(report.tasks.map((t) => [t.id, t['duration'], t['durationUnit'], t['parent'], t['manuallyScheduled']])).toEqual([
      ['launch', 6, 'day', null, false],
      ['brief', 2, 'day', 'launch', scheduling === 'pinned'],
      ['design', 3, 'day', 'launch', scheduling === 'pinned'],
      ['review', 1, 'day', null, scheduling === 'pinned'],
      ['golive', 0, 'day', null, scheduling === 'pinned'],
    ]);
    expect(report.tasks.map((t) => [t.id, t['percentDone'], t['constraintType'], t['deadline'], t['baselines']])).toEqual([
      ['launch', 20, null, null, 0],
      ['brief', 50, null, null, 1],
      ['design', 0, null, '2026-03-05T17:00', 0],
      ['review', 0, 'startnoearlierthan', null, 0],
      ['golive', 0, null, null, 0],
    ]);
    expect(report.links).toEqual([
      { id: 'brief->design', from: 'brief', to: 'design', type: 2, lag: 1, lagUnit: 'day' },
      { id: 'brief->review', from: 'brief', to: 'review', type: 0, lag: 0, lagUnit: 'day' },
      { id: 'design->review', from: 'design', to: 'review', type: 3, lag: 0, lagUnit: 'day' },
      { id: 'review->golive', from: 'review', to: 'golive', type: 1, lag: 0, lagUnit: 'day' },
    ]);
    expect(report.bars).toBe(5);
    expect(report.arrows).toBe(4);
  });

  it('frappe-gantt keeps every task at campaignkit dates with its class, and draws a bar per task and an arrow per link', async () => {
    const report = await render('frappe.js', ['frappe-gantt/dist/frappe-gantt.css'], toFrappeGantt(view));
    expect(report.count).toBe(5);
    expect(report.tasks.map(({ id, start, end }) => ({ id, start, end }))).toEqual(viewDates);
    expect(report.tasks.map((t) => t['classes'])).toEqual([
      'bar-wrapper ck-summary-critical',
      'bar-wrapper ck-task-critical',
      'bar-wrapper ck-task-critical',
      'bar-wrapper ck-task-critical',
      'bar-wrapper ck-milestone',
    ]);
    expect(report.links).toEqual([
      { from: 'brief', to: 'design' },
      { from: 'brief', to: 'review' },
      { from: 'design', to: 'review' },
      { from: 'review', to: 'golive' },
    ]);
    expect(report.bars).toBe(5);
    expect(report.arrows).toBe(4);
  });

  it('SVAR Gantt, fed in the browser, holds every task at campaignkit wall-clock times, the four link types, and draws them', async () => {
    // The page runs toSvarGantt itself: its Dates must be made in the browser's zone.
    const report = await render('svar.js', ['@svar-ui/react-gantt/dist-full/index.css'], view);
    expect(report.count).toBe(5);
    // SVAR keeps no end on a milestone.
    expect(report.tasks.map(({ id, start, end }) => ({ id, start, end }))).toEqual(viewDates.map((t) => (t.id === 'golive' ? { ...t, end: 'undefined' } : t)));
    expect(report.tasks.map((t) => [t.id, t['type'], t['parent']])).toEqual([
      ['launch', 'summary', '0'],
      ['brief', 'task', 'launch'],
      ['design', 'task', 'launch'],
      ['review', 'task', '0'],
      ['golive', 'milestone', '0'],
    ]);
    expect(report.links).toEqual([
      { id: 'brief->design', from: 'brief', to: 'design', type: 'e2s' },
      { id: 'brief->review', from: 'brief', to: 'review', type: 's2s' },
      { id: 'design->review', from: 'design', to: 'review', type: 'e2e' },
      { id: 'review->golive', from: 'review', to: 'golive', type: 's2e' },
    ]);
    expect(report.bars).toBe(5);
    expect(report.arrows).toBe(4);
    expect(report['scaleCells']).toContain('March 2026');
  });
});
