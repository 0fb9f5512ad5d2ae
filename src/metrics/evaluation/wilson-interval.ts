/** The 0.975 quantile of the standard normal: z of a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval (Wilson, 1927) of a proportion: `fraction` observed over `n` trials,
 * at the coverage of `z` (default 95%). Unlike the normal approximation p ± z·√(p(1−p)/n) it stays
 * inside [0, 1] and does not collapse to a point at 0 or 1: three positives out of three give
 * [0.44, 1], not [1, 1]. `n` may be fractional (an effective sample size). As statsmodels'
 * `proportion_confint(count, nobs, method='wilson')` with count = fraction · n.
 */
export function wilsonInterval(fraction: number, n: number, z = Z_95): { lower: number; upper: number } {
  const z2n = (z * z) / n;
  const center = (fraction + z2n / 2) / (1 + z2n);
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((fraction * (1 - fraction)) / n + z2n / (4 * n));
  // NOTE: the interval always holds the fraction (and so 0 at fraction 0, 1 at fraction 1), but
  // rounding can leave a bound a hair on the wrong side, e.g. a lower bound of 7e-18 for 0 of 23.
  return { lower: Math.max(0, Math.min(fraction, center - halfWidth)), upper: Math.min(1, Math.max(fraction, center + halfWidth)) };
}
