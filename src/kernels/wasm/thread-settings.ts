// How the wasm kernels use worker threads: the settings the thread pool (thread-pool.ts) reads,
// and `setKernelThreads`, which changes them.
import { ConfigError, show } from '../../errors.js';

/**
 * How the wasm kernels use worker threads: Node's worker threads, or Web Workers on a
 * cross-origin isolated browser page.
 */
export interface ThreadSettings {
  /**
   * Worker threads beside the calling one: 'auto' is one per further core (at most 3), 0 turns
   * threads off. Read when the first large job starts the workers; later, 0 stops using them.
   */
  workers: number | 'auto';
  /** The smallest matmul (2·m·k·n floating-point operations) split across threads. */
  minMatmulFlops: number;
  /** The smallest Adam update (parameters) split across threads. */
  minAdamSize: number;
  /**
   * Parts per thread a job is split into: more parts balance better when a thread is slowed
   * down, but each part packs its own copy of the smaller operand. Dense chains at inference,
   * whose parts are many rows each, take at least 4.
   */
  partsPerThread: number;
  /**
   * Microseconds a thread polls for the next job (a worker) or for the other threads' parts (the
   * caller) before it sleeps. NOTE: waking a sleeping thread takes tens to hundreds of
   * microseconds (more in virtual machines), which the jobs of a training step would pay each.
   */
  spinMicroseconds: number;
}

/** The settings in force (the kernel threads read them at every call). */
export const threadSettings: ThreadSettings = {
  workers: 'auto',
  minMatmulFlops: 4_000_000,
  minAdamSize: 65_536,
  partsPerThread: 1,
  spinMicroseconds: 2000,
};

/** Changes how the wasm kernels use worker threads (see `ThreadSettings`). */
export function setKernelThreads(options: Partial<ThreadSettings>): void {
  const known = Object.keys(threadSettings);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ConfigError(
        'config/threads',
        `setKernelThreads got the unknown setting ${show(key)}; the settings are ${known.join(', ')}.`,
      );
    }
  }
  const { workers, ...numbers } = options;
  if (workers !== undefined && workers !== 'auto' && !(Number.isInteger(workers) && workers >= 0)) {
    throw new ConfigError(
      'config/threads',
      `workers must be 'auto' or a non-negative integer but got ${show(workers)}.`,
    );
  }
  for (const [name, value] of Object.entries(numbers)) {
    if (typeof value !== 'number' || !(value >= 0)) {
      throw new ConfigError(
        'config/threads',
        `${name} must be a non-negative number but got ${show(value)}.`,
      );
    }
  }
  Object.assign(threadSettings, options);
}
