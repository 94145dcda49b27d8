import { formatParsedValue, textOf, type ResolvedFormatOptions } from '../i18n/formatValue.js';
import { REPORT_MESSAGES } from '../i18n/messageCatalogue.js';
import type { ReportValue, Text } from '../i18n/reportValue.js';
import type { ReportBlock, ReportCell, ReportColumn, ReportDocument, RowStatus } from './reportDocument.js';

/**
 * A document with every text and value written out in one locale: what both renderers read, so
 * Markdown and HTML say the same words and differ only in markup (and escaping).
 */
export interface ResolvedDocument {
  readonly title: string;
  readonly subtitle: string | null;
  readonly meta: readonly ResolvedFact[];
  readonly sections: readonly { readonly heading: string; readonly blocks: readonly ResolvedBlock[] }[];
}

/** A label and its formatted value. */
export interface ResolvedFact {
  readonly label: string;
  readonly value: string;
}

/** A table row: formatted cells, and its status with the status's words. */
export interface ResolvedRow {
  readonly cells: readonly string[];
  readonly status: { readonly level: RowStatus; readonly text: string } | null;
  readonly total: boolean;
}

/** A block, written out. An empty table or list with an `empty` text becomes that paragraph. */
export type ResolvedBlock =
  | { readonly type: 'paragraph'; readonly text: string; readonly empty: boolean }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | { readonly type: 'facts'; readonly items: readonly ResolvedFact[] }
  | {
      readonly type: 'table';
      readonly headings: readonly string[];
      /** Right-aligned (numeric) columns. */
      readonly numeric: readonly boolean[];
      /** The heading of the status column, when a row has a status. */
      readonly statusHeading: string | null;
      readonly rows: readonly ResolvedRow[];
    };

const NUMERIC: ReadonlySet<ReportColumn['kind']> = new Set(['number', 'money', 'percent', 'duration']);

/** Writes out every text and value of `doc` in `options.locale`. */
export function resolveDocument(doc: ReportDocument, options: ResolvedFormatOptions): ResolvedDocument {
  const text = (value: Text) => textOf(value, options);
  return {
    title: text(doc.title),
    subtitle: doc.subtitle === undefined ? null : text(doc.subtitle),
    meta: doc.meta.map((fact) => ({ label: text(fact.label), value: formatParsedValue(fact.value, options) })),
    sections: doc.sections.map((section) => ({ heading: text(section.heading), blocks: section.blocks.map((block) => resolveBlock(block, options)) })),
  };
}

function resolveBlock(block: ReportBlock, options: ResolvedFormatOptions): ResolvedBlock {
  const text = (value: Text) => textOf(value, options);
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', text: text(block.text), empty: false };
    case 'list':
      if (block.items.length === 0 && block.empty !== undefined) return { type: 'paragraph', text: text(block.empty), empty: true };
      return { type: 'list', items: block.items.map(text) };
    case 'facts':
      return { type: 'facts', items: block.items.map((fact) => ({ label: text(fact.label), value: formatParsedValue(fact.value, options) })) };
    case 'table': {
      if (block.rows.length === 0 && block.empty !== undefined) return { type: 'paragraph', text: text(block.empty), empty: true };
      const messages = REPORT_MESSAGES[options.locale];
      return {
        type: 'table',
        headings: block.columns.map((column) => text(column.heading)),
        numeric: block.columns.map((column) => NUMERIC.has(column.kind)),
        statusHeading: block.rows.some((row) => row.status !== undefined) ? messages['status.heading'] : null,
        rows: block.rows.map((row) => ({
          cells: row.cells.map((cell, i) => formatParsedValue(typedCell(cell, block.columns[i]), options)),
          status: row.status === undefined ? null : { level: row.status, text: messages[`status.${row.status}`] },
          total: row.total === true,
        })),
      };
    }
  }
}

/** A cell as a typed value: its own kind when it has one, else its column's. */
function typedCell(cell: ReportCell, column: ReportColumn | undefined): ReportValue {
  if (typeof cell === 'object' && cell !== null && 'kind' in cell) return cell;
  if (typeof cell === 'object' && cell !== null && 'key' in cell) return { kind: 'text', value: cell };
  const signed = column?.signed === undefined ? {} : { signed: column.signed };
  // The document schema checked each raw cell against its column's kind, so the casts hold.
  switch (column?.kind ?? 'text') {
    case 'text':
      return { kind: 'text', value: cell as Text | null };
    case 'number':
      return { kind: 'number', value: cell as number | null, ...signed };
    case 'percent':
      return { kind: 'percent', value: cell as number | null, ...signed };
    case 'duration':
      return { kind: 'duration', value: cell as number | null, ...signed, ...(column?.minutesPerDay === undefined ? {} : { minutesPerDay: column.minutesPerDay }) };
    case 'money':
      return { kind: 'money', value: cell as { amount: number; currency: string } | null, ...signed };
    case 'date':
      return { kind: 'date', value: cell as string | null };
    case 'datetime':
      return { kind: 'datetime', value: cell as string | null };
  }
}
