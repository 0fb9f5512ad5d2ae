import { ConfigError, show } from '../errors.js';
import { jsScans } from './js-scans.js';
import { jsKernels } from './js.js';
import type {
  ComputeKernels, CustomKernels, DataScans, KernelMemory, Kernels,
} from './kernels.js';
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
 * The kernel set in use. Layers call `kernels().compute.matmul(...)` and allocate with
 * `kernels().memory.alloc(...)`, the doctor scans data with `kernels().scans`; a faster backend
 * replaces the set without touching layers or models. The first call selects the backend
 * automatically: wasm when this runtime validates the SIMD module and lets it compile
 * synchronously (Node, workers), else js until `await ready()` has compiled it asynchronously
 * (browser main threads).
 */
export function kernels(): Kernels {
  return active ?? (active = automatic());
}

const MEMORY: ReadonlyArray<keyof KernelMemory> = ['alloc', 'free'];
const COMPUTE: ReadonlyArray<keyof ComputeKernels> = [
  'matmul', 'matmulTransA', 'matmulTransB', 'addBias', 'sumRows', 'biasActivation',
  'activationBackward', 'adamUpdate', 'sgdUpdate', 'denseChain',
];

/** What a custom set lacks: 'name', a whole part ('memory') or a method ('compute.matmul'). */
function missingParts(next: CustomKernels): string[] {
  const absent = typeof next?.name === 'string' ? [] : ['name'];
  for (const [part, names] of [['memory', MEMORY], ['compute', COMPUTE]] as const) {
    const methods = next?.[part] as unknown as Record<string, unknown> | undefined;
    if (typeof methods !== 'object' || methods === null) {
      absent.push(part);
      continue;
    }
    for (const name of names) {
      if (typeof methods[name] !== 'function') absent.push(`${part}.${name}`);
    }
  }
  return absent;
}

/** A custom set with the plain TypeScript scans in place of those it leaves out. */
function withScans(next: CustomKernels): Kernels {
  const own = next.scans;
  if (own?.countNonFinite && own.columnRanges && own.columnMoments) return next as Kernels;
  const scans: DataScans = {
    countNonFinite: own?.countNonFinite?.bind(own) ?? jsScans.countNonFinite,
    columnRanges: own?.columnRanges?.bind(own) ?? jsScans.columnRanges,
    columnMoments: own?.columnMoments?.bind(own) ?? jsScans.columnMoments,
  };
  const { name, description, memory, compute } = next;
  return { name, description, memory, compute, scans };
}

/**
 * Installs a custom kernel set (tests, experiments, another backend): a name, `memory` and
 * `compute`; data scans it leaves out, all or some, are the plain TypeScript ones. A set is
 * often the current one with parts replaced:
 * `setKernels({ ...kernels(), name: 'mine', compute: { ...kernels().compute, matmul } })`.
 */
export function setKernels(next: CustomKernels): void {
  const absent = missingParts(next);
  if (absent.length > 0) {
    const isObject = typeof next === 'object' && next !== null;
    const has = isObject ? `the set has ${Object.keys(next).join(', ')}` : `got ${show(next)}`;
    throw new ConfigError(
      'config/kernels',
      `setKernels needs { name, memory: { ${MEMORY.join(', ')} }, compute: ` +
        `{ ${COMPUTE.join(', ')} }, scans? } but ${absent.join(', ')} ` +
        `${absent.length === 1 ? 'is' : 'are'} missing or not a function (${has}); ` +
        'build it from the current set: { ...kernels(), name, compute: { ...kernels().compute } }.',
    );
  }
  active = withScans(next);
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
