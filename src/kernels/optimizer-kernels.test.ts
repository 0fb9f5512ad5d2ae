import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StateError } from '../errors.js';
import { Random } from '../random/random.js';
import { jsCompute } from './js.js';
import type { ComputeKernels } from './kernels.js';
import { referenceCompute } from './reference.js';
import { loadWasmKernelsSync } from './wasm/load-wasm.js';

// The optimizer kernels against a plain float64 transcription of the Keras 3 update rules,
// over several steps, on buffer sizes that are not multiples of the SIMD width.

const wasm = loadWasmKernelsSync();
const random = new Random(99);

interface Subject {
  readonly label: string;
  readonly compute: ComputeKernels;
  readonly make: (length: number) => Float32Array;
}

const subjects: Subject[] = [
  { label: 'reference', compute: referenceCompute, make: (length) => new Float32Array(length) },
  { label: 'js', compute: jsCompute, make: (length) => new Float32Array(length) },
  { label: 'wasm (own memory)', compute: wasm.compute, make: (length) => wasm.memory.alloc(length) },
  {
    label: 'wasm (ordinary arrays)', compute: wasm.compute, make: (length) => new Float32Array(length),
  },
];

const SIZES = [1, 3, 4, 7, 64, 129];
const STEPS = 5;

function normals(length: number, scale: number): Float64Array {
  return Float64Array.from({ length }, () => random.normal() * scale);
}

function toFloat32(make: Subject['make'], values: Float64Array): Float32Array {
  const array = make(values.length);
  array.set(values);
  return array;
}

/**
 * Asserts agreement to float32 precision. `scale` is the typical magnitude of the quantity: a
 * value that cancels to near 0 still carries rounding errors of the size of its terms.
 */
function assertClose(
  actual: Float32Array, expected: Float64Array, scale: number, what: string,
): void {
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]);
    // NOTE: the kernels store every state in float32; a few roundings per step stay below 1e-6.
    if (!(error <= 1e-6 * (Math.abs(expected[i]) + scale))) {
      assert.fail(`${what}: index ${i} is ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

for (const subject of subjects) {
  describe(`${subject.label} optimizer kernels follow the Keras 3 rules`, () => {
    it('adamUpdate matches the Adam formula over several steps', () => {
      const [lr, beta1, beta2, epsilon] = [0.01, 0.9, 0.999, 1e-7];
      for (const size of SIZES) {
        const w = normals(size, 1);
        const m = new Float64Array(size);
        const v = new Float64Array(size);
        const weights = toFloat32(subject.make, w);
        const mState = subject.make(size);
        const vState = subject.make(size);
        const grads = subject.make(size);
        for (let t = 1; t <= STEPS; t++) {
          const g = normals(size, 0.1);
          grads.set(g);
          const k = subject.compute;
          k.adamUpdate(weights, grads, mState, vState, size, lr, beta1, beta2, epsilon, t);
          const alpha = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
          for (let i = 0; i < size; i++) {
            m[i] += (g[i] - m[i]) * (1 - beta1);
            v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
            w[i] -= (alpha * m[i]) / (Math.sqrt(v[i]) + epsilon);
          }
        }
        assertClose(weights, w, 1, `weights (size ${size})`);
        assertClose(mState, m, 0.1, `m (size ${size})`);
        assertClose(vState, v, 0.01, `v (size ${size})`);
      }
    });

    for (const [momentum, nesterov] of [[0, false], [0.9, false], [0.9, true]] as const) {
      const variant = `momentum ${momentum}${nesterov ? ', nesterov' : ''}`;
      it(`sgdUpdate matches the SGD formula (${variant})`, () => {
        const lr = 0.05;
        for (const size of SIZES) {
          const w = normals(size, 1);
          const velocity = new Float64Array(size);
          const weights = toFloat32(subject.make, w);
          const velocityState = momentum === 0 ? null : subject.make(size);
          const grads = subject.make(size);
          for (let t = 1; t <= STEPS; t++) {
            const g = normals(size, 1);
            grads.set(g);
            subject.compute.sgdUpdate(weights, grads, velocityState, size, lr, momentum, nesterov);
            for (let i = 0; i < size; i++) {
              if (momentum === 0) {
                w[i] -= lr * g[i];
                continue;
              }
              velocity[i] = momentum * velocity[i] - lr * g[i];
              w[i] += nesterov ? momentum * velocity[i] - lr * g[i] : velocity[i];
            }
          }
          assertClose(weights, w, 1, `weights (size ${size})`);
          if (velocityState !== null) {
            assertClose(velocityState, velocity, lr, `velocity (size ${size})`);
          }
        }
      });
    }

    it('sgdUpdate with momentum but no velocity buffer throws a StateError', () => {
      const weights = subject.make(3);
      const grads = subject.make(3);
      const update = () => subject.compute.sgdUpdate(weights, grads, null, 3, 0.1, 0.9, false);
      assert.throws(update, StateError);
    });
  });
}
