// AssemblyScript: the shared work loop of the kernel threads. The JavaScript side describes one
// job (a gemm or an Adam step, split into `count` parts) in a control block in the shared memory;
// the calling thread and every worker thread then call `runJobs`, which claims parts one at a time
// with a compare-and-swap until none is left. Each part is computed by exactly one thread, with
// the same code as a single-threaded call, so results do not depend on how many threads ran or
// which part each took (see `gemmTiled`). A worker that wakes late finds nothing left to claim.
//
// Control block, 32-bit slots (byte offset = slot · 4):
//   0 STATE  (sequence << 8) | (count << 4) | next part to claim; one compare-and-swap claims a
//            part of exactly the job it read, even if the caller posts the next job meanwhile
//   1 DONE   parts finished; the thread finishing the last part notifies waiters on this slot
//   2 WAKE   incremented (and notified) by the caller for every job; workers wait on it
//   3        unused
//   4 READY  workers that have instantiated the module and entered their loop
//   5 FAILED non-zero when a worker's part threw (the caller then stops using threads)
//   6 OP     1 gemm, 2 Adam, 3 dense chain
//   7 SPIN   microseconds a worker polls for the next job before it sleeps (read by JavaScript)
//   8…19     gemm: a, asI, asP, b, bsP, bsC, c, m, k, n, splitColumns
//            Adam: w, g, m, v, size, then alpha, 1 − beta1, 1 − beta2, epsilon as f32 in 13…16
//            dense chain: table, steps, x, m (asm/chain.ts; parts split the rows)

import { denseChainRows } from './chain';
import { gemmTiled, MR, NR } from './gemm';
import { adam } from './optimizers';

const STATE: usize = 0;
const DONE: usize = 4;
const OP: usize = 24;
const ARGS: usize = 32;
const OP_GEMM: i32 = 1;
const OP_ADAM: i32 = 2;
const OP_CHAIN: i32 = 3;
/** Adam parts start on multiples of 16 floats (one 64-byte cache line). */
const ADAM_UNIT: i32 = 16;

// @ts-ignore: decorator
@inline
function arg(control: usize, index: i32): i32 {
  return load<i32>(control + ARGS + <usize>index * 4);
}

// The first element of part `index` of `count` over `size` elements in steps of `unit`.
function partStart(size: i32, unit: i32, index: i32, count: i32): i32 {
  const units = (<i64>size + unit - 1) / unit;
  return <i32>min<i64>(size, (units * index / count) * unit);
}

function runPart(control: usize, index: i32, count: i32, work: usize): void {
  const op = load<i32>(control + OP);
  if (op == OP_GEMM) {
    const a = <usize>arg(control, 0);
    const asI = arg(control, 1);
    const asP = arg(control, 2);
    const b = <usize>arg(control, 3);
    const bsP = arg(control, 4);
    const bsC = arg(control, 5);
    const c = <usize>arg(control, 6);
    const m = arg(control, 7);
    const k = arg(control, 8);
    const n = arg(control, 9);
    if (arg(control, 10) != 0) {
      const start = partStart(n, NR, index, count);
      const end = partStart(n, NR, index + 1, count);
      const bPart = b + <usize>start * <usize>bsC * 4;
      gemmTiled(a, asI, asP, bPart, bsP, bsC, c + <usize>start * 4, n, m, k, end - start, work);
    } else {
      const start = partStart(m, MR, index, count);
      const end = partStart(m, MR, index + 1, count);
      const aPart = a + <usize>start * <usize>asI * 4;
      const cPart = c + <usize>start * <usize>n * 4;
      gemmTiled(aPart, asI, asP, b, bsP, bsC, cPart, n, end - start, k, n, work);
    }
  } else if (op == OP_ADAM) {
    const size = arg(control, 4);
    const start = partStart(size, ADAM_UNIT, index, count);
    const end = partStart(size, ADAM_UNIT, index + 1, count);
    const offset = <usize>start * 4;
    const scalars = control + ARGS + 5 * 4;
    adam(
      <usize>arg(control, 0) + offset, <usize>arg(control, 1) + offset,
      <usize>arg(control, 2) + offset, <usize>arg(control, 3) + offset, end - start,
      load<f32>(scalars), load<f32>(scalars, 4), load<f32>(scalars, 8), load<f32>(scalars, 12),
    );
  } else if (op == OP_CHAIN) {
    const m = arg(control, 3);
    const start = partStart(m, MR, index, count);
    const end = partStart(m, MR, index + 1, count);
    denseChainRows(<usize>arg(control, 0), arg(control, 1), <usize>arg(control, 2), m, start, end, work);
  }
}

/**
 * Claims and computes parts of the posted job until none is left; `work` is this thread's gemm
 * workspace. Returns how many parts this thread computed.
 */
export function runJobs(control: usize, work: usize): i32 {
  let computed = 0;
  // NOTE: the variant for an ordinary (unshared) memory is built without the threads feature;
  // there only one thread ever runs, and plain loads and stores do the same.
  while (true) {
    const state = ASC_FEATURE_THREADS
      ? atomic.load<i32>(control + STATE)
      : load<i32>(control + STATE);
    const count = (state >> 4) & 15;
    const next = state & 15;
    if (next >= count) return computed;
    if (ASC_FEATURE_THREADS) {
      if (atomic.cmpxchg<i32>(control + STATE, state, state + 1) != state) continue;
    } else {
      store<i32>(control + STATE, state + 1);
    }
    runPart(control, next, count, work);
    computed++;
    if (ASC_FEATURE_THREADS) {
      if (atomic.add<i32>(control + DONE, 1) + 1 == count) atomic.notify(control + DONE);
    } else {
      store<i32>(control + DONE, load<i32>(control + DONE) + 1);
    }
  }
}
