import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ShapeError } from '../errors.js';
import { Random } from '../random/random.js';
import { jsKernels } from './js.js';
import {
  emptyColumnRanges, type ComputeKernels, type DataScans, type KernelActivation, type Kernels,
} from './kernels.js';
import { referenceScans } from './reference-scans.js';
import { referenceCompute } from './reference.js';
import { instantiateWasmKernels, loadWasmKernelsSync } from './wasm/load-wasm.js';

// Every optimized kernel set is compared with the naive float64 reference on random shapes,
// odd sizes included. The wasm set runs three ways: on arrays from its own `alloc` (passed as
// pointers), on the same shifted by one float (unaligned pointers), and on ordinary arrays
// (copied through scratch); the build without fused multiply-add runs on its own arrays too.

const wasm = loadWasmKernelsSync();
const plainWasm = instantiateWasmKernels(false);
const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 63, 65, 129];
const size = fc.constantFrom(...SIZES);
const random = new Random(20240611);

type Maker = (length: number) => Float32Array;
interface Subject {
  readonly label: string;
  readonly compute: ComputeKernels;
  readonly scans: DataScans;
  readonly make: Maker;
}

function subject(label: string, { compute, scans }: Kernels, make: Maker): Subject {
  return { label, compute, scans, make };
}

// NOTE: a block returns to the heap when the array `alloc` gave out is collected, even while a
// subarray of it lives on; so the parents of the unaligned views are kept reachable here.
const parents: Float32Array[] = [];
function unaligned(length: number): Float32Array {
  const parent = wasm.memory.alloc(length + 1);
  parents.push(parent);
  return parent.subarray(1);
}

const subjects: Subject[] = [
  subject('js', jsKernels, (length) => new Float32Array(length)),
  subject('wasm (own memory)', wasm, (length) => wasm.memory.alloc(length)),
  subject('wasm (unaligned views)', wasm, (length) => unaligned(length)),
  subject('wasm (ordinary arrays)', wasm, (length) => new Float32Array(length)),
  subject('wasm without FMA', plainWasm, (length) => plainWasm.memory.alloc(length)),
];

/** Random normal values, with about one in ten exactly zero (the js matmul skips zeros). */
function filled(make: Maker, length: number, scale = 1): Float32Array {
  const array = make(length);
  for (let i = 0; i < length; i++) array[i] = random.uniform() < 0.1 ? 0 : random.normal() * scale;
  return array;
}

function copy(make: Maker, source: Float32Array): Float32Array {
  const array = make(source.length);
  array.set(source);
  return array;
}

/** Asserts |actual − expected| ≤ tolerance(i) at every index, naming the first index that fails. */
function assertClose(
  actual: Float32Array, expected: Float32Array, tolerance: (i: number) => number, what: string,
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]);
    if (!(error <= tolerance(i))) {
      const allowed = tolerance(i);
      assert.fail(`${what}: index ${i} is ${actual[i]}, expected ${expected[i]} ` +
        `(error ${error} > ${allowed})`);
    }
  }
}

type Layout = 'matmul' | 'matmulTransA' | 'matmulTransB';

// Σ|a·b| per output, the scale float32 rounding errors of a dot product are proportional to.
function magnitudes(
  layout: Layout, a: Float32Array, b: Float32Array, m: number, k: number, n: number,
): Float32Array {
  const absA = a.map(Math.abs);
  const absB = b.map(Math.abs);
  const out = new Float32Array(m * n);
  referenceCompute[layout](absA, absB, out, m, k, n);
  return out;
}

function checkMatmul(subject: Subject, layout: Layout, m: number, k: number, n: number): void {
  const a = filled(subject.make, m * k);
  const b = filled(subject.make, k * n);
  const out = filled(subject.make, m * n);
  const expected = new Float32Array(m * n);
  referenceCompute[layout](Float32Array.from(a), Float32Array.from(b), expected, m, k, n);
  subject.compute[layout](a, b, out, m, k, n);
  const scale = magnitudes(layout, a, b, m, k, n);
  // NOTE: float32 dot products of length k err by about √k · 2⁻²⁴ · Σ|a·b|; 2e-6·√k leaves margin.
  const tolerance = (i: number) => 2e-6 * Math.sqrt(k + 1) * scale[i] + 1e-30;
  assertClose(out, expected, tolerance, `${layout} ${m}×${k}×${n}`);
}

