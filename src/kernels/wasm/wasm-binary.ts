import {
  sharedMemoryRelaxedWasm,
  sharedMemoryWasm,
  unsharedMemoryRelaxedWasm,
  unsharedMemoryWasm,
} from './generated/kernels-wasm.js';

type GemmExport = (
  a: number, b: number, out: number, m: number, k: number, n: number, work: number,
) => void;

/** What `asm/kernels.ts` exports; pointers are byte offsets into the memory, sizes count floats. */
export interface KernelExports {
  heapBase(): number;
  gemmWorkspaceBytes(): number;
  /** Rows of gemm's register tile in this build (asm/tile.ts): threads split rows by these. */
  gemmTileRows(): number;
  matmul: GemmExport;
  matmulTransA: GemmExport;
  matmulTransB: GemmExport;
  addBias(out: number, bias: number, m: number, n: number): void;
  sumRows(x: number, out: number, m: number, n: number): void;
  biasActivation(x: number, bias: number, m: number, n: number, activation: number): void;
  activationBackward(dy: number, y: number, dx: number, size: number, activation: number): void;
  adam(
    w: number, g: number, m: number, v: number, size: number,
    alpha: number, oneMinusBeta1: number, oneMinusBeta2: number, epsilon: number,
  ): void;
  sgd(
    w: number, g: number, velocity: number, size: number,
    rate: number, momentum: number, nesterov: number,
  ): void;
  countNonFinite(x: number, size: number): number;
  /** Per column of x (rows, cols): min, max, count outside [low, high] into out (3·cols, f32). */
  columnRanges(x: number, rows: number, cols: number, low: number, high: number, out: number): void;
  /** Adds per-column sums of x − center and of its squares onto out (2·cols, f64). */
  columnMoments(x: number, rows: number, cols: number, center: number, out: number): void;
  /** The steps of a dense chain (asm/chain.ts) over x (m rows), on this thread. */
  denseChain(table: number, steps: number, x: number, m: number, work: number): void;
  /** Computes parts of the job posted in the control block (asm/threads.ts); returns how many. */
  runJobs(control: number, work: number): number;
}

/** Which build of the kernels module: memory kind, and fused multiply-add (relaxed SIMD) or not. */
export interface KernelsVariant {
  /** Imports a shared memory (worker threads, growth without detaching views). */
  readonly shared: boolean;
  /** Built with relaxed SIMD (asm/madd.ts); needs a runtime that compiles it. */
  readonly relaxed: boolean;
}

const decoded = new Map<string, Uint8Array<ArrayBuffer>>();

function base64(variant: KernelsVariant): string {
  if (variant.shared) return variant.relaxed ? sharedMemoryRelaxedWasm : sharedMemoryWasm;
  return variant.relaxed ? unsharedMemoryRelaxedWasm : unsharedMemoryWasm;
}

/**
 * The kernels module as bytes, in the given variant.
 * NOTE: the bytes ship inside a TypeScript module (base64) so Node and browsers load them with
 * neither fetch nor fs; `atob` is a global in both.
 */
export function kernelsBinary(variant: KernelsVariant): Uint8Array<ArrayBuffer> {
  const key = `${variant.shared}/${variant.relaxed}`;
  let bytes = decoded.get(key);
  if (bytes === undefined) {
    const text = atob(base64(variant));
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    decoded.set(key, bytes);
  }
  return bytes;
}
