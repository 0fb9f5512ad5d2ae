import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../../errors.js';
import { nodeThreads } from '../../node/node-threads.js';
import { denseChainBySteps } from '../kernels.js';
import { loadWasmKernelsSync } from './load-wasm.js';
import { setThreadHost, threadHost } from './thread-host.js';
import {
  kernelThreadStats, setKernelThreads, startKernelThreads, type ThreadStats,
} from './thread-pool.js';

// NOTE: the kernels know no Node threads of their own; the Node entry registers them, as here.
setThreadHost(nodeThreads);
const kernels = loadWasmKernelsSync();
const FIXTURE = join(import.meta.dirname, 'thread-pool-child.fixture.ts');
const DEFAULTS = { workers: 'auto', minMatmulFlops: 4_000_000, minAdamSize: 65_536 } as const;

function random(length: number, seed: number): Float32Array {
  const array = kernels.memory.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    array[i] = state / 2 ** 32 - 0.5;
  }
  return array;
}

/** Runs `call` on one thread, then split across threads; returns both outputs. */
function bothWays(length: number, call: (out: Float32Array) => void): Float32Array[] {
  const single = kernels.memory.alloc(length);
  const threaded = kernels.memory.alloc(length);
  setKernelThreads({ workers: 0 });
  call(single);
  setKernelThreads({ workers: 1 });
  call(threaded);
  return [single, threaded];
}