function checkBiasActivation(
  subject: Subject, activation: KernelActivation, withBias: boolean, m: number, n: number,
): void {
  // NOTE: scale 6 puts inputs on both sides of tanh's 0.625 switch and in the tails.
  const x = filled(subject.make, m * n, 6);
  const b = withBias ? filled(subject.make, n) : null;
  const z = Array.from(x, (value, i) => value + (b === null ? 0 : b[i % n]));
  const expected = Float32Array.from(x);
  referenceCompute.biasActivation(expected, b && Float32Array.from(b), m, n, activation);
  subject.compute.biasActivation(x, b, m, n, activation);
  // NOTE: the float32 sum x + bias is off by up to 2⁻²⁴·|z|, which moves σ(z) by up to that much
  // times |z| relatively: the tolerance grows with |z| for that reason.
  const tolerance = (i: number) => 3e-7 * (2 + Math.abs(z[i])) * Math.abs(expected[i]) + 1e-30;
  assertClose(x, expected, tolerance, `${activation} ${m}×${n}`);
}

for (const subject of subjects) {
  describe(`${subject.label} kernels agree with the reference kernels`, () => {
    for (const layout of ['matmul', 'matmulTransA', 'matmulTransB'] as const) {
      it(`${layout} matches on random shapes, odd sizes included`, () => {
        fc.assert(
          fc.property(size, size, size, (m, k, n) => checkMatmul(subject, layout, m, k, n)),
          { seed: 7, numRuns: 40 },
        );
      });

      it(`${layout} matches for a single output column or row (matrix-vector products)`, () => {
        const shapes = [[37, 65, 1], [1, 65, 37], [1, 1, 1], [5, 3, 1], [1, 3, 5]];
        shapes.push([130, 300, 1], [1, 300, 520]);
        for (const [m, k, n] of shapes) checkMatmul(subject, layout, m, k, n);
      });

      it(`${layout} of depth one (an outer product) is every product rounded once`, () => {
        // NOTE: the exact double product of two float32 values rounded to float32 is what the
        // tiled path computes for depth one (0 + a·b); the outer-product loop must give the same
        // bits, tails of 1-3 columns and a negative zero's sign included.
        for (const [m, n] of [[37, 65], [6, 8], [5, 3], [2, 2], [130, 520]]) {
          const a = filled(subject.make, m);
          const b = filled(subject.make, n);
          a[1] = -0;
          const out = filled(subject.make, m * n);
          subject.compute[layout](a, b, out, m, 1, n);
          const expected = subject.make(m * n);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) expected[i * n + j] = Math.fround(a[i] * b[j]) + 0;
          }
          assert.deepEqual(out, expected, `${m}×1×${n}`);
        }
      });

      it(`${layout} matches across cache-block boundaries (m 130, k 300, n 520)`, () => {
        checkMatmul(subject, layout, 130, 300, 520);
      });

      it(`${layout}: a row's result does not depend on where in the matrix it sits`, () => {
        // NOTE: rows that fill a register tile and rows left over at the bottom take different
        // code paths; shifting the rows by one moves rows between them, and their bits must not
        // change (predict then gives a row the same result in any batch). k spans two depth
        // blocks, so the sums continue from C.
        const [rows, k, n] = [15, 300, 20];
        const a = filled(subject.make, rows * k);
        const b = filled(subject.make, k * n);
        const window = (start: number) => {
          const part = subject.make((rows - 1) * k);
          for (let i = 0; i < rows - 1; i++) {
            for (let p = 0; p < k; p++) {
              // matmulTransA reads A as (k, m): the window takes columns instead of rows.
              if (layout === 'matmulTransA') part[p * (rows - 1) + i] = a[p * rows + i + start];
              else part[i * k + p] = a[(i + start) * k + p];
            }
          }
          const out = subject.make((rows - 1) * n);
          subject.compute[layout](part, b, out, rows - 1, k, n);
          return out;
        };
        const [first, second] = [window(0), window(1)];
        assert.deepEqual(first.slice(n), second.slice(0, (rows - 2) * n));
      });

      it(`${layout} with an empty inner dimension writes zeros`, () => {
        const out = filled(subject.make, 15);
        subject.compute[layout](subject.make(0), subject.make(0), out, 3, 0, 5);
        assert.deepEqual([...out], new Array(15).fill(0));
      });
    }

    it('addBias matches on random shapes', () => {
      fc.assert(
        fc.property(size, size, (m, n) => {
          const x = filled(subject.make, m * n);
          const bias = filled(subject.make, n);
          const expected = Float32Array.from(x);
          referenceCompute.addBias(expected, Float32Array.from(bias), m, n);
          subject.compute.addBias(x, bias, m, n);
          const tolerance = (i: number) => 1e-7 * Math.abs(expected[i]) + 1e-30;
          assertClose(x, expected, tolerance, `addBias ${m}×${n}`);
        }),
        { seed: 8, numRuns: 30 },
      );
    });

    it('sumRows matches on random shapes', () => {
      fc.assert(
        fc.property(size, size, (m, n) => {
          const x = filled(subject.make, m * n);
          const out = filled(subject.make, n);
          const expected = new Float32Array(n);
          referenceCompute.sumRows(Float32Array.from(x), expected, m, n);
          const scale = new Float32Array(n);
          referenceCompute.sumRows(x.map(Math.abs), scale, m, n);
          subject.compute.sumRows(x, out, m, n);
          const tolerance = (j: number) => 2e-6 * Math.sqrt(m + 1) * scale[j] + 1e-30;
          assertClose(out, expected, tolerance, `sumRows ${m}×${n}`);
        }),
        { seed: 9, numRuns: 30 },
      );
    });

    for (const activation of ['linear', 'relu', 'sigmoid', 'tanh'] as const) {
      for (const withBias of [true, false]) {
        const bias = withBias ? 'with' : 'without';
        it(`biasActivation ${activation} ${bias} bias matches on random shapes and one column`, () => {
          const check = (m: number, n: number) => checkBiasActivation(subject, activation, withBias, m, n);
          fc.assert(fc.property(size, size, check), { seed: 10, numRuns: 20 });
          for (const m of [1, 3, 4, 37]) check(m, 1);
        });
      }

      it(`activationBackward ${activation} matches, in place and not`, () => {
        fc.assert(
          fc.property(size, size, fc.boolean(), (m, n, inPlace) => {
            const y = filled(subject.make, m * n, 2);
            referenceCompute.biasActivation(y, null, m, n, activation);
            const dy = filled(subject.make, m * n);
            const dx = inPlace ? dy : filled(subject.make, m * n);
            const expected = new Float32Array(m * n);
            const dyCopy = Float32Array.from(dy);
            const yCopy = Float32Array.from(y);
            referenceCompute.activationBackward(dyCopy, yCopy, expected, m * n, activation);
            subject.compute.activationBackward(dy, y, dx, m * n, activation);
            // NOTE: derivatives are at most 1 and computed in float32 (1 − y² cancels near
            // |y| = 1), so their error is measured against |dy|.
            const tolerance = (i: number) =>
              1e-6 * Math.abs(expected[i]) + 3e-7 * Math.abs(dyCopy[i]);
            assertClose(dx, expected, tolerance, `${activation}' ${m}×${n}`);
          }),
          { seed: 11, numRuns: 20 },
        );
      });
    }

    it('relu, sigmoid and tanh keep NaN as NaN; sigmoid saturates without overflow', () => {
      const values = [NaN, -1000, -88, -30, 0, 30, 1000];
      for (const activation of ['relu', 'sigmoid', 'tanh'] as KernelActivation[]) {
        const x = copy(subject.make, Float32Array.from(values));
        subject.compute.biasActivation(x, null, 1, values.length, activation);
        assert.ok(Number.isNaN(x[0]), `${activation}(NaN) should be NaN but is ${x[0]}`);
        for (let i = 1; i < values.length; i++) {
          assert.ok(Number.isFinite(x[i]), `${activation}(${values[i]}) = ${x[i]}`);
        }
        if (activation === 'sigmoid') {
          const tails = x[1] >= 0 && x[1] < 1e-30 && x[5] === 1 && x[6] === 1;
          assert.ok(tails, `sigmoid tails: ${[...x]}`);
        }
      }
    });
  });
}

