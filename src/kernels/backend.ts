import { ConfigError, show } from '../errors.js';
import { jsKernels } from './js.js';
import type { Kernels } from './kernels.js';
import { referenceKernels } from './reference.js';
import { loadWasmKernels, loadWasmKernelsSync, wasmSupported } from './wasm/load-wasm.js';

/** The kernel sets nnkit ships: WebAssembly SIMD, plain TypeScript, and the naive reference. */
export type BackendName = 'wasm' | 'js' | 'reference';
/** A backend, or 'auto': wasm where WebAssembly SIMD is available, otherwise js. */
export type BackendChoice = BackendName | 'auto';

const CHOICES: readonly BackendChoice[] = ['auto', 'wasm', 'js', 'reference'];

let requested: BackendChoice = 'auto';
let active: Kernels | undefined;

/**
 * The kernel set in use. Layers call `kernels().matmul(...)`; a faster backend replaces the set
 * without touching layers or models. The first call selects the backend automatically: wasm
 * when this runtime validates the SIMD module and lets it compile synchronously (Node, workers),
 * else js until `await ready()` has compiled it asynchronously (browser main threads).
 */
export function kernels(): Kernels {
  return active ?? (active = automatic());
}

/** Installs a custom kernel set (tests, experiments). */
export function setKernels(next: Kernels): void {
  active = next;
}

function automatic(): Kernels {
  if (!wasmSupported()) return jsKernels;
  try {
    return loadWasmKernelsSync();
  } catch (error) {
    // NOTE: Chrome refuses to compile modules over 4 KB synchronously on the main thread
    // (RangeError); js serves until `await ready()` loads wasm asynchronously.
    if (error instanceof RangeError) return jsKernels;
    throw error;
  }
}

function checkChoice(choice: unknown): asserts choice is BackendChoice {
  if (!CHOICES.includes(choice as BackendChoice)) {
    throw new ConfigError(
      'config/backend',
      `The backend must be one of ${CHOICES.map((name) => `'${name}'`).join(', ')} ` +
        `but got ${show(choice)}.`,
    );
  }
}

function unsupported(): ConfigError {
  return new ConfigError(
    'config/backend-unavailable',
    "The 'wasm' backend needs WebAssembly with SIMD, which this runtime does not offer; " +
      "use setBackend('js') or 'auto'.",
  );
}

/**
 * Selects the kernels synchronously. 'wasm' throws a ConfigError where the runtime lacks
 * WebAssembly SIMD, or where it refuses synchronous compilation (a browser main thread: use
 * `await ready('wasm')` there). Select before building models: buffers a layer allocated under
 * one backend still work under another, but only a backend's own buffers avoid copies.
 */
export function setBackend(choice: BackendChoice): void {
  checkChoice(choice);
  requested = choice;
  if (choice === 'js') active = jsKernels;
  else if (choice === 'reference') active = referenceKernels;
  else if (choice === 'auto') active = automatic();
  else if (!wasmSupported()) throw unsupported();
  else {
    try {
      active = loadWasmKernelsSync();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new ConfigError(
        'config/backend-sync',
        `This thread refuses to compile the wasm kernels synchronously (${error.message}); ` +
          "call `await ready('wasm')` instead of setBackend('wasm').",
      );
    }
  }
}

/**
 * Selects the kernels and finishes any asynchronous set-up; resolves with the backend's name.
 * Without an argument it completes the current choice ('auto' unless setBackend said otherwise),
 * which in a browser is what turns the automatic choice into wasm.
 */
export async function ready(choice: BackendChoice = requested): Promise<string> {
  checkChoice(choice);
  requested = choice;
  if (choice === 'wasm' && !wasmSupported()) throw unsupported();
  if (choice === 'wasm' || (choice === 'auto' && wasmSupported())) active = await loadWasmKernels();
  else setBackend(choice);
  return kernels().name;
}

/** The name of the kernel set in use: 'wasm', 'js', 'reference' or a custom set's name. */
export function backendName(): string {
  return kernels().name;
}
