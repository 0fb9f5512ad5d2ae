/** 10^k for k = 0…22, every one an exact double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The shortest decimal that reads back as the same float32, so predictions written to a file
 * equal the in-memory ones exactly (0.1 rather than 0.10000000149011612).
 *
 * The text is that of `formatFloat32Reference` (String(Number(value.toPrecision(d))) for the
 * fewest digits d that round-trip), computed without toPrecision for values in [1e-13, 1): the
 * d-digit candidate is n / 10^k with n = round(value · 10^k), which is the same double as the
 * parsed toPrecision text because n and 10^k are exact and the division rounds once.
 * NOTE: value · 10^k carries one rounding (relative 2^-53, below 1e-7 for n < 10^9), so a
 * product within 1e-6 of a rounding tie (or of the next power of ten) takes the reference path.
 */
export function formatFloat32(value: number): string {
  if (!(value >= 1e-13 && value < 1)) return formatFloat32Reference(value);
  let exponent = Math.floor(Math.log10(value));
  let lead = value * POWERS_OF_TEN[-exponent];
  if (lead >= 10) {
    exponent++;
    lead /= 10;
  } else if (lead < 1) {
    exponent--;
    lead *= 10;
  }
  if (lead < 1 + 1e-6 || lead > 10 - 1e-6) return formatFloat32Reference(value);
  for (let digits = 1; digits <= 9; digits++) {
    const power = POWERS_OF_TEN[digits - 1 - exponent];
    const scaled = value * power;
    const whole = Math.floor(scaled);
    const fraction = scaled - whole;
    if (Math.abs(fraction - 0.5) < 1e-6) return formatFloat32Reference(value);
    const candidate = (fraction > 0.5 ? whole + 1 : whole) / power;
    if (digits === 9 || Math.fround(candidate) === value) return String(candidate);
  }
  return formatFloat32Reference(value);
}

/** The plain definition, kept as the oracle for `formatFloat32` and for values outside its range. */
export function formatFloat32Reference(value: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(Number(value.toPrecision(9)));
}