describe('wasm kernels check the sizes they are given', () => {
  const { compute, memory } = wasm;

  it('throws a ShapeError when an array is shorter than the sizes say', () => {
    const a = memory.alloc(6);
    assert.throws(() => compute.matmul(a, memory.alloc(6), memory.alloc(3), 3, 2, 3), ShapeError);
    assert.throws(() => compute.sumRows(memory.alloc(5), memory.alloc(3), 2, 3), ShapeError);
  });

  it('throws a ShapeError for a size that is not a non-negative integer', () => {
    assert.throws(() => compute.addBias(memory.alloc(6), memory.alloc(3), 2.5, 3), ShapeError);
    assert.throws(() => memory.alloc(-1), ShapeError);
  });
});

describe('the wasm build with fused multiply-add', () => {
  it('is the one Node loads (relaxed SIMD turned on where V8 keeps it behind a flag)', () => {
    const optedOut = process.env.NNKIT_RELAXED_SIMD === '0';
    assert.equal(wasm.description?.includes('fused multiply-add'), !optedOut, wasm.description);
    assert.equal(plainWasm.description?.includes('fused'), false, plainWasm.description);
  });
});

describe('countNonFinite agrees with the reference on every kernel set', () => {
  const special = [NaN, Infinity, -Infinity];
  for (const subject of subjects) {
    it(`${subject.label}: NaN and ±Infinity anywhere, odd sizes, blocks beyond the scratch`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(0, 1, 3, 4, 5, 17, 1000, 65537, 140000),
          fc.array(fc.nat(), { maxLength: 6 }),
          (length, spots) => {
            const x = filled(subject.make, length);
            for (const [i, spot] of spots.entries()) {
              if (length > 0) x[spot % length] = special[i % special.length];
            }
            const expected = referenceScans.countNonFinite(Float32Array.from(x), length);
            assert.equal(subject.scans.countNonFinite(x, length), expected);
          },
        ),
        { seed: 5, numRuns: 25 },
      );
    });
  }

  it('counts only the first `size` values', () => {
    const x = Float32Array.from([1, NaN, 2, Infinity]);
    for (const subject of subjects) assert.equal(subject.scans.countNonFinite(x, 3), 1);
  });
});

