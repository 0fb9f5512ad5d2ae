import type { Kernels } from '../kernels.js';
import { useRelaxedSimd } from './relaxed-simd.js';
import { kernelsBinary, type KernelExports, type KernelsVariant } from './wasm-binary.js';
import { WasmHeap } from './wasm-heap.js';
import { createWasmKernels } from './wasm-kernels.js';

/** Pages (64 KiB) a shared memory starts with; it grows on demand. */
const SHARED_INITIAL_PAGES = 32;
/** Maximum sizes to try for a shared memory, largest first (4 GiB is the wasm32 limit). */
const SHARED_MAXIMUM_PAGES = [65536, 16384, 4096];
/**
 * Fixed sizes to try for an ordinary memory, largest first. It can never grow (growing would
 * detach the views layers hold); untouched pages cost address space, not RAM.
 */
const FIXED_PAGES = [4096, 1024, 256];

interface MemoryChoice {
  readonly memory: WebAssembly.Memory;
  readonly shared: boolean;
  readonly maximumPages: number;
}

function createMemory(): MemoryChoice {
  // NOTE: a shared memory grows without detaching the ArrayBuffer views already handed out.
  // Browsers offer it only on cross-origin isolated pages; elsewhere construction throws.
  for (const maximum of SHARED_MAXIMUM_PAGES) {
    try {
      const initial = SHARED_INITIAL_PAGES;
      const memory = new WebAssembly.Memory({ initial, maximum, shared: true });
      return { memory, shared: true, maximumPages: maximum };
    } catch {
      // Try a smaller reservation, then an ordinary memory.
    }
  }
  let lastError: unknown;
  for (const pages of FIXED_PAGES) {
    try {
      const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
      return { memory, shared: false, maximumPages: pages };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function imports(memory: WebAssembly.Memory): WebAssembly.Imports {
  return {
    env: {
      memory,
      abort: () => {
        throw new Error('nnkit wasm kernels aborted');
      },
    },
  };
}

let loaded: Kernels | undefined;
let loading: Promise<Kernels> | undefined;

/** Whether this runtime can run the kernels module (WebAssembly with SIMD). */
export function wasmSupported(): boolean {
  try {
    const plain = kernelsBinary({ shared: false, relaxed: false });
    return typeof WebAssembly === 'object' && WebAssembly.validate(plain);
  } catch {
    return false;
  }
}

function variantFor(choice: MemoryChoice): KernelsVariant {
  return { shared: choice.shared, relaxed: useRelaxedSimd() };
}

/** Kernels over a fresh instance; given the module (and a shared memory), with worker threads. */
function finish(
  instance: WebAssembly.Instance, choice: MemoryChoice, variant: KernelsVariant,
  module: WebAssembly.Module | undefined,
): Kernels {
  const wasm = instance.exports as unknown as KernelExports;
  const heap = new WasmHeap(choice.memory, choice.shared, choice.maximumPages, wasm.heapBase());
  // NOTE: worker threads need the memory to be shared; an ordinary memory runs one thread.
  return createWasmKernels(wasm, heap, variant, choice.shared ? module : undefined);
}

/**
 * A separate instance of the kernels (its own memory, no worker threads) in a chosen variant, so
 * tests can compare the fused and the plain builds; everything else uses the one shared instance.
 */
export function instantiateWasmKernels(relaxed: boolean): Kernels {
  const choice = createMemory();
  const variant = { shared: choice.shared, relaxed };
  const module = new WebAssembly.Module(kernelsBinary(variant));
  return finish(new WebAssembly.Instance(module, imports(choice.memory)), choice, variant, undefined);
}

/**
 * The wasm kernels, compiled synchronously on first use: fine in Node, in workers and in
 * browsers for small modules; a browser main thread refuses synchronous compilation of modules
 * over 4 KB (Chrome throws a RangeError) — use `loadWasmKernels` there.
 */
export function loadWasmKernelsSync(): Kernels {
  if (loaded !== undefined) return loaded;
  const choice = createMemory();
  const variant = variantFor(choice);
  const module = new WebAssembly.Module(kernelsBinary(variant));
  const instance = new WebAssembly.Instance(module, imports(choice.memory));
  loaded = finish(instance, choice, variant, module);
  return loaded;
}

/** The wasm kernels, compiled asynchronously (works everywhere, including browser main threads). */
export function loadWasmKernels(): Promise<Kernels> {
  if (loaded !== undefined) return Promise.resolve(loaded);
  loading ??= (async () => {
    const choice = createMemory();
    const variant = variantFor(choice);
    const module = await WebAssembly.compile(kernelsBinary(variant));
    // NOTE: a synchronous load may have finished while this one awaited; keep a single heap.
    if (loaded !== undefined) return loaded;
    const instance = await WebAssembly.instantiate(module, imports(choice.memory));
    loaded ??= finish(instance, choice, variant, module);
    return loaded;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
