import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import type { ReportDocumentInput } from '../../../src/reports/document/reportDocument.js';
import { renderMarkdown } from '../../../src/reports/document/renderMarkdown.js';

function table(cells: string[]): ReportDocumentInput {
  return {
    title: 'Plan',
    sections: [{ heading: 'Tasks', blocks: [{ type: 'table', columns: [{ heading: 'Task', kind: 'text' }, { heading: 'Note', kind: 'text' }], rows: [{ cells }] }] }],
  };
}

describe('renderMarkdown', () => {
  it('renders a bare document as a title line', () => {
    expect(renderMarkdown({ title: 'Plan', sections: [] }, { locale: 'en' })).toBe('# Plan\n');
  });

  it('keeps a pipe, a newline or a backslash in a cell from breaking the table', () => {
    const md = renderMarkdown(table(['a | b', 'line one\nline two \\']), { locale: 'en' });
    expect(md).toContain('| a \\| b | line one line two \\\\ |');
    expect(md.split('\n').filter((line) => line.startsWith('|'))).toHaveLength(3);
  });

  it('neutralises headings, lists, rules, quotes, HTML, links, images, emphasis and code in user strings', () => {
    const doc: ReportDocumentInput = {
      title: '# Owned',
      subtitle: '---',
      sections: [
        {
          heading: 'Notes',
          blocks: [
            { type: 'paragraph', text: '- not a list' },
            { type: 'paragraph', text: '1. not ordered' },
            { type: 'paragraph', text: '> not a quote' },
            { type: 'paragraph', text: '<script>alert(1)</script>' },
            { type: 'paragraph', text: '[click](https://evil.example) ![x](y.png) **bold** `code` ~~gone~~ &amp; $x$' },
            { type: 'list', items: ['# heading in a list', '+ nested', 'ok\n\n## injected section'] },
          ],
        },
      ],
    };
    const md = renderMarkdown(doc, { locale: 'en' });
    expect(md).toBe(
      [
        '# \\# Owned',
        '',
        '\\---',
        '',
        '## Notes',
        '',
        '\\- not a list',
        '',
        '1\\. not ordered',
        '',
        '\\> not a quote',
        '',
        '\\<script\\>alert(1)\\</script\\>',
        '',
        '\\[click\\](https://evil.example) \\!\\[x\\](y.png) \\*\\*bold\\*\\* \\`code\\` \\~\\~gone\\~\\~ \\&amp; \\$x\\$',
        '',
        '- \\# heading in a list',
        '- \\+ nested',
        '- ok  \\#\\# injected section',
        '',
      ].join('\n'),
    );
    // Only the document's own heading lines start with '#'.
    expect(md.split('\n').filter((line) => line.startsWith('#'))).toEqual(['# \\# Owned', '## Notes']);
  });

  it('adds a status column with words when a row has a status, and bolds a totals row', () => {
    const doc: ReportDocumentInput = {
      title: '预算',
      sections: [
        {
          heading: '支出',
          blocks: [
            {
              type: 'table',
              columns: [{ heading: { key: 'column.category' }, kind: 'text' }, { heading: { key: 'column.amount' }, kind: 'money' }],
              rows: [
                { cells: ['场地', { amount: 123450, currency: 'CNY' }], status: 'critical' },
                { cells: [{ key: 'row.total' }, { amount: 123450, currency: 'CNY' }], total: true },
              ],
            },
          ],
        },
      ],
    };
    expect(renderMarkdown(doc, { locale: 'zh-CN' })).toContain('| 类别 | 金额 | 状态 |\n| --- | ---: | --- |\n| 场地 | ¥1,234.50 | 严重 |\n| **合计** | **¥1,234.50** |  |');
  });

  it('refuses a cell that is not of its column\'s kind, and an unsupported locale, with VALIDATION naming the fix', () => {
    const bad: ReportDocumentInput = {
      title: 'x',
      sections: [{ heading: 'y', blocks: [{ type: 'table', columns: [{ heading: 'n', kind: 'money' }], rows: [{ cells: [12.5] }] }] }],
    };
    const errors: unknown[] = [];
    for (const call of [() => renderMarkdown(bad, { locale: 'en' }), () => renderMarkdown({ title: 'x', sections: [] }, { locale: 'fr' as 'en' })]) {
      try {
        call();
      } catch (error) {
        errors.push(error);
      }
    }
    expect(errors.every((e) => isCampaignKitError(e, 'VALIDATION'))).toBe(true);
    expect(String(errors[0])).toContain('sections[0].blocks[0].rows[0].cells[0]: not a money value');
    expect(String(errors[1])).toContain('expected a supported report locale: en, zh-CN');
  });
});
