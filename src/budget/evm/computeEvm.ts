import * as z from 'zod';
import { divideMinor } from '../../core/money.js';
import { parseInput } from '../../core/validate.js';

const Amount = z.int('an amount must be an integer (minor units, or whole units used consistently)').min(0, 'an amount cannot be negative');

/** The four earned-value inputs, integers in one unit (minor units of the campaign's currency). */
export const EvmInputSchema = z
  .object({
    /** Budget at completion: the total planned cost. */
    bac: Amount,
    /** Planned value: the budget of the work scheduled up to the status date. */
    pv: Amount,
    /** Earned value: the budget of the work actually done by the status date. */
    ev: Amount,
    /** Actual cost of the work done by the status date. */
    ac: Amount,
  })
  .refine((i) => i.pv <= i.bac, { message: 'PV cannot exceed BAC (no more can be planned than the whole budget)', path: ['pv'] })
  .refine((i) => i.ev <= i.bac, { message: 'EV cannot exceed BAC (no more can be earned than the whole budget)', path: ['ev'] });
/** See {@link EvmInputSchema}. */
export type EvmInput = z.input<typeof EvmInputSchema>;

/** The metrics that can be `null`, as keys of {@link EvmResult.reasons}. */
export type EvmNullable = 'spi' | 'cpi' | 'svPercent' | 'cvPercent' | 'eac.cpi' | 'eac.composite' | 'etc' | 'vac' | 'vacPercent' | 'tcpi.bac' | 'tcpi.eac';

/**
 * Earned-value metrics. Amounts are integers in the input's unit (derived ones rounded half to
 * even); ratios and percentages are plain numbers at full precision, percentages as fractions
 * (−0.2 = −20 %). A metric that would divide by zero is `null`, and `reasons` says why.
 */
export interface EvmResult {
  /** Planned value. */
  readonly pv: number;
  /** Earned value. */
  readonly ev: number;
  /** Actual cost. */
  readonly ac: number;
  /** Schedule variance SV = EV − PV (negative: behind schedule). */
  readonly sv: number;
  /** Cost variance CV = EV − AC (negative: over budget). */
  readonly cv: number;
  /** Schedule performance index SPI = EV / PV. */
  readonly spi: number | null;
  /** Cost performance index CPI = EV / AC. */
  readonly cpi: number | null;
  /** SV% = SV / PV, as a fraction. */
  readonly svPercent: number | null;
  /** CV% = CV / EV, as a fraction. */
  readonly cvPercent: number | null;
  /** Estimates at completion. */
  readonly eac: {
    /** BAC / CPI: the cost efficiency so far continues. */
    readonly cpi: number | null;
    /** AC + (BAC − EV): the remaining work is done at the budgeted rate. */
    readonly budgetRate: number;
    /** AC + (BAC − EV) / (CPI × SPI): cost and schedule efficiency both weigh on the rest. */
    readonly composite: number | null;
  };
  /** Estimate to complete ETC = EAC(cpi) − AC. */
  readonly etc: number | null;
  /** Variance at completion VAC = BAC − EAC(cpi). */
  readonly vac: number | null;
  /** VAC% = VAC / BAC, as a fraction. */
  readonly vacPercent: number | null;
  /** To-complete performance index: the CPI the remaining work needs. */
  readonly tcpi: {
    /** (BAC − EV) / (BAC − AC): to finish on the original budget. */
    readonly bac: number | null;
    /** (BAC − EV) / (EAC(cpi) − AC): to finish on the current estimate. */
    readonly eac: number | null;
  };
  /** Why each `null` metric is `null`. */
  readonly reasons: { readonly [K in EvmNullable]?: string };
}

