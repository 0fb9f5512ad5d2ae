import { ConfigError, show } from '../errors.js';

/** `batchSize` when it is a positive integer or undefined (the caller's default); else throws. */
export function checkBatchSize(batchSize: number | undefined): number | undefined {
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize <= 0)) {
    throw new ConfigError(
      'config/batch-size', `batchSize should be a positive integer but got ${show(batchSize)}.`,
    );
  }
  return batchSize;
}
