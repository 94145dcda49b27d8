import { isCampaignKitError } from '../../core/errors.js';
import { moneyFromDecimal, toDecimalString } from '../../core/money.js';

/**
 * One column of a CSV table: its key, its header in both languages, and how a cell is written from
 * an entity and read back. Each entity's table of columns is the single source for its CSV format.
 */

/** The fields a row's cells have been read into, before the entity's schema validates them. */
export type Draft = Record<string, unknown>;

/** A reader's answer for a cell another cell makes unreadable (an amount whose currency is wrong). */
export const SKIPPED = 'skipped' as const;

/** What every writer knows. */
export interface WriteContext {
  /** The decimal separator of numeric columns. */
  readonly decimal: '.' | ',';
  /** The language of the header row, also used for Yes/No cells. */
  readonly language: 'en' | 'zh-CN';
}

/** What every reader knows about the row it reads. */
export interface RowContext {
  /** The decimal separator of numeric columns. */
  readonly decimal: '.' | ',';
  /** The trimmed text of another column of the row; undefined when the cell is empty or absent. */
  text(key: string): string | undefined;
}

/** One column. */
export interface Column<E, C extends WriteContext = WriteContext> {
  /** Stable key, reported as an error's `field`. */
  readonly key: string;
  /** English header. */
  readonly en: string;
  /** Chinese (zh-CN) header. */
  readonly zh: string;
  /** Written from a number: never prefixed against formula injection. */
  readonly numeric?: boolean;
  /** An import without this column is refused. */
  readonly required?: boolean;
  /** The cell for an entity; undefined for an empty cell. */
  write(entity: E, context: C): string | undefined;
  /** Reads a non-empty cell into `draft`: nothing when read, a message when wrong, or {@link SKIPPED}. */
  read(text: string, draft: Draft, row: RowContext): string | typeof SKIPPED | undefined;
}

type Headers = { readonly key: string; readonly en: string; readonly zh: string; readonly required?: boolean };

/** Text kept exactly as written (names, notes): surrounding spaces are part of it. */
export function textColumn<E>(headers: Headers, get: (entity: E) => string | undefined): Column<E> {
  return { ...headers, write: get, read: (text, draft) => void (draft[headers.key] = text) };
}

/** Ids, codes, enum values and dates: read trimmed. */
export function codeColumn<E>(headers: Headers, get: (entity: E) => string | undefined): Column<E> {
  return { ...headers, write: get, read: (text, draft) => void (draft[headers.key] = text.trim()) };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number in a cell (`-1.5`, `2e3`, with `,` as the decimal separator when the host says so), or undefined. */
export function readNumber(text: string, decimal: '.' | ','): number | undefined {
  const plain = decimal === ',' ? text.trim().replace(',', '.') : text.trim();
  return NUMBER.test(plain) ? Number(plain) : undefined;
}

/** A number as written in a numeric column. */
export function writeNumber(value: number, decimal: '.' | ','): string {
  const text = String(value);
  return decimal === ',' ? text.replace('.', ',') : text;
}

/** A plain number. */
export function numberColumn<E>(headers: Headers, get: (entity: E) => number | undefined, suffix?: '%'): Column<E> {
  return {
    ...headers,
    numeric: true,
    write: (entity, { decimal }) => {
      const value = get(entity);
      return value === undefined ? undefined : writeNumber(value, decimal);
    },
    read: (text, draft, { decimal }) => {
      const trimmed = text.trim();
      const value = readNumber(suffix !== undefined && trimmed.endsWith(suffix) ? trimmed.slice(0, -suffix.length) : trimmed, decimal);
      if (value === undefined) return `expected a number such as ${decimal === ',' ? '12,5' : '12.5'}, got '${trimmed}'`;
      draft[headers.key] = value;
      return undefined;
    },
  };
}

/**
 * Money in decimal major units with exactly the currency's digits (`1250.00` CNY, `1500` JPY),
 * read with the row's `currency` column; more digits than the currency has are refused.
 */
export function moneyColumn<E extends { readonly currency: string }>(headers: Headers, get: (entity: E) => number | undefined): Column<E> {
  return {
    ...headers,
    numeric: true,
    write: (entity, { decimal }) => {
      const amount = get(entity);
      if (amount === undefined) return undefined;
      const text = toDecimalString({ amount, currency: entity.currency });
      return decimal === ',' ? text.replace('.', ',') : text;
    },
    read: (text, draft, row) => readMoneyCell(text, row.text('currency'), row.decimal, (amount) => void (draft[headers.key] = amount)),
  };
}

/** Reads an amount in major units of `currency` and hands over its minor units. */
export function readMoneyCell(text: string, currency: string | undefined, decimal: '.' | ',', set: (amount: number) => void): string | typeof SKIPPED | undefined {
  // The currency column reports a missing or unknown code; the amount cannot be read without it.
  if (currency === undefined) return SKIPPED;
  const plain = decimal === ',' ? text.trim().replace(',', '.') : text.trim();
  try {
    set(moneyFromDecimal(plain, currency).amount);
    return undefined;
  } catch (error) {
    if (!isCampaignKitError(error)) throw error;
    if (error.code === 'LIMIT_EXCEEDED') return `the amount '${text.trim()}' is too large to hold exactly`;
    const issue = error.details.issues?.[0];
    return issue?.path[0] === 'currency' ? SKIPPED : (issue?.message ?? error.message);
  }
}

const YES = new Set(['yes', 'y', 'true', '1', '是']);
const NO = new Set(['no', 'n', 'false', '0', '否']);

/** Yes/No (是/否 in Chinese); reads yes, no, true, false, 1, 0, 是, 否 in any case. */
export function booleanColumn<E>(headers: Headers, get: (entity: E) => boolean | undefined): Column<E> {
  return {
    ...headers,
    write: (entity, { language }) => {
      const value = get(entity);
      if (value === undefined) return undefined;
      return language === 'zh-CN' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
    },
    read: (text, draft) => {
      const word = text.trim().toLowerCase();
      if (YES.has(word)) draft[headers.key] = true;
      else if (NO.has(word)) draft[headers.key] = false;
      else return `expected Yes or No (是 or 否), got '${text.trim()}'`;
      return undefined;
    },
  };
}

/**
 * A list of short texts (assignees, tags) in one cell, separated by `, `. A comma or a backslash in
 * an item is written with a backslash before it; items are read trimmed and empty ones dropped.
 */
export function listColumn<E>(headers: Headers, get: (entity: E) => readonly string[]): Column<E> {
  return {
    ...headers,
    write: (entity) => {
      const items = get(entity);
      return items.length === 0 ? undefined : items.map((item) => item.replace(/[\\,]/g, (c) => `\\${c}`)).join(', ');
    },
    read: (text, draft) => void (draft[headers.key] = splitList(text)),
  };
}

/** The items of a list cell. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\\' && i + 1 < text.length) current += text.charAt(++i);
    else if (c === ',') (items.push(current), (current = ''));
    else current += c;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
