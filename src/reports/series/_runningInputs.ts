import { CampaignKitError } from '../../core/errors.js';
import type { MeasurementGroup } from '../../kpi/aggregateMeasurements.js';
import { METRIC_INPUTS } from '../../kpi/metricInputs.js';

/**
 * The inputs summed from the first period through each one, from the periods' own sums, with the
 * rules `aggregateMeasurements` applies: an input it marks non-additive (`reach`) is kept only
 * while one measurement alone carries it, and money in two currencies is never added. Adding the
 * periods' sums, rather than summing every measurement again for every period, keeps a year of
 * daily points linear in the number of measurements.
 */
export function runningInputs(periods: readonly (MeasurementGroup | undefined)[]): Readonly<Record<string, number>>[] {
  const sums = new Map<string, number>();
  const carriers = new Map<string, number>();
  let currency: string | undefined;
  return periods.map((group) => {
    if (group !== undefined) {
      if (group.currency !== undefined && currency !== undefined && group.currency !== currency) {
        throw new CampaignKitError('CURRENCY_MISMATCH', `Measurements of ${group.period.key} are in ${group.currency} but earlier ones in ${currency}; chart one currency, or convert first`, {
          details: { currencies: [currency, group.currency] },
        });
      }
      currency = group.currency ?? currency;
      for (const [name, value] of Object.entries(group.inputs)) {
        sums.set(name, (sums.get(name) ?? 0) + value);
        carriers.set(name, (carriers.get(name) ?? 0) + 1);
      }
      // Left out of the period already: more than one measurement carried it.
      for (const name of group.unsummable) carriers.set(name, (carriers.get(name) ?? 0) + 2);
    }
    const inputs: Record<string, number> = {};
    for (const [name, value] of sums) {
      if (METRIC_INPUTS[name]?.additive === false && (carriers.get(name) ?? 0) > 1) continue;
      inputs[name] = value;
    }
    return inputs;
  });
}
