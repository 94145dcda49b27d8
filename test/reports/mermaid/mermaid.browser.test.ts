import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMermaidGantt } from '../../../src/reports/mermaid/toMermaidGantt.js';
import { bundleForBrowser, HAS_CHROMIUM, launchChromium } from '../../_support/browser.js';
import { row, weekView } from '../svg/_ganttFixture.js';

describe.runIf(HAS_CHROMIUM)('the Mermaid export as Mermaid reads and draws it in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const script = await bundleForBrowser(fileURLToPath(new URL('./_mermaidPage.ts', import.meta.url)));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><body><div id="out"></div></body>');
    await page.addScriptTag({ content: script });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const parse = (text: string): Promise<string> => page.evaluate(`parseMermaid(${JSON.stringify(text)})`) as Promise<string>;

  /** The texts of the drawn chart, in document order. */
  async function drawnTexts(text: string): Promise<string[]> {
    const svg = (await page.evaluate(`renderMermaid(${JSON.stringify(text)})`)) as string;
    await page.evaluate(`document.getElementById('out').innerHTML = ${JSON.stringify(svg)}`);
    return (await page.evaluate(`[...document.querySelectorAll('#out text')].map((t) => t.textContent.trim())`)) as string[];
  }

  const names = ['Brief: agency', 'Q2 #1; review', '50% <b>off</b> & more', '发布会：准备', 'Title design'];
  const view = weekView(
    [row({ id: 'phase', name: 'Phase: one; #1', summary: true, start: '2026-03-02T08:00', finish: '2026-03-04T17:00' }), ...names.map((name, i) => row({ id: `t${i}`, name, wbs: `1.${i + 1}`, level: 2, start: '2026-03-02T08:00', finish: '2026-03-03T17:00' }))],
    { today: '2026-03-03T12:00' },
  );

  it('parses the export, title included, and rejects broken text', async () => {
    expect(await parse(toMermaidGantt(view, { title: 'Plan: Q2 #1; <script>x</script>' }))).toBe('ok');
    expect(await parse('gantt\n    title T\n    Task without data\n')).toMatch(/Parse error/);
  });

  it('shows names, sections and the title exactly as given', async () => {
    const texts = await drawnTexts(toMermaidGantt(view, { title: 'Plan: Q2 #1; <script>x</script> & co', wbs: false }));
    for (const name of names) expect(texts).toContain(name);
    expect(texts).toContain('Phase: one; #1');
    expect(texts).toContain('Plan: Q2 #1; <script>x</script> & co');
    expect(texts).toContain('Today');
  });
});
