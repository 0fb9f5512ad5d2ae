import type { Callback } from './callback.js';

/** Wraps plain hook functions as a callback: `nn.callbacks.lambda({ onEpochEnd: ... })`. */
export function lambdaCallback(hooks: Callback): Callback {
  return { ...hooks };
}
