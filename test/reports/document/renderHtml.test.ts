import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/reports/document/renderHtml.js';
import type { ReportDocumentInput } from '../../../src/reports/document/reportDocument.js';
import { dailyReport } from '../../../src/reports/documents/dailyReport.js';
import { SMALL_DAY } from '../documents/_inputs.js';

const EVIL = '<script>alert("x")</script> & \'quoted\'';

const DOC: ReportDocumentInput = {
  title: EVIL,
  meta: [{ label: { key: 'meta.campaign' }, value: { kind: 'text', value: EVIL } }],
  sections: [
    {
      heading: { key: 'progress.spend' },
      blocks: [
        {
          type: 'table',
          columns: [{ heading: { key: 'column.task' }, kind: 'text' }, { heading: { key: 'column.amount' }, kind: 'money' }],
          rows: [{ cells: [EVIL, { amount: 123450, currency: 'CNY' }], status: 'warning' }],
        },
      ],
    },
  ],
};

describe('renderHtml', () => {
  it('writes one self-contained page: doctype, UTF-8, lang, inline style, no scripts or external resources', () => {
    const html = renderHtml(DOC, { locale: 'zh-CN' });
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(renderHtml(DOC, { locale: 'en' })).toContain('<html lang="en">');
  });

  it('escapes every user string', () => {
    const html = renderHtml(DOC, { locale: 'en' });
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;';
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<h1>${escaped}</h1>`);
    expect(html).toContain(`<dt>Campaign</dt><dd>${escaped}</dd>`);
    expect(html).toContain(`<td>${escaped}</td>`);
  });

  it('formats money with Intl for the locale: ¥1,234.50 in zh-CN, CN¥1,234.50 in en', () => {
    expect(renderHtml(DOC, { locale: 'zh-CN' })).toContain('<td class="num">¥1,234.50</td>');
    expect(renderHtml(DOC, { locale: 'en' })).toContain('<td class="num">CN¥1,234.50</td>');
  });

  it('shows a row status as a coloured badge with its words', () => {
    const html = renderHtml(DOC, { locale: 'zh-CN' });
    expect(html).toContain('<th scope="col">状态</th>');
    expect(html).toContain('<tr class="status-warning">');
    expect(html).toContain('<span class="badge badge-warning">预警</span>');
    expect(renderHtml(DOC, { locale: 'en' })).toContain('<span class="badge badge-warning">Warning</span>');
  });

  it('prints on A4 without splitting table rows, with a CJK font stack', () => {
    const html = renderHtml(DOC, { locale: 'zh-CN' });
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/@media print \{[\s\S]*tr, dl, li \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).toContain('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC"');
  });

  it('renders a daily report: empty sections as a sentence, instants in the chosen time zone', () => {
    const html = renderHtml(dailyReport(SMALL_DAY), { locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(html).toContain('<h2>已开始</h2>\n<p class="empty">今日无新开始任务</p>');
    expect(html).toContain('<dt>生成时间</dt><dd>2026年3月3日 GMT+8 18:00</dd>');
    expect(html).toContain('<tr class="total"><td>合计</td><td class="num">¥1,734.50</td></tr>');
  });
});
