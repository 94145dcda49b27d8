import { invalidField } from '../core/validate.js';
import { formulaError, tokenize, type Operator, type Token } from './_tokenize.js';

/** Arithmetic operators of a formula. */
export type ArithmeticOperator = '+' | '-' | '*' | '/';
/** Comparison operators, allowed only in the condition of `if(…)`. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** The functions a formula may call. */
export type FormulaFunction = 'min' | 'max' | 'if';

/**
 * A parsed formula. Every node records `position`, the 0-based index in the source where it
 * starts, so later checks (an unknown name, say) can point at it. Number literals are never
 * negative: `-2` parses as `negate(2)`.
 */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'name'; readonly name: string; readonly position: number }
  | { readonly kind: 'negate'; readonly operand: FormulaNode; readonly position: number }
  | {
      readonly kind: 'binary';
      readonly operator: ArithmeticOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly position: number;
    }
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly position: number;
    }
  | { readonly kind: 'call'; readonly name: FormulaFunction; readonly args: readonly FormulaNode[]; readonly position: number };

/** Limits that keep a hostile or accidental formula from exhausting the stack, the memory or the CPU. */
export const FORMULA_LIMITS = {
  /** Longest accepted formula, in characters. */
  maxLength: 2000,
  /** Deepest accepted nesting of parentheses, calls and unary signs. */
  maxDepth: 32,
  /**
   * Most bits the numerator or the denominator of an exact intermediate value may have (4096 bits
   * is about 1233 decimal digits). Any double fits in about 1100 bits, so only formulas that
   * multiply many extreme values, or metrics that square each other level after level, reach it;
   * evaluating one is a `LIMIT_EXCEEDED` error naming the metric.
   */
  maxExactBits: 4096,
} as const;

const FUNCTIONS: ReadonlyMap<string, FormulaFunction> = new Map([
  ['min', 'min'],
  ['max', 'max'],
  ['if', 'if'],
]);
const COMPARISONS: readonly ComparisonOperator[] = ['<', '<=', '>', '>=', '==', '!='];
const LOWER_NAME = /^[a-z_][a-z0-9_]*$/;

