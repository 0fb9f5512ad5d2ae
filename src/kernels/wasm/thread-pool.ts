import { StateError } from '../../errors.js';
import { threadHost } from './thread-host.js';
import type { KernelExports } from './wasm-binary.js';
import type { WasmHeap } from './wasm-heap.js';
import { threadSettings as settings } from './thread-settings.js';
import type { ThreadHost } from './worker-program.js';

export { setKernelThreads, type ThreadSettings } from './thread-settings.js';

// Control block slots (32-bit), as asm/threads.ts lays them out.
const STATE = 0;
const DONE = 1;
const WAKE = 2;
const READY = 4;
const FAILED = 5;
const OP = 6;
const SPIN = 7;
const ARGS = 8;
const CONTROL_BYTES = 128;
const OP_GEMM = 1;
const OP_ADAM = 2;
const OP_CHAIN = 3;
/** The part counter has 4 bits. */
const MAX_PARTS = 15;
/** The fewest parts per thread a dense chain is split into (see `denseChain`). */
const CHAIN_PARTS_PER_THREAD = 4;
/** At most this many workers, whatever the core count: the kernels' work rarely scales further. */
const MAX_WORKERS = 3;
const SEQUENCE_MASK = 0x7fffff;

let pool: KernelThreads | undefined;

/** What the threads have done in this process: workers started, ready, and jobs split. */
export interface ThreadStats {
  readonly started: number;
  readonly ready: number;
  readonly jobs: number;
  /** Parts of those jobs, and how many of them worker threads computed (the rest: the caller). */
  readonly parts: number;
  readonly partsOnWorkers: number;
}

/** Workers started (0 until a large enough job ran), ready, and jobs split across threads. */
export function kernelThreadStats(): ThreadStats {
  return {
    started: pool?.spawned ?? 0,
    ready: pool?.ready() ?? 0,
    jobs: pool?.jobs ?? 0,
    parts: pool?.parts ?? 0,
    partsOnWorkers: pool?.partsOnWorkers ?? 0,
  };
}

/**
 * Starts the worker threads now (they start on the first large job otherwise) and resolves with
 * how many are ready once all have instantiated the module (or failed to). Needs the wasm kernels.
 */
