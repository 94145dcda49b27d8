import type { DurationUnit } from '../../model/primitives.js';

const ISO = /^-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Minutes in an MSPDI ISO 8601 duration such as `PT8H0M0S` (days count as 24 h). */
export function parseIsoDuration(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, min, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  if ((y ?? 0) !== 0 || (mo ?? 0) !== 0) return undefined;
  const minutes = (d ?? 0) * 1440 + (h ?? 0) * 60 + (min ?? 0) + (s ?? 0) / 60;
  return text.trim().startsWith('-') ? -minutes : minutes;
}

/** `PT#H#M#S` for a number of minutes. */
export function formatIsoDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const total = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}PT${h}H${m}M${s}S`;
}

const UNIT_MINUTES: Readonly<Partial<Record<DurationUnit, number>>> = { m: 1, em: 1, h: 60, eh: 60, ed: 1440, ew: 10080, emo: 43200 };

/**
 * A duration string in `unit` when it comes out to at most three decimals (so `'1d'`, `'1.5d'`,
 * `'2w'` survive a round trip), else in minutes (`'90m'`, elapsed `'90em'`). Working days, weeks and
 * months use the project's lengths.
 */
export function formatMinutes(minutes: number, unit: DurationUnit, lengths: { minutesPerDay: number; minutesPerWeek: number; daysPerMonth: number }): string {
  const size =
    unit === 'd' ? lengths.minutesPerDay : unit === 'w' ? lengths.minutesPerWeek : unit === 'mo' ? lengths.minutesPerDay * lengths.daysPerMonth : (UNIT_MINUTES[unit] ?? 1);
  const thousandths = (minutes / size) * 1000;
  if (Math.abs(thousandths - Math.round(thousandths)) < 1e-6) return `${Math.round(thousandths) / 1000}${unit}`;
  return `${Math.round(minutes * 1000) / 1000}${unit.startsWith('e') ? 'em' : 'm'}`;
}