function describe(token: Token): string {
  if (token.type === 'end') return 'the end of the formula';
  return token.type === 'name' ? `name "${token.text}"` : `"${token.text}"`;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly formula: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): FormulaNode {
    const node = this.comparison();
    const next = this.peek();
    if (next.type !== 'end') throw this.fail(next, `expected an operator but found ${describe(next)}`);
    this.checkTypes(node, 'number');
    return node;
  }

  private peek(): Token {
    // The token list always ends with an `end` token, which is never consumed past.
    return this.tokens[Math.min(this.index, this.tokens.length - 1)];
  }

  private take(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private isOperator(...texts: readonly Operator[]): boolean {
    const token = this.peek();
    return token.type === 'operator' && texts.includes(token.text);
  }

  /** Consumes the next token if it is one of `operators`, and returns it. */
  private accept<T extends Operator>(...operators: readonly T[]): T | undefined {
    const token = this.peek();
    const match = token.type === 'operator' ? operators.find((op) => op === token.text) : undefined;
    if (match !== undefined) this.take();
    return match;
  }

  private fail(token: Token, problem: string) {
    return formulaError(this.formula, token.position, problem, { found: token.text });
  }

  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > FORMULA_LIMITS.maxDepth) {
      throw formulaError(this.formula, token.position, `nesting deeper than ${FORMULA_LIMITS.maxDepth} levels`);
    }
  }

  private comparison(): FormulaNode {
    const left = this.additive();
    const operator = this.accept(...COMPARISONS);
    if (operator === undefined) return left;
    const right = this.additive();
    if (this.isOperator(...COMPARISONS)) {
      throw this.fail(this.peek(), 'comparisons cannot be chained; compare two values at a time');
    }
    return { kind: 'compare', operator, left, right, position: left.position };
  }

  private additive(): FormulaNode {
    let node = this.term();
    for (let operator = this.accept('+', '-'); operator !== undefined; operator = this.accept('+', '-')) {
      node = { kind: 'binary', operator, left: node, right: this.term(), position: node.position };
    }
    return node;
  }

  private term(): FormulaNode {
    let node = this.unary();
    for (let operator = this.accept('*', '/'); operator !== undefined; operator = this.accept('*', '/')) {
      node = { kind: 'binary', operator, left: node, right: this.unary(), position: node.position };
    }
    return node;
  }

  private unary(): FormulaNode {
    if (!this.isOperator('-', '+')) return this.primary();
    const sign = this.take();
    this.enter(sign);
    const operand = this.unary();
    this.depth -= 1;
    return sign.text === '-' ? { kind: 'negate', operand, position: sign.position } : operand;
  }

  private primary(): FormulaNode {
    const token = this.take();
    if (token.type === 'number') return { kind: 'number', value: token.value, position: token.position };
    if (token.type === 'name') {
      if (this.isOperator('(')) return this.call(token);
      if (!LOWER_NAME.test(token.text)) {
        throw this.fail(token, `names are lower case; write "${token.text.toLowerCase()}"`);
      }
      return { kind: 'name', name: token.text, position: token.position };
    }
    if (token.type === 'operator' && token.text === '(') {
      this.enter(token);
      const inner = this.comparison();
      this.expectOperator(')', token);
      this.depth -= 1;
      return inner;
    }
    throw this.fail(token, `expected a number, a name or "(" but found ${describe(token)}`);
  }

  private call(name: Token): FormulaNode {
    const fn = FUNCTIONS.get(name.text);
    if (fn === undefined) {
      const hint = FUNCTIONS.has(name.text.toLowerCase()) ? `; write "${name.text.toLowerCase()}"` : '; available: min, max, if';
      throw this.fail(name, `unknown function "${name.text}"${hint}`);
    }
    const open = this.take();
    this.enter(open);
    const args: FormulaNode[] = [this.comparison()];
    while (this.isOperator(',')) {
      this.take();
      args.push(this.comparison());
    }
    this.expectOperator(')', open);
    this.depth -= 1;
    if (fn === 'if' && args.length !== 3) throw this.fail(name, `if takes 3 arguments (condition, then, else), got ${args.length}`);
    if (fn !== 'if' && args.length < 2) throw this.fail(name, `${fn} takes at least 2 arguments, got ${args.length}`);
    return { kind: 'call', name: fn, args, position: name.position };
  }

  private expectOperator(text: ')', opener: Token): void {
    const token = this.peek();
    if (token.type === 'operator' && token.text === text) {
      this.take();
      return;
    }
    const problem = `expected "${text}" to close the "(" at position ${opener.position} but found ${describe(token)}`;
    throw this.fail(token, problem);
  }

  // A comparison yields a truth value, not a number, so it is only meaningful as a condition.
  private checkTypes(node: FormulaNode, expected: 'number' | 'condition'): void {
    if (node.kind === 'compare') {
      if (expected === 'number') {
        throw formulaError(this.formula, node.position, 'a comparison can only be the condition of if(condition, then, else)');
      }
      this.checkTypes(node.left, 'number');
      this.checkTypes(node.right, 'number');
      return;
    }
    if (expected === 'condition') {
      throw formulaError(this.formula, node.position, 'the condition of if(…) must be a comparison such as clicks > 0');
    }
    if (node.kind === 'negate') this.checkTypes(node.operand, 'number');
    else if (node.kind === 'binary') {
      this.checkTypes(node.left, 'number');
      this.checkTypes(node.right, 'number');
    } else if (node.kind === 'call') {
      node.args.forEach((arg, i) => this.checkTypes(arg, node.name === 'if' && i === 0 ? 'condition' : 'number'));
    }
  }
}

/**
 * Parses a metric formula into a syntax tree, without evaluating anything: the parser is written
 * by hand and never calls `eval` or `Function`. A formula may use numbers, names of inputs or
 * metrics (lower case), `+ - * /` (also `× ÷ −`), parentheses, `min(a, b, …)`, `max(a, b, …)` and
 * `if(condition, then, else)`, whose condition compares two values with `< <= > >= == !=`.
 *
 * @throws CampaignKitError `VALIDATION` when `formula` is not a string or holds a number literal
 * beyond the range of a number (`1e400`; `details.position` as for `PARSE`); `PARSE` with `details.position` (0-based) and `details.formula` when the
 * text is not a formula, is longer than {@link FORMULA_LIMITS}.maxLength or nests deeper than
 * {@link FORMULA_LIMITS}.maxDepth.
 * @example
 * ```ts
 * parseFormula('spend / clicks');
 * // { kind: 'binary', operator: '/', position: 0,
 * //   left: { kind: 'name', name: 'spend', position: 0 },
 * //   right: { kind: 'name', name: 'clicks', position: 8 } }
 * parseFormula('clicks / ');
 * // throws PARSE: Cannot use formula "clicks / " at position 9: expected a number, a name or
 * //   "(" but found the end of the formula
 * ```
 */
export function parseFormula(formula: string): FormulaNode {
  if (typeof formula !== 'string') throw invalidField('formula', [], 'expected the formula as a string');
  if (formula.length > FORMULA_LIMITS.maxLength) {
    throw formulaError(formula.slice(0, 40) + '…', FORMULA_LIMITS.maxLength, `longer than ${FORMULA_LIMITS.maxLength} characters`);
  }
  if (formula.trim() === '') throw formulaError(formula, 0, 'the formula is empty');
  return new Parser(formula, tokenize(formula)).parse();
}
