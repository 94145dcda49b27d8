import { parseInput } from '../../core/validate.js';
import { FormatOptionsSchema, type FormatOptions } from '../i18n/formatValue.js';
import { resolveDocument, type ResolvedBlock, type ResolvedFact, type ResolvedRow } from './_resolve.js';
import { ReportDocumentSchema, type ReportDocumentInput } from './reportDocument.js';

/**
 * Escapes text for GitHub-flavoured Markdown so it is read as text and nothing else: every
 * character that is markup inside a line is backslash-escaped (CommonMark allows that for any
 * ASCII punctuation), line breaks become spaces (a newline could start a heading or end a table
 * row), and outside a table cell a leading `-`, `+`, `=` or `1.` is escaped too, so the text
 * cannot turn into a list item, a rule or a heading underline where it is placed.
 *
 * @param inCell - the text is a table cell, where block markup has no meaning.
 */
export function escapeMarkdown(text: string, inCell = false): string {
  const flat = text.replace(/\r\n|[\r\n\u2028\u2029\t\f\v]/g, ' ').trim();
  // Emphasis, code, links and images, raw HTML and entities, table pipes, strikethrough, math,
  // headings, and the backslash itself.
  const escaped = flat.replace(/[\\`*_[\]<>#|~&!$]/g, '\\$&');
  return inCell ? escaped : escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Renders a report document as GitHub-flavoured Markdown in a locale: `#` title, the subtitle,
 * meta facts as a bullet list with bold labels, `##` sections, tables with numeric columns
 * right-aligned and a status column (with words, not colour) when a row has a status, and an
 * empty table's "nothing to report" text in italics. User strings are backslash-escaped,
 * so a task called `| # <script>` cannot change the structure.
 *
 * @throws CampaignKitError `VALIDATION` for a malformed document or options (an unsupported
 * locale names the supported ones).
 * @example
 * ```ts
 * renderMarkdown(dailyReport(input), { locale: 'zh-CN' });
 * // '# 日报\n\n- **活动：** …'
 * renderMarkdown({ title: 'Plan', sections: [] }, { locale: 'en' }); // '# Plan\n'
 * ```
 */
export function renderMarkdown(doc: ReportDocumentInput, options: FormatOptions): string {
  const opts = parseInput(FormatOptionsSchema, options, 'render options');
  const resolved = resolveDocument(parseInput(ReportDocumentSchema, doc, 'report document'), opts);
  const colon = opts.locale === 'zh-CN' ? '：' : ':';
  const parts: string[] = [`# ${escapeMarkdown(resolved.title)}`];
  if (resolved.subtitle !== null) parts.push(escapeMarkdown(resolved.subtitle));
  if (resolved.meta.length > 0) parts.push(facts(resolved.meta, colon));
  for (const section of resolved.sections) {
    parts.push(`## ${escapeMarkdown(section.heading)}`);
    for (const block of section.blocks) parts.push(blockText(block, colon));
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function facts(items: readonly ResolvedFact[], colon: string): string {
  return items.map((fact) => `- **${escapeMarkdown(fact.label)}${colon}** ${escapeMarkdown(fact.value)}`).join('\n');
}

function blockText(block: ResolvedBlock, colon: string): string {
  switch (block.type) {
    case 'paragraph': {
      const text = escapeMarkdown(block.text);
      return block.empty && text !== '' ? `*${text}*` : text;
    }
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    case 'facts':
      return facts(block.items, colon);
    case 'table': {
      const headings = block.statusHeading === null ? block.headings : [...block.headings, block.statusHeading];
      const numeric = block.statusHeading === null ? block.numeric : [...block.numeric, false];
      const lines = [line(headings.map((heading) => escapeMarkdown(heading, true))), line(numeric.map((right) => (right ? '---:' : '---')))];
      for (const row of block.rows) lines.push(line(rowCells(row, block.statusHeading !== null)));
      return lines.join('\n');
    }
  }
}

function rowCells(row: ResolvedRow, withStatus: boolean): string[] {
  const cells = withStatus ? [...row.cells, row.status?.text ?? ''] : [...row.cells];
  return cells.map((cell) => {
    const text = escapeMarkdown(cell, true);
    return row.total && text !== '' ? `**${text}**` : text;
  });
}

function line(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
