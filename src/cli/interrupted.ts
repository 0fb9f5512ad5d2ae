import type { Callback } from '../callbacks/callback.js';

/** The exit code of a command stopped by Ctrl-C: 128 + SIGINT, as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** A command stopped by Ctrl-C; `outcome` says what became of its files ("nothing was written"). */
export class Interrupted extends Error {
  constructor(readonly outcome: string) {
    super(`interrupted; ${outcome}`);
    this.name = 'Interrupted';
  }
}

/** Whether an error is the abort of `signal` (what a stopped step throws), rather than a failure. */
export function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && (error === signal.reason || (error instanceof Error && error.name === 'AbortError'));
}

/** A fit callback that stops training at the next batch once `signal` is aborted. */
export function stopOnAbort(signal: AbortSignal): Callback {
  return {
    onBatchEnd: () => signal.throwIfAborted(),
    onEpochEnd: () => signal.throwIfAborted(),
  };
}
