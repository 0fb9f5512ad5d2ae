import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import {
  backendName, kernels, ready, setBackend, setKernels, type BackendChoice,
} from './backend.js';
import { jsScans } from './js-scans.js';
import { jsKernels } from './js.js';
import type { CustomKernels, Kernels } from './kernels.js';

describe('backend selection', () => {
  afterEach(() => setBackend('auto'));

  it('selects wasm automatically in Node, where WebAssembly SIMD is available', () => {
    setBackend('auto');
    assert.equal(backendName(), 'wasm');
  });

  it('switches between wasm, js and reference on request', () => {
    for (const name of ['js', 'reference', 'wasm'] as const) {
      setBackend(name);
      assert.equal(kernels().name, name);
    }
  });

  it('keeps one wasm instance, so its arrays stay its own after switching away and back', () => {
    setBackend('wasm');
    const first = kernels();
    const weights = first.memory.alloc(4);
    setBackend('js');
    setBackend('wasm');
    assert.equal(kernels(), first);
    const out = kernels().memory.alloc(1);
    kernels().compute.sumRows(weights, out, 4, 1);
    assert.equal(out[0], 0);
  });

  it('ready() resolves with the backend it completed', async () => {
    assert.equal(await ready('js'), 'js');
    assert.equal(await ready('wasm'), 'wasm');
    assert.equal(await ready(), 'wasm');
  });

  it('rejects an unknown backend name with a ConfigError that lists the choices', () => {
    assert.throws(() => setBackend('gpu' as BackendChoice), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /'auto', 'wasm', 'js', 'reference'.*"gpu"/);
      return true;
    });
  });
});

describe('a custom kernel set', () => {
  afterEach(() => setBackend('auto'));

  const { name: _name, scans: _scans, ...withoutScans } = jsKernels;

  it('installs a complete set as it is', () => {
    const set: Kernels = { ...jsKernels, name: 'complete' };
    setKernels(set);
    assert.equal(kernels(), set);
    assert.equal(backendName(), 'complete');
  });

  it('gets the plain TypeScript scans when it has none', () => {
    setKernels({ ...withoutScans, name: 'no scans' });
    const set = kernels();
    assert.equal(set.name, 'no scans');
    assert.equal(set.compute, jsKernels.compute);
    assert.equal(set.memory, jsKernels.memory);
    assert.equal(set.scans.countNonFinite(Float32Array.of(1, NaN, Infinity, 2), 4), 2);
    assert.equal(set.scans.columnRanges, jsScans.columnRanges);
    assert.equal(set.scans.columnMoments, jsScans.columnMoments);
  });

  it('keeps the scans it has and fills in the others', () => {
    const calls: number[] = [];
    const scans = {
      offset: 100,
      countNonFinite(this: { offset: number }, _x: Float32Array, size: number) {
        calls.push(size);
        return this.offset + size;
      },
    };
    setKernels({ ...withoutScans, name: 'one scan', scans });
    const set = kernels();
    assert.equal(set.scans.countNonFinite(new Float32Array(3), 3), 103, 'called on its own object');
    assert.deepEqual(calls, [3]);
    assert.equal(set.scans.columnRanges, jsScans.columnRanges);
    assert.equal(set.scans.columnMoments, jsScans.columnMoments);
  });

  it('rejects a set without memory or compute, naming what is missing', () => {
    const flat = { name: 'flat', ...jsKernels.compute, ...jsKernels.memory } as unknown;
    assert.throws(() => setKernels(flat as CustomKernels), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.code, 'config/kernels');
      assert.match(error.message, /but memory, compute are missing .*has name, matmul, /);
      return true;
    });
    const noMatmul = { ...withoutScans, name: 'x', compute: { ...jsKernels.compute, matmul: 1 } };
    const install = () => setKernels(noMatmul as unknown as CustomKernels);
    assert.throws(install, /but compute\.matmul is missing/);
    assert.equal(kernels().name, 'wasm', 'a rejected set is not installed');
  });
});