function assertBitIdentical(actual: Float32Array, expected: Float32Array, label: string): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${label}: element ${i} is ${actual[i]} threaded, ${expected[i]} on one thread`);
    }
  }
}

/** Runs child script `mode` in a fresh process; returns the stats it printed, line by line. */
function child(mode: 'small' | 'large' | 'no-host' | 'late-host'): ThreadStats[] {
  // NOTE: a hung process (a worker holding it open) is killed at the timeout and fails below.
  const result = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE, mode], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.signal, null, `the ${mode} child did not exit by itself: ${result.stderr}`);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as ThreadStats);
}

describe('kernel threads', () => {
  before(async () => {
    setKernelThreads({ workers: 1, minMatmulFlops: 0, minAdamSize: 0 });
    // Any call above the thresholds starts the workers; wait until they are ready.
    kernels.compute.matmul(random(64, 1), random(64, 2), kernels.memory.alloc(64), 8, 8, 8);
    assert.equal(await startKernelThreads(), 1);
  });

  after(() => setKernelThreads(DEFAULTS));

  it('split matmuls are bit-identical to one thread in the three layouts, odd shapes too', () => {
    // NOTE: every shape spans at least two register tiles (8 columns, or 4 or 6 rows by build)
    // and has a depth of at least two (depth one is an outer product, never split), so it splits.
    const shapes: Array<[number, number, number]> = [
      [67, 301, 203], [300, 129, 9], [5, 517, 1000], [1001, 3, 35], [2, 7, 9], [9, 2, 17],
      [256, 512, 512],
    ];
    const jobsBefore = kernelThreadStats().jobs;
    for (const [m, k, n] of shapes) {
      const a = random(m * k, m);
      const b = random(k * n, n);
      for (const layout of ['matmul', 'matmulTransA', 'matmulTransB'] as const) {
        const [single, threaded] = bothWays(m * n, (out) => kernels.compute[layout](a, b, out, m, k, n));
        assertBitIdentical(threaded, single, `${layout} ${m}×${k}·${k}×${n}`);
      }
    }
    assert.equal(kernelThreadStats().jobs - jobsBefore, shapes.length * 3);
  });

  it('the worker thread computes parts of split jobs', () => {
    const [m, k, n] = [128, 256, 256];
    const [a, b, out] = [random(m * k, 3), random(k * n, 4), kernels.memory.alloc(m * n)];
    setKernelThreads({ workers: 1, partsPerThread: 4 });
    const before = kernelThreadStats().partsOnWorkers;
    // NOTE: which thread claims a part is up to the scheduler; over many jobs the worker,
    // woken for each, takes some of them.
    for (let i = 0; i < 500 && kernelThreadStats().partsOnWorkers === before; i++) {
      kernels.compute.matmul(a, b, out, m, k, n);
    }
    setKernelThreads({ partsPerThread: 1 });
    assert.ok(kernelThreadStats().partsOnWorkers > before);
  });

  it('a split Adam step is bit-identical to one thread', () => {
    const size = 100_003;
    const grads = random(size, 5);
    const results = bothWays(size, (weights) => {
      weights.set(random(size, 6));
      const [m, v] = [kernels.memory.alloc(size), kernels.memory.alloc(size)];
      for (let step = 1; step <= 3; step++) {
        kernels.compute.adamUpdate(weights, grads, m, v, size, 1e-3, 0.9, 0.999, 1e-7, step);
      }
    });
    assertBitIdentical(results[1], results[0], 'Adam weights');
  });

  it('a dense chain split by rows is bit-identical to one thread, and to its steps one by one', () => {
    const activations = ['relu', 'sigmoid', 'tanh', 'linear'] as const;
    // [rows, input width, step widths]; odd sizes, one-unit outputs, a single row
    const chains: Array<[number, number, number[]]> = [
      [1001, 32, [64, 64, 1]], [7, 17, [3, 9]], [9, 300, [1]], [2, 3, [513, 7, 1]], [1, 8, [4, 1]],
      [4096, 32, [512, 512, 1]],
    ];
    const jobsBefore = kernelThreadStats().jobs;
    for (const [m, k, widths] of chains) {
      const x = random(m * k, m + k);
      let inputWidth = k;
      const steps = widths.map((n, i) => {
        const step = {
          w: random(inputWidth * n, 7 * i + n),
          bias: i === 1 ? null : random(n, 11 * i + n),
          n,
          activation: activations[(i + n) % activations.length],
        };
        inputWidth = n;
        return step;
      });
      const outputs = () => widths.map((n) => kernels.memory.alloc(m * n));
      const last = widths.length - 1;
      const size = m * widths[last];
      const [single, threaded] = bothWays(size, (out) => {
        const outs = outputs();
        kernels.compute.denseChain(x, m, k, steps.map((step, i) => ({ ...step, out: outs[i] })));
        out.set(outs[last]);
      });
      const label = `chain ${m}×${k} → ${widths.join(' → ')}`;
      assertBitIdentical(threaded, single, label);
      const bySteps = new Float32Array(size);
      const outs = outputs();
      setKernelThreads({ workers: 0 });
      denseChainBySteps(kernels.compute, x, m, k, steps.map((step, i) => ({ ...step, out: outs[i] })));
      bySteps.set(outs[last]);
      assertBitIdentical(single, bySteps, `${label} (one call vs step by step)`);
    }
    // NOTE: the thresholds are 0 here; chains of more rows than one register tile (4 or 6, by
    // build) are split. The row counts above are clear of both: 1, 2 or at least 7.
    const splittable = chains.filter(([m]) => m > 6).length;
    assert.equal(kernelThreadStats().jobs - jobsBefore, splittable);
  });

  it('refuses settings that are not counts', () => {
    assert.throws(() => setKernelThreads({ workers: -1 }), ConfigError);
    assert.throws(() => setKernelThreads({ workers: 1.5 }), ConfigError);
    assert.throws(() => setKernelThreads({ minMatmulFlops: Number.NaN }), ConfigError);
    const typo = { minMatmulFlop: 0 } as unknown as { minMatmulFlops: number };
    assert.throws(() => setKernelThreads(typo), /unknown setting "minMatmulFlop"/);
  });
});

describe('kernel threads in a fresh process', () => {
  it("small work (a small model's training step) starts no worker", () => {
    const [stats] = child('small');
    assert.equal(stats.started, 0);
    assert.equal(stats.jobs, 0);
  });

  it('the first large matmul starts the worker synchronously, and the process still exits', () => {
    const [first, last] = child('large');
    assert.equal(first.started, 1);
    assert.equal(first.jobs, 0, 'the worker is not ready during the call that starts it');
    assert.equal(last.started, 1);
    assert.equal(last.jobs, 1);
  });

  it('with no thread host registered (the root alone in Node), large work runs on one thread', () => {
    const [stats] = child('no-host');
    assert.equal(stats.started, 0);
    assert.equal(stats.jobs, 0);
  });

  it('a host registered after a large job serves the next one', () => {
    const [before, registered, last] = child('late-host');
    assert.equal(before.started, 0);
    assert.equal(registered.started, 1);
    assert.equal(last.jobs, 1);
  });
});

describe('the thread host port', () => {
  it('gives the registered host, and without one none in Node (no Web Workers here)', () => {
    assert.equal(threadHost(), nodeThreads);
    setThreadHost(undefined);
    try {
      assert.equal(threadHost(), undefined);
    } finally {
      setThreadHost(nodeThreads);
    }
  });
});
