import { DEFAULT_DURATION_SETTINGS } from '../../calendar/duration.js';

const DAY = DEFAULT_DURATION_SETTINGS.minutesPerDay;

/** Working minutes written in the largest whole unit: `'3d'`, `'4h'` or `'90m'` (8-hour days). */
export function formatMinutes(minutes: number): string {
  if (minutes % DAY === 0) return `${minutes / DAY}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
