import Papa from 'papaparse';
import type { Column, WriteContext } from './_column.js';
import { neutralise } from './_neutralise.js';

/**
 * Writes a table as CSV the way Excel opens it: a UTF-8 byte order mark, a header row in the
 * chosen language, CRLF after every row (the last one too), RFC 4180 quoting by papaparse (a cell
 * with the delimiter, a quote, a line break or surrounding spaces is quoted, quotes doubled) and
 * text cells neutralised against formula injection.
 */
export function writeTable<E, C extends WriteContext>(columns: readonly Column<E, C>[], entities: readonly E[], context: C, delimiter: ',' | ';'): string {
  const header = columns.map((column) => (context.language === 'zh-CN' ? column.zh : column.en));
  const rows = entities.map((entity) =>
    columns.map((column) => {
      const cell = column.write(entity, context) ?? '';
      return column.numeric === true ? cell : neutralise(cell);
    }),
  );
  const body = Papa.unparse([header, ...rows], { delimiter, newline: '\r\n', quotes: false, header: false, skipEmptyLines: false });
  return `\uFEFF${body}\r\n`;
}
