import type { MetricRegistry, RegisteredMetric } from '../../kpi/createMetricRegistry.js';
import { METRIC_INPUTS } from '../../kpi/metricInputs.js';
import type { FormulaNode } from '../../kpi/parseFormula.js';

type Shape = 'constant' | 'linear' | 'other';

function combine(a: Shape, b: Shape, operator: '+' | '-' | '*' | '/'): Shape {
  if (a === 'other' || b === 'other') return 'other';
  if (a === 'constant' && b === 'constant') return 'constant';
  if (operator === '+' || operator === '-') return a === b ? 'linear' : 'other';
  if (operator === '*') return a === 'constant' || b === 'constant' ? 'linear' : 'other';
  return b === 'constant' ? 'linear' : 'other';
}

function shapeOf(node: FormulaNode, metric: RegisteredMetric, registry: MetricRegistry, depth: number): Shape {
  switch (node.kind) {
    case 'number':
      return 'constant';
    case 'negate':
      return shapeOf(node.operand, metric, registry, depth);
    case 'binary':
      return combine(shapeOf(node.left, metric, registry, depth), shapeOf(node.right, metric, registry, depth), node.operator);
    case 'name': {
      if (metric.inputs.includes(node.name)) return METRIC_INPUTS[node.name]?.additive === false ? 'other' : 'linear';
      const ref = registry.get(node.name);
      // A registry has no cycles; the depth bound only guards a hand-built one.
      return ref === undefined || depth > 64 ? 'other' : shapeOf(ref.expression, ref, registry, depth + 1);
    }
    default:
      return 'other';
  }
}

/**
 * Whether a metric's values over two periods add up to its value over both: its formula is a sum
 * of additive inputs times constants (`leads`, `clicks`, `follows - unfollows`), so a target for
 * it is reached by accumulating. Ratios of inputs (`clicks / impressions`) and non-additive inputs
 * (`reach`) are not.
 */
export function accumulates(metric: RegisteredMetric, registry: MetricRegistry): boolean {
  return shapeOf(metric.expression, metric, registry, 0) === 'linear';
}
