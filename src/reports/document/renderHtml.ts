import { parseInput } from '../../core/validate.js';
import { FormatOptionsSchema, type FormatOptions } from '../i18n/formatValue.js';
import { resolveDocument, type ResolvedBlock, type ResolvedFact, type ResolvedRow } from './_resolve.js';
import { HTML_STYLE } from './_htmlStyle.js';
import { ReportDocumentSchema, type ReportDocumentInput } from './reportDocument.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Renders a report document as one self-contained HTML page in a locale: `<!doctype html>`, UTF-8,
 * the locale as the `lang` attribute, an inline stylesheet and nothing else (no scripts, no
 * external fonts, images or styles). Every text is HTML-escaped. Tables keep their header on each
 * printed page and do not split a row across pages (A4 margins); a row's status shows as a
 * coloured badge with its words, so it reads in greyscale too.
 *
 * @throws CampaignKitError `VALIDATION` for a malformed document or options (an unsupported
 * locale names the supported ones).
 * @example
 * ```ts
 * const html = renderHtml(retrospectiveReport(input), { locale: 'zh-CN' });
 * html.startsWith('<!doctype html>\n<html lang="zh-CN">'); // true
 * ```
 */
export function renderHtml(doc: ReportDocumentInput, options: FormatOptions): string {
  const opts = parseInput(FormatOptionsSchema, options, 'render options');
  const resolved = resolveDocument(parseInput(ReportDocumentSchema, doc, 'report document'), opts);
  const body: string[] = ['<header>', `<h1>${escapeHtml(resolved.title)}</h1>`];
  if (resolved.subtitle !== null) body.push(`<p class="subtitle">${escapeHtml(resolved.subtitle)}</p>`);
  if (resolved.meta.length > 0) body.push(facts(resolved.meta, 'meta'));
  body.push('</header>');
  for (const section of resolved.sections) {
    body.push('<section>', `<h2>${escapeHtml(section.heading)}</h2>`, ...section.blocks.map(blockHtml), '</section>');
  }
  return [
    '<!doctype html>',
    `<html lang="${opts.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(resolved.title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function facts(items: readonly ResolvedFact[], className: string): string {
  const entries = items.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`);
  return `<dl class="${className}">${entries.join('')}</dl>`;
}

function blockHtml(block: ResolvedBlock): string {
  switch (block.type) {
    case 'paragraph':
      return block.empty ? `<p class="empty">${escapeHtml(block.text)}</p>` : `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'facts':
      return facts(block.items, 'facts');
    case 'table': {
      const withStatus = block.statusHeading !== null;
      const heads = block.headings.map((heading, i) => `<th scope="col"${block.numeric[i] === true ? ' class="num"' : ''}>${escapeHtml(heading)}</th>`);
      if (block.statusHeading !== null) heads.push(`<th scope="col">${escapeHtml(block.statusHeading)}</th>`);
      const rows = block.rows.map((row) => rowHtml(row, block.numeric, withStatus));
      return `<table>\n<thead><tr>${heads.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
  }
}

function rowHtml(row: ResolvedRow, numeric: readonly boolean[], withStatus: boolean): string {
  const classes = [row.total ? 'total' : '', row.status === null ? '' : `status-${row.status.level}`].filter((c) => c !== '');
  const cells = row.cells.map((cell, i) => `<td${numeric[i] === true ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`);
  if (withStatus) cells.push(row.status === null ? '<td></td>' : `<td><span class="badge badge-${row.status.level}">${escapeHtml(row.status.text)}</span></td>`);
  return `<tr${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}>${cells.join('')}</tr>`;
}
