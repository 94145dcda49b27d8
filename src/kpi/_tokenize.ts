import { CampaignKitError } from '../core/errors.js';

/** One lexical token of a formula; `position` is the 0-based index of its first character. */
export type Token =
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly type: 'name'; readonly text: string; readonly position: number }
  | { readonly type: 'operator'; readonly text: Operator; readonly position: number }
  | { readonly type: 'end'; readonly text: ''; readonly position: number };

/** The operators and punctuation a formula may contain, after normalizing `×`, `÷` and `−`. */
export type Operator = '+' | '-' | '*' | '/' | '(' | ')' | ',' | '<' | '<=' | '>' | '>=' | '==' | '!=';

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const WHITESPACE = /\s/;

// Marketers paste formulas from documents, where the typographic signs are common.
const SINGLE: ReadonlyMap<string, Operator> = new Map([
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'],
  ['*', '*'],
  ['\u00d7', '*'],
  ['/', '/'],
  ['\u00f7', '/'],
  ['(', '('],
  [')', ')'],
  [',', ','],
  ['<', '<'],
  ['>', '>'],
]);
const DOUBLE: ReadonlyMap<string, Operator> = new Map([
  ['<=', '<='],
  ['>=', '>='],
  ['==', '=='],
  ['!=', '!='],
]);

/** A `PARSE` error pointing at `position` in `formula`. */
export function formulaError(formula: string, position: number, problem: string, extra: Record<string, unknown> = {}): CampaignKitError {
  return new CampaignKitError('PARSE', `Cannot use formula "${formula}" at position ${position}: ${problem}`, {
    details: { formula, position, ...extra },
  });
}

/**
 * A `VALIDATION` error for a literal a number cannot hold (`1e400`, or `1e-400`, which would
 * silently become 0): formulas are exact, so it is refused rather than rounded to Infinity or 0.
 */
function literalOutOfRange(formula: string, position: number, text: string): CampaignKitError {
  const message = `the number ${text} is beyond the range of a number (magnitudes from 5e-324 to 1.7976931348623157e308)`;
  return new CampaignKitError('VALIDATION', `Cannot use formula "${formula}" at position ${position}: ${message}`, {
    details: { issues: [{ path: [], message, code: Number(text) === 0 ? 'too_small' : 'too_big' }], formula, position, found: text },
  });
}

function sticky(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/**
 * Splits a formula into tokens, ending with an `end` token; throws `PARSE` on a stray character and
 * `VALIDATION` on a number literal beyond the range of a number.
 */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < formula.length) {
    const char = formula.charAt(at);
    if (WHITESPACE.test(char)) {
      at += 1;
      continue;
    }
    const number = sticky(NUMBER, formula, at);
    if (number !== undefined) {
      const value = Number(number);
      if (!Number.isFinite(value) || (value === 0 && /[1-9]/.test(number.split(/[eE]/)[0] ?? ''))) throw literalOutOfRange(formula, at, number);
      tokens.push({ type: 'number', value, text: number, position: at });
      at += number.length;
      continue;
    }
    const name = sticky(NAME, formula, at);
    if (name !== undefined) {
      tokens.push({ type: 'name', text: name, position: at });
      at += name.length;
      continue;
    }
    const double = DOUBLE.get(formula.slice(at, at + 2));
    const single = SINGLE.get(char);
    if (double !== undefined) {
      tokens.push({ type: 'operator', text: double, position: at });
      at += 2;
    } else if (single !== undefined) {
      tokens.push({ type: 'operator', text: single, position: at });
      at += 1;
    } else {
      const hint = char === '=' ? ' (write == to compare)' : char === '%' ? ' (write rates as fractions, e.g. 0.08)' : '';
      throw formulaError(formula, at, `unexpected character "${char}"${hint}`, { found: char });
    }
  }
  tokens.push({ type: 'end', text: '', position: formula.length });
  return tokens;
}
