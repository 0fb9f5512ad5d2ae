import type { Logs } from '../callbacks/callback.js';
import type { Diagnostic } from '../doctor/diagnostic.js';

/** What `fit` returns: per-epoch values under Keras' keys (`loss`, `val_accuracy`, ...). */
export class History {
  readonly history: Record<string, number[]> = {};
  readonly epoch: number[] = [];
  /** fit's settings: epochs, batch size, steps per epoch, samples. */
  readonly params: { epochs: number; batchSize: number; steps: number; samples: number };
  /** The model doctor's warnings for this fit: compile, data and training (docs/diagnostics.md). */
  readonly diagnostics: Diagnostic[] = [];

  constructor(params: History['params']) {
    this.params = params;
  }

  record(epoch: number, logs: Logs): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) {
      // NOTE: an own property even for a key such as 'toString' or '__proto__' (metric names are free text).
      if (!Object.hasOwn(this.history, key)) {
        Object.defineProperty(this.history, key, { value: [], enumerable: true, writable: true, configurable: true });
      }
      this.history[key].push(value);
    }
  }
}
