/** Number formatting for the report's tables and chart titles (fixed, locale-independent). */

/** A metric value with 4 decimals (0.9737), or grouped digits for large values (12,345.6). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return groupDigits(value.toFixed(1).replace(/\.0$/, ''));
  return value.toFixed(4);
}

/** A threshold or probability with at most 4 decimals and no trailing zeros: 0.41, 0.3275. */
export function formatShort(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(4)));
}

/** A count with thousands separators: 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return groupDigits(String(Math.round(value)));
}

/** A fraction as a percentage with one decimal: 0.4567 → "45.7%". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function groupDigits(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
