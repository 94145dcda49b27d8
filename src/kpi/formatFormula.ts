import { checkFormulaNode } from './_checkFormulaNode.js';
import type { FormulaNode } from './parseFormula.js';

const PRECEDENCE = { compare: 1, additive: 2, multiplicative: 3, unary: 4, atom: 5 } as const;

function precedenceOf(node: FormulaNode): number {
  switch (node.kind) {
    case 'compare':
      return PRECEDENCE.compare;
    case 'binary':
      return node.operator === '+' || node.operator === '-' ? PRECEDENCE.additive : PRECEDENCE.multiplicative;
    case 'negate':
      return PRECEDENCE.unary;
    default:
      return PRECEDENCE.atom;
  }
}

function wrap(node: FormulaNode, needsParentheses: boolean): string {
  const text = write(node);
  return needsParentheses ? `(${text})` : text;
}

/**
 * Writes a formula tree back as text with the fewest parentheses that keep its shape, so
 * `parseFormula(formatFormula(tree))` gives the same tree (positions aside). Used to name the
 * denominator when a division by zero makes a metric `null`.
 *
 * @throws CampaignKitError `VALIDATION` (with the path of the bad node) for anything but a tree
 * `parseFormula` could build, `LIMIT_EXCEEDED` for a tree of more nodes than
 * `FORMULA_LIMITS.maxLength`.
 * @example
 * ```ts
 * formatFormula(parseFormula('(revenue - (cost)) / cost')); // '(revenue - cost) / cost'
 * formatFormula(parseFormula('a - (b - c)'));               // 'a - (b - c)'
 * ```
 */
export function formatFormula(node: FormulaNode): string {
  return write(checkFormulaNode(node));
}

function write(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'name':
      return node.name;
    case 'negate':
      return `-${wrap(node.operand, precedenceOf(node.operand) < PRECEDENCE.unary)}`;
    case 'call':
      return `${node.name}(${node.args.map(write).join(', ')})`;
    case 'binary':
    case 'compare': {
      const own = precedenceOf(node);
      // Operators associate to the left, so an equal-precedence right operand was parenthesized.
      const left = wrap(node.left, precedenceOf(node.left) < own || (node.kind === 'compare' && node.left.kind === 'compare'));
      const right = wrap(node.right, precedenceOf(node.right) <= own);
      return `${left} ${node.operator} ${right}`;
    }
  }
}
