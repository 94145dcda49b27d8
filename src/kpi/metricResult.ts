/**
 * Why a metric has no value. A metric is never NaN or Infinity: it is a number, or `null` with one
 * of these reasons.
 */
export type MetricNullReason =
  | {
      /** An input the formula needs (directly or through another metric) was not given. */
      readonly code: 'MISSING_INPUT';
      /** The missing inputs, sorted. */
      readonly inputs: readonly string[];
      /** A sentence naming them. */
      readonly message: string;
    }
  | {
      /** A denominator was zero (e.g. CPC with no clicks). */
      readonly code: 'DIVISION_BY_ZERO';
      /** The denominator as written in the formula, e.g. `clicks`. */
      readonly denominator: string;
      /** A sentence naming it. */
      readonly message: string;
    }
  | {
      /** A metric the formula names has no value itself. */
      readonly code: 'METRIC_UNAVAILABLE';
      /** That metric's id. */
      readonly metric: string;
      /** Why it has no value. */
      readonly cause: MetricNullReason;
      /** A sentence naming it and its reason. */
      readonly message: string;
    }
  | {
      /** The exact result is too large for a JavaScript number. */
      readonly code: 'OUT_OF_RANGE';
      /** A sentence saying so. */
      readonly message: string;
    };

/** A metric's value, or `null` with the reason. */
export type MetricResult =
  | { readonly value: number; readonly reason?: undefined }
  | { readonly value: null; readonly reason: MetricNullReason };