/** The metrics of inputs already parsed (shared with the campaign engine). */
export function evmOf({ bac, pv, ev, ac }: z.output<typeof EvmInputSchema>): EvmResult {
  const reasons: { [K in EvmNullable]?: string } = {};
  const ratio = (key: EvmNullable, n: number, d: number, why: string): number | null => {
    // Normalise −0 (e.g. 0 / −100) to 0, so results compare and print as people expect.
    if (d !== 0) return n / d === 0 ? 0 : n / d;
    reasons[key] = why;
    return null;
  };
  const PV_ZERO = 'PV is zero: nothing was planned by the status date';
  const AC_ZERO = 'AC is zero: nothing has been spent yet';
  const EV_ZERO = 'EV is zero: no work has been earned yet';
  const sv = ev - pv;
  const cv = ev - ac;
  const spi = ratio('spi', ev, pv, PV_ZERO);
  const cpi = ratio('cpi', ev, ac, AC_ZERO);
  const svPercent = ratio('svPercent', sv, pv, PV_ZERO);
  const cvPercent = ratio('cvPercent', cv, ev, EV_ZERO);

  const [B, E, A, P] = [BigInt(bac), BigInt(ev), BigInt(ac), BigInt(pv)];
  let eacCpi: number | null = null;
  if (ac === 0) reasons['eac.cpi'] = `CPI is undefined (${AC_ZERO})`;
  else if (ev === 0) reasons['eac.cpi'] = `CPI is zero (${EV_ZERO}), so BAC / CPI is undefined`;
  // BAC / (EV / AC) = BAC × AC / EV, computed exactly and rounded once.
  else eacCpi = divideMinor(B * A, E);

  let composite: number | null = null;
  if (ac === 0) reasons['eac.composite'] = `CPI is undefined (${AC_ZERO})`;
  else if (pv === 0) reasons['eac.composite'] = `SPI is undefined (${PV_ZERO})`;
  else if (ev === 0) reasons['eac.composite'] = `CPI × SPI is zero (${EV_ZERO})`;
  // AC + (BAC − EV) / ((EV / AC) × (EV / PV)) = (AC × EV² + (BAC − EV) × AC × PV) / EV².
  else composite = divideMinor(A * E * E + (B - E) * A * P, E * E);

  const etc = eacCpi === null ? null : eacCpi - ac;
  const vac = eacCpi === null ? null : bac - eacCpi;
  for (const key of ['etc', 'vac'] as const) {
    if (eacCpi === null) reasons[key] = `EAC (CPI) is undefined: ${reasons['eac.cpi'] ?? ''}`;
  }
  let vacPercent: number | null = null;
  if (vac === null) reasons.vacPercent = `VAC is undefined: ${reasons['eac.cpi'] ?? ''}`;
  else vacPercent = ratio('vacPercent', vac, bac, 'BAC is zero: there is no budget');

  const tcpiBac = ratio('tcpi.bac', bac - ev, bac - ac, 'BAC − AC is zero: the whole budget is spent, so no efficiency can finish on it');
  let tcpiEac: number | null = null;
  if (etc === null) reasons['tcpi.eac'] = `ETC is undefined: ${reasons['eac.cpi'] ?? ''}`;
  else tcpiEac = ratio('tcpi.eac', bac - ev, etc, 'EAC − AC is zero: nothing is left to spend');

  return {
    pv,
    ev,
    ac,
    sv,
    cv,
    spi,
    cpi,
    svPercent,
    cvPercent,
    eac: { cpi: eacCpi, budgetRate: ac + (bac - ev), composite },
    etc,
    vac,
    vacPercent,
    tcpi: { bac: tcpiBac, eac: tcpiEac },
    reasons,
  };
}

/**
 * Earned-value metrics with the PMI / DAU definitions (PMI Practice Standard for Earned Value
 * Management; DAU EVM "gold card"). Amounts are integers — minor units of the campaign's currency,
 * or whole units if used consistently — and derived amounts (EAC, ETC, VAC) are computed exactly
 * with integer arithmetic and rounded half to even once, so EAC 833,750.00 never comes out as
 * 833,749.99. Division by zero gives `null` with a reason in `reasons`, never NaN or Infinity.
 *
 * @example
 * ```ts
 * computeEvm({ bac: 500_000, pv: 250_000, ev: 200_000, ac: 290_000 });
 * // { pv: 250000, ev: 200000, ac: 290000, sv: -50000, cv: -90000, spi: 0.8, cpi: 0.6896…,
 * //   svPercent: -0.2, cvPercent: -0.45,
 * //   eac: { cpi: 725000, budgetRate: 590000, composite: 833750 }, etc: 435000, vac: -225000,
 * //   vacPercent: -0.45, tcpi: { bac: 1.4285…, eac: 0.6896… }, reasons: {} }
 * ```
 */
export function computeEvm(input: EvmInput): EvmResult {
  return evmOf(parseInput(EvmInputSchema, input, 'earned-value input'));
}
