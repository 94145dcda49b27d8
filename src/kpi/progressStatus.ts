import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { ratCompare, ratFromNumber, ratMul } from './_rational.js';

/** How an objective or key result stands against its expected pace. */
export type OkrStatus = 'onTrack' | 'atRisk' | 'offTrack' | 'unknown';

/**
 * Default pace thresholds: on track from 70 % of the expected progress, at risk from 40 %. At the
 * end of the period (expected progress 1) they are Google's grading bands as Doerr reports them:
 * 0.7–1.0 green, 0.4–0.6 yellow, 0.0–0.3 red.
 */
export const DEFAULT_OKR_THRESHOLDS = Object.freeze({ onTrack: 0.7, atRisk: 0.4 });

/** Pace thresholds as fractions of the expected progress. */
export const OkrThresholdsSchema = z
  .object({
    /** Progress at or above this share of the expected progress is on track. */
    onTrack: z.number().min(0).max(1),
    /** Progress at or above this share (and below `onTrack`) is at risk; below it, off track. */
    atRisk: z.number().min(0).max(1),
  })
  .refine((t) => t.atRisk <= t.onTrack, { message: 'atRisk must not be above onTrack', path: ['atRisk'] });
/** Pace thresholds. */
export type OkrThresholds = z.input<typeof OkrThresholdsSchema>;

const ProgressPairSchema = z.object({
  /** Progress 0–1, or `null` when unknown. */
  progress: z.number().min(0).max(1).nullable(),
  /** Expected progress 0–1. */
  expected: z.number().min(0).max(1),
});

/**
 * Labels progress against the expected pace: on track when `progress ≥ onTrack × expected`, at
 * risk when `progress ≥ atRisk × expected`, off track below; `unknown` without progress. Nothing
 * is expected before the period starts, so any progress is then on track.
 *
 * @example
 * ```ts
 * progressStatus(0.4, 0.5); // 'onTrack'  (0.4 ≥ 0.7 × 0.5)
 * progressStatus(0.3, 0.5); // 'atRisk'   (0.3 ≥ 0.4 × 0.5)
 * progressStatus(0.5, 1);   // 'atRisk'   (end of period: yellow)
 * progressStatus(0.1, 0.5); // 'offTrack'
 * ```
 */
export function progressStatus(progress: number | null, expected: number, thresholds: OkrThresholds = DEFAULT_OKR_THRESHOLDS): OkrStatus {
  const { onTrack, atRisk } = parseInput(OkrThresholdsSchema, thresholds, 'thresholds');
  const checked = parseInput(ProgressPairSchema, { progress, expected }, 'progress');
  if (checked.progress === null) return 'unknown';
  const actual = ratFromNumber(checked.progress);
  const pace = ratFromNumber(checked.expected);
  if (ratCompare(actual, ratMul(ratFromNumber(onTrack), pace)) >= 0) return 'onTrack';
  return ratCompare(actual, ratMul(ratFromNumber(atRisk), pace)) >= 0 ? 'atRisk' : 'offTrack';
}
