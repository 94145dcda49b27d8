import { invalidField } from '../core/validate.js';
import { defaultMetricRegistry, type MetricRegistry } from './createMetricRegistry.js';

/**
 * The registry an options argument names, or {@link defaultMetricRegistry} when it names none.
 * Only the shape is checked (an object with `get`, `resolve` and `list`): a registry from
 * `createMetricRegistry` always passes.
 *
 * @throws CampaignKitError `VALIDATION` when the options are not an object or `registry` is not a
 * registry.
 */
export function registryOption(options: unknown): MetricRegistry {
  if (options === undefined) return defaultMetricRegistry;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw invalidField('options', [], 'expected an options object');
  const registry: unknown = (options as { readonly registry?: unknown }).registry;
  if (registry === undefined) return defaultMetricRegistry;
  const r = registry as Partial<Record<keyof MetricRegistry, unknown>> | null;
  if (typeof r !== 'object' || r === null || typeof r.get !== 'function' || typeof r.resolve !== 'function' || typeof r.list !== 'function') {
    throw invalidField('options', ['registry'], 'expected a metric registry from createMetricRegistry');
  }
  return registry as MetricRegistry;
}
