import { denseChainBySteps, type ComputeKernels, type DenseStep } from '../kernels.js';
import { activationCode, checkLength, checkSize } from './kernel-arguments.js';
import type { Staging } from './staging.js';
import type { KernelThreads } from './thread-pool.js';
import type { KernelExports } from './wasm-binary.js';
import type { WasmHeap } from './wasm-heap.js';

/** i32 slots per step in the table asm/chain.ts reads: w, bias, out, k, n, activation. */
const STEP_SLOTS = 6;

/**
 * `denseChain` for the wasm kernels: the steps go into a table in the wasm memory and run in one
 * call, split by rows across the kernel threads when the chain is large enough (each thread
 * carries its rows through every layer), else on this thread. x may be any array (it is staged);
 * weights, biases and outputs must live in the memory (layers allocate them there), otherwise
 * the chain runs step by step through `compute`'s other kernels.
 */
export function wasmDenseChain(
  compute: ComputeKernels, wasm: KernelExports, heap: WasmHeap, stage: Staging,
  threads: KernelThreads | undefined, work: number,
): ComputeKernels['denseChain'] {
  let table = 0;
  let tableSteps = 0;

  function reserveTable(steps: number): boolean {
    if (steps <= tableSteps) return true;
    const wanted = Math.max(steps, 2 * tableSteps, 8);
    const offset = heap.reserveRaw(wanted * STEP_SLOTS * 4);
    if (offset === undefined) return false;
    if (tableSteps > 0) heap.releaseRaw(table);
    table = offset;
    tableSteps = wanted;
    return true;
  }

  return (x, m, k, steps) => {
    checkSize('denseChain', 'm', m);
    checkSize('denseChain', 'k', k);
    checkLength('denseChain', 'x', x, m * k);
    // NOTE: one pass checks every step and, while the chain can still run in wasm (its table
    // reserved, every step's arrays in the memory), writes the step into the table.
    const slots = reserveTable(steps.length)
      ? new Int32Array(heap.memory.buffer, table, steps.length * STEP_SLOTS)
      : undefined;
    let resident = slots !== undefined;
    let inputWidth = k;
    let flops = 0;
    for (const [index, step] of steps.entries()) {
      const name = `step ${index}`;
      checkSize('denseChain', `${name} n`, step.n);
      checkLength('denseChain', `${name} w`, step.w, inputWidth * step.n);
      if (step.bias !== null) checkLength('denseChain', `${name} bias`, step.bias, step.n);
      checkLength('denseChain', `${name} out`, step.out, m * step.n);
      const activation = activationCode('denseChain', step.activation);
      resident &&= residentStep(heap, step);
      if (resident && slots !== undefined) {
        const at = index * STEP_SLOTS;
        slots[at] = step.w.byteOffset;
        slots[at + 1] = step.bias === null ? 0 : step.bias.byteOffset;
        slots[at + 2] = step.out.byteOffset;
        slots[at + 3] = inputWidth;
        slots[at + 4] = step.n;
        slots[at + 5] = activation;
      }
      flops += 2 * m * inputWidth * step.n;
      inputWidth = step.n;
    }
    if (steps.length === 0 || m === 0) return;
    if (!resident || !stage.begin(stage.bytes(x, m * k))) {
      return denseChainBySteps(compute, x, m, k, steps);
    }
    const px = stage.input(x, m * k);
    if (!threads?.denseChain(table, steps.length, px, m, flops)) {
      wasm.denseChain(table, steps.length, px, m, work);
    }
    stage.finish();
  };
}

function residentStep(heap: WasmHeap, step: DenseStep): boolean {
  return heap.owns(step.w) && heap.owns(step.out) && (step.bias === null || heap.owns(step.bias));
}