export async function startKernelThreads(): Promise<number> {
  if (pool === undefined) return 0;
  pool.spawn();
  for (let waited = 0; pool.ready() < pool.spawned && waited < 10_000; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return pool.ready();
}

/**
 * Parts for a job over `units` register tiles (rows of the build's tile height, or columns of 8)
 * with `helpers` workers ready: `perThread` per thread, at most one tile each and at most
 * MAX_PARTS.
 */
function tileParts(units: number, helpers: number, perThread: number): number {
  return Math.min(MAX_PARTS, units, (helpers + 1) * Math.max(1, perThread));
}

/**
 * Splits large kernel calls across worker threads that share the wasm memory. Every part is
 * computed by exactly one thread with the single-threaded code (asm/threads.ts), so results are
 * bit-identical to a single-threaded call. Workers start on the first job above the thresholds
 * and become ready a few tens of milliseconds later; until then calls run on the calling thread.
 */
export class KernelThreads {
  private readonly wasm: KernelExports;
  private readonly module: WebAssembly.Module;
  private readonly memory: WebAssembly.Memory;
  private readonly heap: WasmHeap;
  private readonly work: number;
  /** Rows of gemm's register tile in this build: the unit in which rows are split. */
  private readonly tileRows: number;
  /** How workers were started (thread-host.ts); undefined until they were. */
  private threads: ThreadHost | undefined;
  private control = 0;
  private slots: Int32Array | undefined;
  private floats: Float32Array | undefined;
  private spawnTried = false;
  private failed = false;
  private sequence = 0;
  spawned = 0;
  jobs = 0;
  parts = 0;
  partsOnWorkers = 0;

  constructor(
    wasm: KernelExports, module: WebAssembly.Module, memory: WebAssembly.Memory, heap: WasmHeap,
    work: number,
  ) {
    this.wasm = wasm;
    this.module = module;
    this.memory = memory;
    this.heap = heap;
    this.work = work;
    this.tileRows = wasm.gemmTileRows();
    pool = this;
  }

  /** Workers that have instantiated the module and wait for jobs. */
  ready(): number {
    return this.slots === undefined || this.failed ? 0 : Atomics.load(this.slots, READY);
  }

  /** Starts the workers, once, where the runtime has them and threads are on. */
  spawn(): void {
    if (this.spawnTried || settings.workers === 0) return;
    // NOTE: looked up here, not in the constructor, so that a host registered after the kernels
    // loaded still serves; without one, the next large job looks again.
    const threads = threadHost();
    if (threads === undefined) return;
    this.threads = threads;
    this.spawnTried = true;
    const wanted = settings.workers === 'auto'
      ? Math.min(MAX_WORKERS, threads.availableWorkers())
      : settings.workers;
    if (wanted === 0) return;
    const control = this.heap.reserveRaw(CONTROL_BYTES);
    if (control === undefined) return;
    // NOTE: a view made now stays valid: a shared memory's old buffers keep their length.
    new Uint8Array(this.memory.buffer, control, CONTROL_BYTES).fill(0);
    this.control = control;
    this.slots = new Int32Array(this.memory.buffer, control, CONTROL_BYTES / 4);
    this.floats = new Float32Array(this.memory.buffer, control, CONTROL_BYTES / 4);
    for (let i = 0; i < wanted; i++) {
      const work = this.heap.reserveRaw(this.wasm.gemmWorkspaceBytes());
      if (work === undefined) break;
      const { module, memory } = this;
      try {
        threads.spawnKernelWorker({ module, memory, control, work });
      } catch {
        // NOTE: a runtime refusing workers: the kernels keep running on the calling thread.
        this.heap.releaseRaw(work);
        break;
      }
      this.spawned++;
    }
  }

  /** Ready workers when threads are on and a job this large is worth splitting; else 0. */
  private helpers(work: number, threshold: number): number {
    if (settings.workers === 0 || work < threshold || this.failed) return 0;
    if (!this.spawnTried) this.spawn();
    return this.ready();
  }

  /**
   * C (m, n) = A · B split across threads (the strides of asm/gemm.ts, C row-major); false when
   * the call is too small or no worker is ready, and the caller runs it alone.
   */
  gemm(
    a: number, asI: number, asP: number, b: number, bsP: number, bsC: number,
    c: number, m: number, k: number, n: number,
  ): boolean {
    // NOTE: one output row or column goes to the matrix-vector loops and depth one to the outer
    // product, which are never split: the outer product only writes C, too little work to share.
    if (m < 2 || n < 2 || k < 2) return false;
    const helpers = this.helpers(2 * m * k * n, settings.minMatmulFlops);
    if (helpers === 0) return false;
    // Split the output along the dimension of the larger operand: each part packs its own share
    // of that operand and all of the smaller one.
    const splitColumns = n >= m;
    const units = splitColumns ? Math.ceil(n / 8) : Math.ceil(m / this.tileRows);
    const parts = tileParts(units, helpers, settings.partsPerThread);
    if (parts < 2) return false;
    const slots = this.slots as Int32Array;
    slots.set([a, asI, asP, b, bsP, bsC, c, m, k, n, splitColumns ? 1 : 0], ARGS);
    this.run(OP_GEMM, parts);
    return true;
  }

  /** One Adam step split across threads (arguments as asm/optimizers.ts); false: run it alone. */
  adam(
    w: number, g: number, m: number, v: number, size: number,
    alpha: number, oneMinusBeta1: number, oneMinusBeta2: number, epsilon: number,
  ): boolean {
    const helpers = this.helpers(size, settings.minAdamSize);
    if (helpers === 0) return false;
    const parts = Math.min(MAX_PARTS, helpers + 1);
    (this.slots as Int32Array).set([w, g, m, v, size], ARGS);
    (this.floats as Float32Array).set([alpha, oneMinusBeta1, oneMinusBeta2, epsilon], ARGS + 5);
    this.run(OP_ADAM, parts);
    return true;
  }

  /**
   * A dense chain (asm/chain.ts) split by rows across threads; `flops` is the whole chain's
   * work, compared with the matmul threshold. False when too small: the caller runs it alone.
   */
  denseChain(table: number, steps: number, x: number, m: number, flops: number): boolean {
    // NOTE: a one-row chain goes through the matrix-vector loops, which are never split.
    if (m < 2) return false;
    const helpers = this.helpers(flops, settings.minMatmulFlops);
    if (helpers === 0) return false;
    // NOTE: a chain's part is many rows through every layer, so the weights each part packs
    // for itself are little next to its work: at least CHAIN_PARTS_PER_THREAD parts per thread
    // let a thread that the machine slows down take fewer of them.
    const perThread = Math.max(CHAIN_PARTS_PER_THREAD, settings.partsPerThread);
    const parts = tileParts(Math.ceil(m / this.tileRows), helpers, perThread);
    if (parts < 2) return false;
    (this.slots as Int32Array).set([table, steps, x, m], ARGS);
    this.run(OP_CHAIN, parts);
    return true;
  }

  // Posts the job described in the argument slots, takes parts of it here, waits for the rest.
  private run(op: number, parts: number): void {
    const slots = this.slots as Int32Array;
    this.jobs++;
    slots[OP] = op;
    slots[SPIN] = settings.spinMicroseconds;
    Atomics.store(slots, DONE, 0);
    this.sequence = (this.sequence + 1) & SEQUENCE_MASK;
    Atomics.store(slots, STATE, (this.sequence << 8) | (parts << 4));
    Atomics.add(slots, WAKE, 1);
    Atomics.notify(slots, WAKE);
    this.parts += parts;
    this.partsOnWorkers += parts - this.wasm.runJobs(this.control, this.work);
    // NOTE: the parts left are running on workers and usually finish within microseconds;
    // polling first avoids a sleep and wake-up (slow in virtual machines) for each job.
    const until = performance.now() + settings.spinMicroseconds / 1000;
    while (Atomics.load(slots, DONE) < parts && performance.now() < until);
    const canWait = this.threads?.callerCanWait ?? false;
    for (;;) {
      const done = Atomics.load(slots, DONE);
      if (done >= parts) return;
      if (Atomics.load(slots, FAILED) !== 0) {
        this.failed = true;
        throw new StateError(
          'kernels/thread-failed',
          'A kernel worker thread failed in the middle of a job, so its result is incomplete; ' +
            'threads are now off in this process. Report this as a bug; ' +
            'setKernelThreads({ workers: 0 }) avoids threads altogether.',
        );
      }
      // NOTE: the thread finishing the last part notifies this slot (memory.atomic.notify). A
      // browser's main thread may not wait, so it keeps polling.
      if (canWait) Atomics.wait(slots, DONE, done);
    }
  }
}
