// Run by thread-pool.test.ts in a fresh process (its own thread pool):
//   small  the kernel calls of a small model's training step, then one event-loop turn;
//   large  a large matmul (which starts the worker at once, before any event-loop turn), then
//          another once the worker is ready; then the script simply ends.
// Prints kernelThreadStats() as JSON: in `large`, first right after the first matmul.
import { loadWasmKernelsSync } from './load-wasm.js';
import { kernelThreadStats, setKernelThreads, startKernelThreads } from './thread-pool.js';

const kernels = loadWasmKernelsSync();
setKernelThreads({ workers: 1 });

function filled(length: number): Float32Array {
  const array = kernels.memory.alloc(length);
  for (let i = 0; i < length; i++) array[i] = Math.sin(i);
  return array;
}

if (process.argv[2] === 'small') {
  // batch 32 through 32 → 64 → 64 → 1 and an Adam step over its 6,337 parameters
  const x = filled(32 * 64);
  const w = filled(64 * 64);
  const out = kernels.memory.alloc(32 * 64);
  kernels.compute.matmul(x, w, out, 32, 64, 64);
  kernels.compute.matmulTransA(x, out, w, 64, 32, 64);
  kernels.compute.matmulTransB(out, w, x, 32, 64, 64);
  const size = 6337;
  const [p, g, m, v] = [filled(size), filled(size), kernels.memory.alloc(size), kernels.memory.alloc(size)];
  kernels.compute.adamUpdate(p, g, m, v, size, 1e-3, 0.9, 0.999, 1e-7, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
} else {
  const [m, k, n] = [256, 512, 512];
  const a = filled(m * k);
  const b = filled(k * n);
  const out = kernels.memory.alloc(m * n);
  kernels.compute.matmul(a, b, out, m, k, n);
  console.log(JSON.stringify(kernelThreadStats()));
  await startKernelThreads();
  kernels.compute.matmul(a, b, out, m, k, n);
}
console.log(JSON.stringify(kernelThreadStats()));
