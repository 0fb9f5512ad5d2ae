// Closeness assertions for tests: numpy's allclose rule,
// |actual − expected| ≤ atol + rtol·|expected|, with messages that name the first offending index
// and both values.
import assert from 'node:assert/strict';

export interface Tolerance {
  /** Relative tolerance, scaled by |expected|. */
  rtol?: number;
  /** Absolute tolerance, for values near zero. */
  atol?: number;
}

const DEFAULT_TOLERANCE: Required<Tolerance> = { rtol: 1e-6, atol: 1e-9 };

function within(actual: number, expected: number, tolerance: Required<Tolerance>): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance.atol + tolerance.rtol * Math.abs(expected);
}

/** Asserts one number is close to the expected one. */
export function assertClose(
  actual: number, expected: number, tolerance: Tolerance = {}, what = 'value',
): void {
  const t = { ...DEFAULT_TOLERANCE, ...tolerance };
  if (!within(actual, expected, t)) {
    assert.fail(
      `${what}: expected ${expected} but got ${actual} ` +
        `(difference ${Math.abs(actual - expected)}, ` +
        `allowed ${t.atol + t.rtol * Math.abs(expected)})`,
    );
  }
}

/** Asserts two arrays have the same length and are close element by element. */
export function assertAllClose(
  actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: Tolerance = {}, what = 'array',
): void {
  assertSameLength(actual, expected, what);
  const t = { ...DEFAULT_TOLERANCE, ...tolerance };
  for (let i = 0; i < expected.length; i++) {
    if (!within(actual[i], expected[i], t)) {
      assert.fail(
        `${what}[${i}]: expected ${expected[i]} but got ${actual[i]} ` +
          `(difference ${Math.abs(actual[i] - expected[i])}, ` +
          `allowed ${t.atol + t.rtol * Math.abs(expected[i])})`,
      );
    }
  }
}

/** Asserts two float32 arrays hold exactly the same bits (NaN payloads, signed zeros included). */
export function assertBitIdentical(
  actual: Float32Array, expected: Float32Array, what = 'array',
): void {
  assertSameLength(actual, expected, what);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const b = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  for (let i = 0; i < b.length; i++) {
    if (a[i] !== b[i]) {
      assert.fail(`${what}[${i}]: expected ${expected[i]} but got ${actual[i]} (bits differ)`);
    }
  }
}

function assertSameLength(
  actual: ArrayLike<number>, expected: ArrayLike<number>, what: string,
): void {
  const message = `${what}: expected ${expected.length} values but got ${actual.length}`;
  assert.equal(actual.length, expected.length, message);
}