describe('columnRanges agrees with the reference on every kernel set', () => {
  /** Random data with zeros of both signs, and some values exactly on a bound. */
  function data(make: Maker, rows: number, cols: number, low: Float32Array, high: Float32Array) {
    const x = filled(make, rows * cols, 2);
    for (let i = 0; i < rows * cols; i += 7) x[i] = i % 2 === 0 ? -0 : low[i % cols];
    for (let i = 3; i < rows * cols; i += 11) x[i] = high[i % cols];
    return x;
  }

  for (const subject of subjects) {
    it(`${subject.label}: odd column counts, ±0, values on the bounds, blocks beyond the scratch`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(0, 1, 3, 4, 257, 3000), fc.constantFrom(1, 2, 3, 4, 5, 8, 9, 33),
          (rows, cols) => {
            const low = Float32Array.from({ length: cols }, () => -1 - random.uniform());
            const high = Float32Array.from({ length: cols }, () => 1 + random.uniform());
            const x = data(subject.make, rows, cols, low, high);
            const expected = emptyColumnRanges(cols);
            referenceScans.columnRanges(Float32Array.from(x), rows, cols, low, high, expected);
            const out = emptyColumnRanges(cols);
            subject.scans.columnRanges(x, rows, cols, low, high, out);
            assert.deepEqual(out, expected, `${rows}×${cols}`);
            // Merged in two calls, the ranges are those of one call over all rows.
            const half = Math.floor(rows / 2);
            const merged = emptyColumnRanges(cols);
            subject.scans.columnRanges(x, half, cols, low, high, merged);
            const rest = x.subarray(half * cols);
            subject.scans.columnRanges(rest, rows - half, cols, low, high, merged);
            assert.deepEqual(merged, expected, `${rows}×${cols} in two calls`);
          },
        ),
        { seed: 9, numRuns: 30 },
      );
    });
  }

  it('counts exactly over many blocks, and reads only the first rows·cols values', () => {
    // NOTE: 70,000 rows of one column span two of the wasm scan's blocks.
    const [rows, cols] = [70_000, 1];
    const x = new Float32Array(rows + 5).fill(3);
    for (let i = 0; i < rows; i += 2) x[i] = -3;
    x.fill(100, rows);
    for (const subject of subjects) {
      const out = emptyColumnRanges(cols);
      subject.scans.columnRanges(x, rows, cols, Float32Array.of(-2), Float32Array.of(2), out);
      assert.deepEqual([...out], [-3, 3, rows], subject.label);
    }
  });
});

