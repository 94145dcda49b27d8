import { CampaignKitError } from '../core/errors.js';
import { ratAdd, ratCompare, ratDiv, ratFromNumber, ratMul, ratSub, type Rational } from './_rational.js';
import { formatFormula } from './formatFormula.js';
import { FORMULA_LIMITS, type FormulaNode } from './parseFormula.js';
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

const SIZE_LIMIT = 1n << BigInt(FORMULA_LIMITS.maxExactBits);

/** `value` as an evaluation, unless its numerator or denominator has more than `maxExactBits` bits. */
function bounded(value: Rational, metric: string): Evaluation {
  const magnitude = value.num < 0n ? -value.num : value.num;
  if (magnitude < SIZE_LIMIT && value.den < SIZE_LIMIT) return { ok: true, value };
  const bits = FORMULA_LIMITS.maxExactBits;
  throw new CampaignKitError(
    'LIMIT_EXCEEDED',
    `Metric "${metric}": an exact intermediate value has more than ${bits} bits (about ${Math.floor(bits * Math.log10(2))} digits) in its numerator or denominator (FORMULA_LIMITS.maxExactBits); simplify the formula`,
    { details: { metric, limit: bits } },
  );
}

function divide(left: Rational, right: Rational, denominator: FormulaNode, metric: string): Evaluation {
  const value = ratDiv(left, right);
  if (value) return bounded(value, metric);
  const text = formatFormula(denominator);
  return { ok: false, reason: { code: 'DIVISION_BY_ZERO', denominator: text, message: `division by zero: ${text} is 0` } };
}

/**
 * Evaluates a type-checked formula of `metric` exactly. `if` evaluates only the branch its
 * condition picks, so `if(clicks > 0, spend / clicks, 0)` never divides by zero.
 *
 * @throws CampaignKitError `LIMIT_EXCEEDED` naming `metric` when an intermediate value outgrows
 * `FORMULA_LIMITS.maxExactBits`.
 */
export function evaluate(node: FormulaNode, lookup: NameLookup, metric: string): Evaluation {
  switch (node.kind) {
    case 'number':
      return { ok: true, value: ratFromNumber(node.value) };
    case 'name':
      return lookup(node.name);
    case 'negate': {
      const operand = evaluate(node.operand, lookup, metric);
      return operand.ok ? { ok: true, value: { num: -operand.value.num, den: operand.value.den } } : operand;
    }
    case 'binary': {
      const left = evaluate(node.left, lookup, metric);
      if (!left.ok) return left;
      const right = evaluate(node.right, lookup, metric);
      if (!right.ok) return right;
      if (node.operator === '/') return divide(left.value, right.value, node.right, metric);
      const combine = node.operator === '+' ? ratAdd : node.operator === '-' ? ratSub : ratMul;
      return bounded(combine(left.value, right.value), metric);
    }
    case 'call': {
      if (node.name === 'if') {
        const [condition, then, otherwise] = node.args;
        if (!condition || !then || !otherwise) throw new RangeError('if() needs three arguments');
        const chosen = evaluateCondition(condition, lookup, metric);
        if (typeof chosen !== 'boolean') return chosen;
        return evaluate(chosen ? then : otherwise, lookup, metric);
      }
      let best: Rational | undefined;
      for (const arg of node.args) {
        const value = evaluate(arg, lookup, metric);
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

function evaluateCondition(node: FormulaNode, lookup: NameLookup, metric: string): boolean | Evaluation {
  if (node.kind !== 'compare') throw new RangeError('the condition of if() must be a comparison');
  const left = evaluate(node.left, lookup, metric);
  if (!left.ok) return left;
  const right = evaluate(node.right, lookup, metric);
  if (!right.ok) return right;
  return holds(node.operator, ratCompare(left.value, right.value));
}
