import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { backendName, kernels, ready, setBackend, type BackendChoice } from './backend.js';

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
    const weights = first.alloc(4);
    setBackend('js');
    setBackend('wasm');
    assert.equal(kernels(), first);
    const out = kernels().alloc(1);
    kernels().sumRows(weights, out, 4, 1);
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