describe('columnMoments gives the reference bits on every kernel set', () => {
  for (const subject of subjects) {
    it(`${subject.label}: odd column counts, onto running sums, blocks beyond the scratch`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(0, 1, 3, 257, 3000), fc.constantFrom(1, 2, 3, 5, 8, 33),
          (rows, cols) => {
            // NOTE: an offset of 1000 makes the float64 rounding of every step visible.
            const x = filled(subject.make, rows * cols, 3);
            for (let i = 0; i < rows * cols; i += 3) x[i] += 1000;
            const center = Float64Array.from({ length: cols }, () => random.normal() * 500);
            const start = Float64Array.from({ length: 2 * cols }, () => random.uniform());
            const expected = Float64Array.from(start);
            referenceScans.columnMoments(Float32Array.from(x), rows, cols, center, expected);
            const out = Float64Array.from(start);
            subject.scans.columnMoments(x, rows, cols, center, out);
            assert.deepEqual(out, expected, `${rows}×${cols}`);
          },
        ),
        { seed: 11, numRuns: 25 },
      );
    });
  }
});

describe('denseChain agrees with the reference on every kernel set', () => {
  for (const subject of subjects) {
    it(`${subject.label}: chains of 1-3 layers, odd sizes, every fused activation`, () => {
      const activations = ['linear', 'relu', 'sigmoid', 'tanh'] as const;
      fc.assert(
        fc.property(
          size, size, fc.array(fc.tuple(size, fc.constantFrom(...activations), fc.boolean()), {
            minLength: 1, maxLength: 3,
          }),
          (m, k, layers) => {
            const x = filled(subject.make, m * k);
            let width = k;
            const steps = layers.map(([n, activation, withBias]) => {
              const w = filled(subject.make, width * n, 1 / Math.sqrt(width));
              width = n;
              const bias = withBias ? filled(subject.make, n) : null;
              return { w, bias, n, activation, out: subject.make(m * n) };
            });
            const expected = steps.map((step) => ({ ...step, out: new Float32Array(m * step.n) }));
            referenceCompute.denseChain(Float32Array.from(x), m, k, expected);
            subject.compute.denseChain(x, m, k, steps);
            // NOTE: each layer's rounding passes through the next; 1e-5 relative per layer of
            // width ≤ 129 is well above float32's and far below any real mistake.
            const tolerance = (i: number) => 1e-4 * (1 + Math.abs(expected.at(-1)!.out[i]));
            assertClose(steps.at(-1)!.out, expected.at(-1)!.out, tolerance, `chain m=${m} k=${k}`);
          },
        ),
        { seed: 17, numRuns: 30 },
      );
    });
  }
});
