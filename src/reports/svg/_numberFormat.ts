/**
 * A number for an axis or a tooltip: fixed `decimals` (at most 2 are shown), thousands grouped with
 * commas, `prefix` and `suffix` around it (`¥1,200`, `45%`). Written by hand rather than with
 * `Intl`, so the text does not depend on the host's locale data.
 */
export function formatNumber(value: number, decimals: number, prefix = '', suffix = ''): string {
  const fixed = Math.abs(value).toFixed(Math.min(2, Math.max(0, decimals)));
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${prefix}${grouped}${fraction === undefined ? '' : `.${fraction}`}${suffix}`;
}


/** `value` with the decimals it needs, at most two (`8` → `8`, `1.5` → `1.5`), for tooltips. */
export function formatValue(value: number, prefix = '', suffix = ''): string {
  const text = (Math.round(Math.abs(value) * 100) / 100).toFixed(2);
  const decimals = text.endsWith('00') ? 0 : text.endsWith('0') ? 1 : 2;
  return formatNumber(value, decimals, prefix, suffix);
}
