// Run by thread-pool.test.ts in a fresh process (its own thread pool):
//   small      Node's threads registered; the kernel calls of a small model's training step,
//              then one event-loop turn;
//   large      Node's threads registered; a large matmul (which starts the worker at once,
//              before any event-loop turn), then another once the worker is ready; then the
//              script simply ends;
//   no-host    no thread host registered: a large matmul, then one event-loop turn;
//   late-host  a large matmul with no host, then Node's threads registered and another.
// Prints kernelThreadStats() as JSON after each step of its mode.
import { nodeThreads } from '../../node/node-threads.js';
import { loadWasmKernelsSync } from './load-wasm.js';
import { setThreadHost } from './thread-host.js';
import { kernelThreadStats, setKernelThreads, startKernelThreads } from './thread-pool.js';

const { compute, memory } = loadWasmKernelsSync();
const mode = process.argv[2];
setKernelThreads({ workers: 1 });
if (mode === 'small' || mode === 'large') setThreadHost(nodeThreads);

function filled(length: number): Float32Array {
  const array = memory.alloc(length);
  for (let i = 0; i < length; i++) array[i] = Math.sin(i);
  return array;
}

const report = () => console.log(JSON.stringify(kernelThreadStats()));
const [m, k, n] = [256, 512, 512];
const large = () => compute.matmul(filled(m * k), filled(k * n), memory.alloc(m * n), m, k, n);

if (mode === 'small') {
  // batch 32 through 32 → 64 → 64 → 1 and an Adam step over its 6,337 parameters
  const x = filled(32 * 64);
  const w = filled(64 * 64);
  const out = memory.alloc(32 * 64);
  compute.matmul(x, w, out, 32, 64, 64);
  compute.matmulTransA(x, out, w, 64, 32, 64);
  compute.matmulTransB(out, w, x, 32, 64, 64);
  const size = 6337;
  const [p, g, mState, vState] = [filled(size), filled(size), memory.alloc(size), memory.alloc(size)];
  compute.adamUpdate(p, g, mState, vState, size, 1e-3, 0.9, 0.999, 1e-7, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
} else if (mode === 'large') {
  large();
  report();
  await startKernelThreads();
  large();
} else if (mode === 'no-host') {
  large();
  await new Promise((resolve) => setTimeout(resolve, 20));
} else if (mode === 'late-host') {
  large();
  report();
  setThreadHost(nodeThreads);
  large();
  report();
  await startKernelThreads();
  large();
} else {
  throw new Error(`unknown mode ${mode}: expected small, large, no-host or late-host`);
}
report();
