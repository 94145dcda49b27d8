import { ratAdd, ratCompare, ratDiv, ratFromNumber, ratMul, ratSub, type Rational } from './_rational.js';
import { formatFormula } from './formatFormula.js';
import type { FormulaNode } from './parseFormula.js';
import type { MetricNullReason } from './metricResult.js';

/** The exact value of a formula, or why it has none. */
export type Evaluation = { readonly ok: true; readonly value: Rational } | { readonly ok: false; readonly reason: MetricNullReason };

/** Looks up the value of a name in a formula (an input or another metric). */
export type NameLookup = (name: string) => Evaluation;

function holds(operator: string, order: -1 | 0 | 1): boolean {
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '==':
      return order === 0;
    default:
      return order !== 0;
  }
}

function divide(left: Rational, right: Rational, denominator: FormulaNode): Evaluation {
  const value = ratDiv(left, right);
  if (value) return { ok: true, value };
  const text = formatFormula(denominator);
  return { ok: false, reason: { code: 'DIVISION_BY_ZERO', denominator: text, message: `division by zero: ${text} is 0` } };
}

/**
 * Evaluates a type-checked formula exactly. `if` evaluates only the branch its condition picks,
 * so `if(clicks > 0, spend / clicks, 0)` never divides by zero.
 */
export function evaluate(node: FormulaNode, lookup: NameLookup): Evaluation {
  switch (node.kind) {
    case 'number':
      return { ok: true, value: ratFromNumber(node.value) };
    case 'name':
      return lookup(node.name);
    case 'negate': {
      const operand = evaluate(node.operand, lookup);
      return operand.ok ? { ok: true, value: { num: -operand.value.num, den: operand.value.den } } : operand;
    }
    case 'binary': {
      const left = evaluate(node.left, lookup);
      if (!left.ok) return left;
      const right = evaluate(node.right, lookup);
      if (!right.ok) return right;
      if (node.operator === '/') return divide(left.value, right.value, node.right);
      const combine = node.operator === '+' ? ratAdd : node.operator === '-' ? ratSub : ratMul;
      return { ok: true, value: combine(left.value, right.value) };
    }
    case 'call': {
      if (node.name === 'if') {
        const [condition, then, otherwise] = node.args;
        if (!condition || !then || !otherwise) throw new RangeError('if() needs three arguments');
        const chosen = evaluateCondition(condition, lookup);
        if (typeof chosen !== 'boolean') return chosen;
        return evaluate(chosen ? then : otherwise, lookup);
      }
      let best: Rational | undefined;
      for (const arg of node.args) {
        const value = evaluate(arg, lookup);
        if (!value.ok) return value;
        const order = best === undefined ? 0 : ratCompare(value.value, best);
        if (best === undefined || (node.name === 'min' ? order < 0 : order > 0)) best = value.value;
      }
      if (best === undefined) throw new RangeError(`${node.name}() needs arguments`);
      return { ok: true, value: best };
    }
    case 'compare':
      throw new RangeError('a comparison is only allowed as the condition of if()');
  }
}

function evaluateCondition(node: FormulaNode, lookup: NameLookup): boolean | Evaluation {
  if (node.kind !== 'compare') throw new RangeError('the condition of if() must be a comparison');
  const left = evaluate(node.left, lookup);
  if (!left.ok) return left;
  const right = evaluate(node.right, lookup);
  if (!right.ok) return right;
  return holds(node.operator, ratCompare(left.value, right.value));
}
