import { LINK_TYPES, type LinkType } from '../../model/dependency.js';
import type { DurationInput, DurationUnit } from '../../model/primitives.js';

/**
 * Predecessors in Microsoft Project's notation: the predecessor's row ID, the link type and the
 * lag, items separated by commas: `3`, `3FS+2d`, `2SS`, `4FF-1d`, `5SF+50%`, `3FS+2d,5`. A
 * finish-to-start link without lag is the bare number, as Project writes it.
 *
 * Read leniently: spaces anywhere, any case (`3 fs + 2 days`), `;` (or the full-width `，` `；`)
 * between items, a lag without a unit in days (`3FS+2`, Project's default unit), and the unit
 * names below.
 */

/** A predecessor as the notation names it. */
export interface PredecessorRef {
  /** The predecessor's row ID. */
  readonly row: number;
  /** Link type. */
  readonly type: LinkType;
  /** Lag (negative for a lead) as the model writes it: `'2d'`, `'-1d'`, `'50%'`, `'0d'`. */
  readonly lag: string;
}

const UNITS: Readonly<Record<string, DurationUnit>> = {
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm', 分钟: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', 小时: 'h',
  d: 'd', day: 'd', days: 'd', 天: 'd', 工作日: 'd',
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w', 周: 'w',
  mo: 'mo', mon: 'mo', month: 'mo', months: 'mo', 月: 'mo',
  em: 'em', eh: 'eh', ed: 'ed', ew: 'ew', emo: 'emo',
  '%': '%', 'e%': 'e%',
};

const LAG = /^([+-]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(\S*)$/;

/** A lag as a signed amount and a canonical unit, or undefined when it is not one. */
export function lagParts(lag: DurationInput): { readonly value: number; readonly unit: DurationUnit } | undefined {
  if (typeof lag !== 'string') return { value: lag.value, unit: lag.unit };
  const m = LAG.exec(lag.trim());
  const unit = m?.[3] === '' ? 'd' : UNITS[(m?.[3] ?? '').toLowerCase()];
  if (m === null || unit === undefined) return undefined;
  const value = Number(m[2]);
  return { value: m[1] === '-' && value !== 0 ? -value : value, unit };
}

/** One link in the notation: `3`, `3SS`, `3FS+2d`, `4FF-1d`. */
export function formatPredecessor(row: number, type: LinkType, lag: DurationInput): string {
  const parts = lagParts(lag);
  if (parts === undefined || parts.value === 0) return type === 'FS' ? `${row}` : `${row}${type}`;
  return `${row}${type}${parts.value > 0 ? '+' : ''}${parts.value}${parts.unit}`;
}

const ITEM = /^(\d+)\s*([a-z]{2})?\s*(.*)$/i;

/** The links of a predecessors cell, or a message naming the item that is not one. */
export function parsePredecessors(text: string): PredecessorRef[] | string {
  const refs: PredecessorRef[] = [];
  for (const raw of text.split(/[,;，；]/)) {
    const item = raw.trim();
    if (item === '') continue;
    const m = ITEM.exec(item);
    const type = (m?.[2] ?? 'FS').toUpperCase();
    const rest = (m?.[3] ?? '').trim();
    const lag = rest === '' ? { value: 0, unit: 'd' as const } : /^[+-]/.test(rest) ? lagParts(rest) : undefined;
    if (m === null || !isLinkType(type) || lag === undefined) {
      return `'${item}' is not a predecessor: expected a row ID with an optional type and lag, such as 3, 3FS+2d, 2SS or 4FF-1d`;
    }
    refs.push({ row: Number(m[1]), type, lag: `${lag.value}${lag.unit}` });
  }
  return refs;
}

function isLinkType(type: string): type is LinkType {
  return (LINK_TYPES as readonly string[]).includes(type);
}
