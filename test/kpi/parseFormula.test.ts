import { describe, expect, it } from 'vitest';
import { formatFormula } from '../../src/kpi/formatFormula.js';
import { FORMULA_LIMITS, parseFormula } from '../../src/kpi/parseFormula.js';
import { errorOf } from '../_support/errors.js';

describe('parseFormula', () => {
  it('parses a division of two names with their positions', () => {
    expect(parseFormula('spend / clicks')).toEqual({
      kind: 'binary',
      operator: '/',
      position: 0,
      left: { kind: 'name', name: 'spend', position: 0 },
      right: { kind: 'name', name: 'clicks', position: 8 },
    });
  });

  it('gives * and / precedence over + and -, and associates to the left', () => {
    expect(formatFormula(parseFormula('a + b * c'))).toBe('a + b * c');
    expect(formatFormula(parseFormula('(a + b) * c'))).toBe('(a + b) * c');
    expect(formatFormula(parseFormula('a - b - c'))).toBe('a - b - c');
    expect(formatFormula(parseFormula('a - (b - c)'))).toBe('a - (b - c)');
    expect(formatFormula(parseFormula('a / b / c'))).toBe('a / b / c');
    expect(formatFormula(parseFormula('((revenue - (cost))) / cost'))).toBe('(revenue - cost) / cost');
  });

  it('reads the typographic signs × ÷ − as * / -', () => {
    expect(formatFormula(parseFormula('spend ÷ impressions × 1000'))).toBe('spend / impressions * 1000');
    expect(formatFormula(parseFormula('revenue − cost'))).toBe('revenue - cost');
  });

  it('parses numbers with decimals and exponents, and unary signs', () => {
    expect(parseFormula('0.5')).toEqual({ kind: 'number', value: 0.5, position: 0 });
    expect(parseFormula('.25')).toEqual({ kind: 'number', value: 0.25, position: 0 });
    expect(parseFormula('1e3')).toEqual({ kind: 'number', value: 1000, position: 0 });
    expect(parseFormula('-clicks')).toEqual({ kind: 'negate', position: 0, operand: { kind: 'name', name: 'clicks', position: 1 } });
    expect(parseFormula('+clicks')).toEqual({ kind: 'name', name: 'clicks', position: 1 });
  });

  it('parses min, max and if with a comparison as condition', () => {
    expect(formatFormula(parseFormula('min(a, b, 3)'))).toBe('min(a, b, 3)');
    expect(formatFormula(parseFormula('if(clicks > 0, spend / clicks, 0)'))).toBe('if(clicks > 0, spend / clicks, 0)');
    for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
      expect(parseFormula(`if(a ${op} b, 1, 2)`)).toMatchObject({ kind: 'call', name: 'if', args: [{ kind: 'compare', operator: op }, {}, {}] });
    }
  });

  it('rejects a formula that ends too early, pointing at the end', () => {
    const error = errorOf(() => parseFormula('clicks / '), 'PARSE');
    expect(error.details).toMatchObject({ formula: 'clicks / ', position: 9 });
    expect(error.message).toBe('Cannot use formula "clicks / " at position 9: expected a number, a name or "(" but found the end of the formula');
  });

  it.each([
    ['clicks impressions', 7, 'expected an operator but found name "impressions"'],
    ['(clicks / impressions', 21, 'expected ")" to close the "(" at position 0'],
    ['clicks / impressions)', 20, 'expected an operator but found ")"'],
    ['spend = 3', 6, 'unexpected character "=" (write == to compare)'],
    ['ctr * 100%', 9, 'unexpected character "%"'],
    ['Clicks / impressions', 0, 'names are lower case; write "clicks"'],
    ['sum(a, b)', 0, 'unknown function "sum"; available: min, max, if'],
    ['MAX(a, b)', 0, 'unknown function "MAX"; write "max"'],
    ['if(a > b, 1)', 0, 'if takes 3 arguments'],
    ['min(a)', 0, 'min takes at least 2 arguments'],
    ['a > b', 0, 'a comparison can only be the condition of if'],
    ['if(a, 1, 2)', 3, 'the condition of if(…) must be a comparison'],
    ['if(a < b < c, 1, 2)', 9, 'comparisons cannot be chained'],
    ['1 + (a > b)', 5, 'a comparison can only be the condition of if'],
    ['   ', 0, 'the formula is empty'],
    ['eval(1)', 0, 'unknown function "eval"'],
    ['constructor(a, b)', 0, 'unknown function "constructor"'],
    ['eval("1")', 5, 'unexpected character """'],
    ['a; b', 1, 'unexpected character ";"'],
  ])('rejects %j at position %i', (formula, position, message) => {
    const error = errorOf(() => parseFormula(formula), 'PARSE');
    expect(error.details.position).toBe(position);
    expect(error.message).toContain(message);
  });

  it('refuses formulas longer than the limit and nesting deeper than the limit', () => {
    const long = 'a + '.repeat(FORMULA_LIMITS.maxLength / 4) + 'a';
    expect(errorOf(() => parseFormula(long), 'PARSE').message).toContain(`longer than ${FORMULA_LIMITS.maxLength} characters`);
    const deep = '('.repeat(FORMULA_LIMITS.maxDepth + 1) + 'a' + ')'.repeat(FORMULA_LIMITS.maxDepth + 1);
    expect(errorOf(() => parseFormula(deep), 'PARSE').message).toContain(`nesting deeper than ${FORMULA_LIMITS.maxDepth} levels`);
    const ok = '('.repeat(FORMULA_LIMITS.maxDepth) + 'a' + ')'.repeat(FORMULA_LIMITS.maxDepth);
    expect(parseFormula(ok)).toEqual({ kind: 'name', name: 'a', position: FORMULA_LIMITS.maxDepth });
    expect(errorOf(() => parseFormula('-'.repeat(40) + 'a'), 'PARSE').message).toContain('nesting deeper');
  });
});
