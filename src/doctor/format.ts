/** A number in three significant digits, without exponent noise for ordinary magnitudes (1000, 0.0512). */
export function short(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-4)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}
