import * as z from 'zod';
import { CampaignKitError, isCampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { MetricDefinitionSchema, type MetricDefinitionInput } from '../model/kpi.js';
import { findCycle } from './_findCycle.js';
import { formulaError } from './_tokenize.js';
import { BUILT_IN_METRICS, type FrozenMetricDefinition } from './builtInMetrics.js';
import { parseFormula, type FormulaNode } from './parseFormula.js';

/** A metric as a registry holds it: its definition plus what its formula was compiled to. */
export interface RegisteredMetric extends FrozenMetricDefinition {
  /** True for campaignkit's own metrics, which hosts cannot redefine. */
  readonly builtIn: boolean;
  /** The parsed formula. */
  readonly expression: FormulaNode;
  /** Ids of the metrics the formula names directly (aliases resolved). */
  readonly metricRefs: readonly string[];
  /** Every input the metric needs, directly or through the metrics it names, sorted. */
  readonly requiredInputs: readonly string[];
}

/** A frozen set of metric definitions: the built-ins plus a host's own. */
export interface MetricRegistry {
  /** Ids of every metric, built-ins first, each in definition order (aliases not included). */
  readonly ids: readonly string[];
  /** The metric with this id or alias, if any. */
  get(idOrAlias: string): RegisteredMetric | undefined;
  /** The id an id or alias stands for (`'roi_cn'` → `'roas'`), if any. */
  resolve(idOrAlias: string): string | undefined;
  /** Every metric, in the order of {@link MetricRegistry.ids}. */
  list(): readonly RegisteredMetric[];
}

/** Most custom metrics one registry accepts. */
const MAX_CUSTOM_METRICS = 500;

function deepFreeze<T>(node: T): T {
  if (typeof node === 'object' && node !== null && !Object.isFrozen(node)) {
    for (const value of Object.values(node)) deepFreeze(value);
    Object.freeze(node);
  }
  return node;
}

function namesIn(node: FormulaNode): Extract<FormulaNode, { kind: 'name' }>[] {
  switch (node.kind) {
    case 'name':
      return [node];
    case 'number':
      return [];
    case 'negate':
      return namesIn(node.operand);
    case 'binary':
    case 'compare':
      return [...namesIn(node.left), ...namesIn(node.right)];
    case 'call':
      return node.args.flatMap(namesIn);
  }
}

/** A formula's error, naming the metric; a `VALIDATION` issue's path is put under `[index, 'formula']`. */
function withMetric(error: unknown, id: string, index: number): unknown {
  if (isCampaignKitError(error, 'PARSE')) {
    return new CampaignKitError('PARSE', `Metric "${id}": ${error.message}`, { details: { ...error.details, metric: id }, cause: error });
  }
  if (isCampaignKitError(error, 'VALIDATION')) {
    const issues = (error.details.issues ?? []).map((issue) => ({ ...issue, path: [index, 'formula', ...issue.path] }));
    return new CampaignKitError('VALIDATION', `Metric "${id}": ${error.message}`, { details: { ...error.details, metric: id, issues }, cause: error });
  }
  return error;
}

function registerNames(definitions: readonly FrozenMetricDefinition[], builtInCount: number): Map<string, string> {
  const owner = new Map<string, string>();
  definitions.forEach((definition, index) => {
    for (const name of [definition.id, ...definition.aliases]) {
      const taken = owner.get(name);
      if (taken === undefined) {
        owner.set(name, definition.id);
        continue;
      }
      const takenByBuiltIn = definitions.findIndex((d) => d.id === taken) < builtInCount;
      const message =
        name === definition.id && takenByBuiltIn
          ? `Metric "${name}" is built in and cannot be redefined; give yours another id, e.g. "${name}_custom"`
          : name === definition.id
            ? `Metric id "${name}" is already taken by metric "${taken}"; metric ids and aliases must be unique`
            : `Alias "${name}" of metric "${definition.id}" is already taken by metric "${taken}"; metric ids and aliases must be unique`;
      throw new CampaignKitError('CONFLICT', message, { details: { ids: [name], index: index - builtInCount } });
    }
  });
  return owner;
}

function compile(definition: FrozenMetricDefinition, owner: ReadonlyMap<string, string>, index: number) {
  let expression: FormulaNode;
  try {
    expression = parseFormula(definition.formula);
  } catch (error) {
    throw withMetric(error, definition.id, index);
  }
  const inputs = new Set(definition.inputs);
  const directInputs = new Set<string>();
  const metricRefs = new Set<string>();
  for (const node of namesIn(expression)) {
    const metric = owner.get(node.name);
    if (inputs.has(node.name)) directInputs.add(node.name);
    else if (metric !== undefined) metricRefs.add(metric);
    else {
      const problem = `unknown name "${node.name}"; list it in inputs or define a metric with that id`;
      throw withMetric(formulaError(definition.formula, node.position, problem, { name: node.name }), definition.id, index);
    }
  }
  return { expression, directInputs, metricRefs: [...metricRefs] };
}

/**
 * Creates a registry of metric definitions: every built-in metric plus the host's own. Custom
 * formulas are parsed (never `eval`ed) and may name their declared `inputs` and any other metric,
 * built-in or custom, by id or alias. The registry and its definitions are frozen.
 *
 * @param custom - the host's metric definitions.
 * @throws CampaignKitError `VALIDATION` for a malformed definition, `CONFLICT` when an id or alias
 * is taken (a built-in cannot be redefined), `VALIDATION` with `details.metric` and the path
 * `[index, 'formula']` for a number literal beyond the range of a number, `PARSE` for a formula that does not parse or names
 * something that is neither a declared input nor a metric (`details.metric`, `details.position`),
 * and `CYCLE` when metrics depend on each other in a circle (`details.cycle`, e.g. `['a', 'b', 'a']`).
 * @example
 * ```ts
 * const registry = createMetricRegistry([
 *   { id: 'video_completion', name: 'Video completion rate', formula: 'completed_views / views',
 *     inputs: ['completed_views', 'views'], unit: 'percent', direction: 'higher' },
 * ]);
 * registry.resolve('roi_cn'); // 'roas'
 * registry.get('video_completion')?.requiredInputs; // ['completed_views', 'views']
 * createMetricRegistry([{ id: 'a', name: 'A', formula: 'b + 1', unit: 'count', direction: 'higher' },
 *                       { id: 'b', name: 'B', formula: 'a * 2', unit: 'count', direction: 'higher' }]);
 * // throws CYCLE with details.cycle ['a', 'b', 'a']
 * ```
 */
export function createMetricRegistry(custom: readonly MetricDefinitionInput[] = []): MetricRegistry {
  const parsed = parseInput(z.array(MetricDefinitionSchema).max(MAX_CUSTOM_METRICS), custom, 'metric definitions');
  const definitions: readonly FrozenMetricDefinition[] = [...BUILT_IN_METRICS, ...parsed];
  const owner = registerNames(definitions, BUILT_IN_METRICS.length);
  const compiled = new Map(definitions.map((d, i) => [d.id, compile(d, owner, i - BUILT_IN_METRICS.length)] as const));
  const ids = definitions.map((d) => d.id);

  const cycle = findCycle(ids, (id) => compiled.get(id)?.metricRefs ?? []);
  if (cycle) {
    throw new CampaignKitError('CYCLE', `Metrics depend on each other in a circle: ${cycle.join(' → ')}; break the circle`, {
      details: { cycle },
    });
  }

  const required = new Map<string, readonly string[]>();
  const requiredInputsOf = (id: string): readonly string[] => {
    const known = required.get(id);
    if (known) return known;
    const entry = compiled.get(id);
    const all = new Set(entry?.directInputs);
    for (const ref of entry?.metricRefs ?? []) for (const input of requiredInputsOf(ref)) all.add(input);
    const sorted = Object.freeze([...all].sort());
    required.set(id, sorted);
    return sorted;
  };

  const metrics = new Map<string, RegisteredMetric>();
  definitions.forEach((definition, index) => {
    const entry = compiled.get(definition.id);
    if (!entry) return;
    metrics.set(
      definition.id,
      deepFreeze({
        ...definition,
        inputs: [...definition.inputs],
        aliases: [...definition.aliases],
        builtIn: index < BUILT_IN_METRICS.length,
        expression: entry.expression,
        metricRefs: entry.metricRefs,
        requiredInputs: requiredInputsOf(definition.id),
      }),
    );
  });
  const list = Object.freeze(ids.flatMap((id) => metrics.get(id) ?? []));

  return Object.freeze({
    ids: Object.freeze(ids),
    get: (idOrAlias: string) => {
      const id = owner.get(idOrAlias);
      return id === undefined ? undefined : metrics.get(id);
    },
    resolve: (idOrAlias: string) => owner.get(idOrAlias),
    list: () => list,
  });
}

/**
 * The registry of built-in metrics only; what `computeMetrics` uses when no registry is given.
 *
 * @example
 * ```ts
 * defaultMetricRegistry.get('cpl')?.formula; // 'spend / leads'
 * ```
 */
export const defaultMetricRegistry: MetricRegistry = createMetricRegistry();
